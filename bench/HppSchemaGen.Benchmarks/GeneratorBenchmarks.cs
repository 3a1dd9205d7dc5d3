using System.Collections.Generic;
using System.IO;
using System.Linq;
using BenchmarkDotNet.Attributes;
using HppSchemaGen.Generator;
using HppSchemaGen.Testing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace HppSchemaGen.Benchmarks;

/// <summary>
/// What the generator costs a build: a full run over HPP and over N object schemas, and the re-run
/// of a warm driver after an edit: one schema's description, one property's type, or a C# file
/// unrelated to the schemas (each benchmark alternates between two states, so every run is an edit).
/// Ratios are against the full run of the same N.
/// </summary>
[MemoryDiagnoser]
public class GeneratorBenchmarks
{
    private List<AdditionalText> _hpp = null!;
    private List<AdditionalText> _synthetic = null!;
    private CSharpCompilation _compilation = null!;
    private CSharpCompilation _edited = null!;
    private GeneratorDriver _warm = null!;
    private GeneratorDriver _floor = null!;
    private AdditionalText _original = null!;
    private AdditionalText _description = null!;
    private AdditionalText _propertyType = null!;
    private bool _flip;

    /// <summary>200, 2,000 and 5,000; <c>HPPSCHEMAGEN_BENCH_N=200</c> (comma-separated) runs fewer.</summary>
    public static IEnumerable<int> Sizes => System.Environment.GetEnvironmentVariable("HPPSCHEMAGEN_BENCH_N") is { Length: > 0 } sizes
        ? sizes.Split(',').Select(int.Parse)
        : new[] { 200, 2000, 5000 };

    [ParamsSource(nameof(Sizes))]
    public int N { get; set; }

    [GlobalSetup(Targets = new[] { nameof(FullRunHpp11), nameof(FullRunSynthetic), nameof(DescriptionEdit), nameof(PropertyTypeEdit) })]
    public void Setup()
    {
        string dir = Path.Combine(System.AppContext.BaseDirectory, "schemas");
        _hpp = Directory.GetFiles(dir, "*.json").OrderBy(f => f, System.StringComparer.Ordinal)
            .Select(f => (AdditionalText)new InMemoryAdditionalText(f, File.ReadAllText(f))).ToList();
        _synthetic = Enumerable.Range(0, N).Select(i => (AdditionalText)new InMemoryAdditionalText($"/synthetic/s{i}.schema.json", Synthetic(i, N, "v1", "number"))).ToList();
        _compilation = CSharpCompilation.Create("Bench", new[] { CSharpSyntaxTree.ParseText("class C { }") }, CompilationReferences.All);
        _edited = _compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("class Unrelated { int X => 1; }"));
        _original = _synthetic[N / 2];
        _description = new InMemoryAdditionalText(_original.Path, Synthetic(N / 2, N, "v2", "number"));
        _propertyType = new InMemoryAdditionalText(_original.Path, Synthetic(N / 2, N, "v1", "string"));
        _warm = Driver(_synthetic).RunGenerators(_compilation);
        _floor = CSharpGeneratorDriver.Create(new[] { new PathsOnly().AsSourceGenerator() }, _synthetic, CompilationReferences.ParseOptions).RunGenerators(_compilation);
    }

    /// <summary>
    /// The keystroke benchmarks measure a warm driver in an editing session's steady state: before
    /// BenchmarkDotNet's own warm-up, each driver runs 1,000 unrelated edits. Its warm-up counts
    /// iterations, and at 2,000 schemas an iteration holds about 128 runs: measured from a cold
    /// start, the first few hundred runs still execute code the JIT has not yet optimized (a
    /// stopwatch loop prints 5.1, 4.4, 2.7, 1.2, then 0.8 ms per run for each 128 runs).
    /// </summary>
    [GlobalSetup(Targets = new[] { nameof(UnrelatedCSharpEdit), nameof(UnrelatedCSharpEditPathsOnly) })]
    public void SetupWarm()
    {
        Setup();
        for (int i = 0; i < 1000; i++)
        {
            UnrelatedCSharpEdit();
            UnrelatedCSharpEditPathsOnly();
        }
    }

    /// <summary>A deterministic object schema with nested objects, an enum, an array and a $ref to its neighbour.</summary>
    private static string Synthetic(int i, int n, string version, string ratioType) => $$$"""
        {"$id": "https://bench.local/s{{{i}}}.json", "title": "Synthetic{{{i}}}", "description": "{{{version}}}", "type": "object", "required": ["id"],
         "properties": {
           "id": {"type": "string", "format": "uuid"}, "count": {"type": "integer", "minimum": 0}, "ratio": {"type": "{{{ratioType}}}"},
           "status": {"type": "string", "enum": ["A{{{i}}}", "B{{{i}}}", "C{{{i}}}"]},
           "tags": {"type": "array", "items": {"type": "string", "maxLength": 20}},
           "address": {"type": "object", "properties": {"street": {"type": "string"}, "zip": {"type": "string", "pattern": "^[0-9]{5}$"} } },
           "next": {"$ref": "https://bench.local/s{{{(i + 1) % n}}}.json"} } }
        """;

    private static GeneratorDriver Driver(IEnumerable<AdditionalText> texts)
        => CSharpGeneratorDriver.Create(new[] { new SchemaGenerator().AsSourceGenerator() }, texts, CompilationReferences.ParseOptions,
            new TestOptionsProvider(new Dictionary<string, string> { ["build_property.RootNamespace"] = "Bench" }, new Dictionary<string, IReadOnlyDictionary<string, string>>()));

    [Benchmark]
    public GeneratorDriver FullRunHpp11() => Driver(_hpp).RunGenerators(_compilation);

    [Benchmark(Baseline = true)]
    public GeneratorDriver FullRunSynthetic() => Driver(_synthetic).RunGenerators(_compilation);

    /// <summary>One schema's description edited, the warm driver runs again.</summary>
    [Benchmark]
    public GeneratorDriver DescriptionEdit() => Edit(_description);

    /// <summary>One property's type edited (number to string), the warm driver runs again.</summary>
    [Benchmark]
    public GeneratorDriver PropertyTypeEdit() => Edit(_propertyType);

    /// <summary>A C# file unrelated to the schemas added or removed: no step should run.</summary>
    [Benchmark]
    public GeneratorDriver UnrelatedCSharpEdit()
    {
        _flip = !_flip;
        _warm = _warm.RunGenerators(_flip ? _edited : _compilation);
        return _warm;
    }

    /// <summary>
    /// The same unrelated C# edit with a generator that only collects the files' paths and writes
    /// nothing (<see cref="PathsOnly"/>): what the driver itself costs per additional file on every
    /// run, the floor under <see cref="UnrelatedCSharpEdit"/>'s growth with N.
    /// </summary>
    [Benchmark]
    public GeneratorDriver UnrelatedCSharpEditPathsOnly()
    {
        _flip = !_flip;
        _floor = _floor.RunGenerators(_flip ? _edited : _compilation);
        return _floor;
    }

    /// <summary>A generator that collects the additional files' paths and adds no source.</summary>
    private sealed class PathsOnly : IIncrementalGenerator
    {
        public void Initialize(IncrementalGeneratorInitializationContext context)
            => context.RegisterSourceOutput(context.AdditionalTextsProvider.Select(static (t, _) => t.Path).Collect(), static (_, _) => { });
    }

    private GeneratorDriver Edit(AdditionalText edited)
    {
        _flip = !_flip;
        _warm = _flip ? _warm.ReplaceAdditionalText(_original, edited) : _warm.ReplaceAdditionalText(edited, _original);
        _warm = _warm.RunGenerators(_compilation);
        return _warm;
    }
}
