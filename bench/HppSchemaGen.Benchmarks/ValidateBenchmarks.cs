using System.Text;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using HppSchemaGen.Benchmarks.Generated;

namespace HppSchemaGen.Benchmarks;

/// <summary>Validation of the HPP example and of 10,000 session responses: our emitted validators vs JsonSchema.Net and NJsonSchema, schemas built once.</summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class ValidateBenchmarks
{
    private JsonDocument _small = null!;
    private JsonDocument _large = null!;
    private Json.Schema.JsonSchema _jsonSchemaNetSmall = null!;
    private Json.Schema.JsonSchema _jsonSchemaNetLarge = null!;
    private Json.Schema.EvaluationOptions _flag = null!;
    private NJsonSchema.JsonSchema _nSmall = null!;
    private NJsonSchema.JsonSchema _nLarge = null!;
    private Newtonsoft.Json.Linq.JToken _nSmallData = null!;
    private Newtonsoft.Json.Linq.JToken _nLargeData = null!;

    /// <summary>Size of the large document in bytes (for MB/s).</summary>
    public static int LargeSize { get; private set; }

    [GlobalSetup]
    public void Setup()
    {
        string large = Payloads.SessionResponses(10_000);
        LargeSize = Encoding.UTF8.GetByteCount(large);
        _small = JsonDocument.Parse(Payloads.SessionCreationResponse);
        _large = JsonDocument.Parse(large);
        const string v202012 = "https://json-schema.org/draft/2020-12/schema";
        // Unique base URIs: JsonSchema.Net registers schemas globally, and setups run once per benchmark.
        _jsonSchemaNetSmall = Json.Schema.JsonSchema.FromText(Payloads.Bundle("SessionCreationResponseV1", "$defs", v202012), new Json.Schema.BuildOptions(), new System.Uri("https://bench.local/" + System.Guid.NewGuid()));
        _jsonSchemaNetLarge = Json.Schema.JsonSchema.FromText(Payloads.Bundle("SessionResponseList", "$defs", v202012), new Json.Schema.BuildOptions(), new System.Uri("https://bench.local/" + System.Guid.NewGuid()));
        _flag = new Json.Schema.EvaluationOptions { OutputFormat = Json.Schema.OutputFormat.Flag, RequireFormatValidation = true };
        const string draft7 = "http://json-schema.org/draft-07/schema#";
        _nSmall = NJsonSchema.JsonSchema.FromJsonAsync(Payloads.Bundle("SessionCreationResponseV1", "definitions", draft7)).GetAwaiter().GetResult();
        _nLarge = NJsonSchema.JsonSchema.FromJsonAsync(Payloads.Bundle("SessionResponseList", "definitions", draft7)).GetAwaiter().GetResult();
        _nSmallData = Newtonsoft.Json.Linq.JToken.Parse(Payloads.SessionCreationResponse);
        _nLargeData = Newtonsoft.Json.Linq.JToken.Parse(large);
        if (!HppSmall() || !HppLarge() || !JsonSchemaNetSmall() || !JsonSchemaNetLarge() || !NJsonSchemaSmall() || !NJsonSchemaLarge())
            throw new System.InvalidOperationException("every validator must accept the benchmark documents");
    }

    [Benchmark(Baseline = true), BenchmarkCategory("HPP example")]
    public bool HppSmall() => SessionCreationResponseV1.Validate(_small.RootElement).IsValid;

    [Benchmark, BenchmarkCategory("HPP example")]
    public bool JsonSchemaNetSmall() => _jsonSchemaNetSmall.Evaluate(_small.RootElement, _flag).IsValid;

    [Benchmark, BenchmarkCategory("HPP example")]
    public bool NJsonSchemaSmall() => _nSmall.Validate(_nSmallData).Count == 0;

    [Benchmark(Baseline = true), BenchmarkCategory("10,000 responses")]
    public bool HppLarge() => SessionResponseList.Validate(_large.RootElement).IsValid;

    [Benchmark, BenchmarkCategory("10,000 responses")]
    public bool JsonSchemaNetLarge() => _jsonSchemaNetLarge.Evaluate(_large.RootElement, _flag).IsValid;

    [Benchmark, BenchmarkCategory("10,000 responses")]
    public bool NJsonSchemaLarge() => _nLarge.Validate(_nLargeData).Count == 0;
}
