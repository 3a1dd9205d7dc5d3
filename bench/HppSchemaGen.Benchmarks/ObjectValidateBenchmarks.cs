using System.Text.Json;
using BenchmarkDotNet.Attributes;
using HppSchemaGen.Benchmarks.Generated;

namespace HppSchemaGen.Benchmarks;

/// <summary>
/// Validating a request built in code: <c>request.Validate()</c> (emitted over the record's members)
/// against what a user had to do before, serializing it through the context and validating the JSON.
/// </summary>
[MemoryDiagnoser]
public class ObjectValidateBenchmarks
{
    private SessionCreationRequestV1 _request = null!;

    [GlobalSetup]
    public void Setup()
    {
        // Built by the context from the HPP tests' request example: the same object code would build.
        _request = JsonSerializer.Deserialize(HppSchemaGen.Hpp.Tests.Examples.SessionCreationRequest, SchemaJsonContext.Default.SessionCreationRequestV1)!;
        if (!ValidateObject() || !SerializeAndValidate())
            throw new System.InvalidOperationException("the request example must be valid both ways");
    }

    [Benchmark]
    public bool ValidateObject() => _request.Validate().IsValid;

    [Benchmark(Baseline = true)]
    public bool SerializeAndValidate()
    {
        using JsonDocument document = JsonDocument.Parse(JsonSerializer.SerializeToUtf8Bytes(_request, SchemaJsonContext.Default.SessionCreationRequestV1));
        return SessionCreationRequestV1.Validate(document.RootElement).IsValid;
    }
}
