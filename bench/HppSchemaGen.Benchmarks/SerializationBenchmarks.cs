using System.Collections.Generic;
using System.Text;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using HppSchemaGen.Benchmarks.Generated;
using HppSchemaGen.Benchmarks.HandWritten;

namespace HppSchemaGen.Benchmarks;

/// <summary>
/// Deserialize and serialize: our Parse (validate + deserialize) and our context, against
/// System.Text.Json's source-generated context (the baseline) and its reflection serializer, over
/// hand-written copies of the same records.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class SerializationBenchmarks
{
    private byte[] _small = null!;
    private byte[] _large = null!;
    private SessionCreationResponseV1 _ours = null!;
    private SessionCreationResponse _theirs = null!;
    private List<SessionResponseV1> _oursList = null!;
    private List<SessionResponse> _theirsList = null!;
    private JsonSerializerOptions _reflection = null!;

    [GlobalSetup]
    public void Setup()
    {
        _small = Encoding.UTF8.GetBytes(Payloads.SessionCreationResponse);
        _large = Encoding.UTF8.GetBytes(Payloads.SessionResponses(1_000));
        _reflection = new JsonSerializerOptions { TypeInfoResolver = new System.Text.Json.Serialization.Metadata.DefaultJsonTypeInfoResolver() };
        _ours = OursParse();
        _theirs = StjSourceGen();
        _oursList = JsonSerializer.Deserialize(_large, SchemaJsonContext.Default.SessionResponseList)!;
        _theirsList = JsonSerializer.Deserialize(_large, HandWrittenContext.Default.ListSessionResponse)!;
    }

    [Benchmark, BenchmarkCategory("Deserialize HPP example")]
    public SessionCreationResponseV1 OursParse() => SessionCreationResponseV1.Parse(_small);

    [Benchmark, BenchmarkCategory("Deserialize HPP example")]
    public SessionCreationResponseV1 OursContext() => JsonSerializer.Deserialize(_small, SchemaJsonContext.Default.SessionCreationResponseV1)!;

    [Benchmark(Baseline = true), BenchmarkCategory("Deserialize HPP example")]
    public SessionCreationResponse StjSourceGen() => JsonSerializer.Deserialize(_small, HandWrittenContext.Default.SessionCreationResponse)!;

    [Benchmark, BenchmarkCategory("Deserialize HPP example")]
    public SessionCreationResponse StjReflection() => (SessionCreationResponse)JsonSerializer.Deserialize(_small, typeof(SessionCreationResponse), _reflection)!;

    [Benchmark, BenchmarkCategory("Deserialize 1,000 responses")]
    public List<SessionResponseV1> OursParseList() => SessionResponseList.Parse(_large);

    [Benchmark, BenchmarkCategory("Deserialize 1,000 responses")]
    public List<SessionResponseV1> OursContextList() => JsonSerializer.Deserialize(_large, SchemaJsonContext.Default.SessionResponseList)!;

    [Benchmark(Baseline = true), BenchmarkCategory("Deserialize 1,000 responses")]
    public List<SessionResponse> StjSourceGenList() => JsonSerializer.Deserialize(_large, HandWrittenContext.Default.ListSessionResponse)!;

    [Benchmark, BenchmarkCategory("Serialize HPP example")]
    public byte[] OursSerialize() => JsonSerializer.SerializeToUtf8Bytes(_ours, SchemaJsonContext.Default.SessionCreationResponseV1);

    [Benchmark(Baseline = true), BenchmarkCategory("Serialize HPP example")]
    public byte[] StjSourceGenSerialize() => JsonSerializer.SerializeToUtf8Bytes(_theirs, HandWrittenContext.Default.SessionCreationResponse);

    [Benchmark, BenchmarkCategory("Serialize 1,000 responses")]
    public byte[] OursSerializeList() => JsonSerializer.SerializeToUtf8Bytes(_oursList, SchemaJsonContext.Default.SessionResponseList);

    [Benchmark(Baseline = true), BenchmarkCategory("Serialize 1,000 responses")]
    public byte[] StjSourceGenSerializeList() => JsonSerializer.SerializeToUtf8Bytes(_theirsList, HandWrittenContext.Default.ListSessionResponse);
}
