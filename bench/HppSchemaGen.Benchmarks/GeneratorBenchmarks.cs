using System.Collections.Generic;
using System.IO;
using System.Linq;
using BenchmarkDotNet.Attributes;
using HppSchemaGen.Generator;
using HppSchemaGen.Testing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace HppSchemaGen.Benchmarks;

/// <summary>What the generator costs a build: a full run over HPP and over 200 object schemas, and the incremental re-run after one schema changes.</summary>
[MemoryDiagnoser]
public class GeneratorBenchmarks
{
    private List<AdditionalText> _hpp = null!;
    private List<AdditionalText> _synthetic = null!;
    private CSharpCompilation _compilation = null!;
    private GeneratorDriver _warm = null!;
    private AdditionalText _edited = null!;
    private AdditionalText _original = null!;
    private bool _flip;

    [GlobalSetup]
    public void Setup()
    {
        string dir = Path.Combine(System.AppContext.BaseDirectory, "schemas");
        _hpp = Directory.GetFiles(dir, "*.json").OrderBy(f => f, System.StringComparer.Ordinal)
            .Select(f => (AdditionalText)new InMemoryAdditionalText(f, File.ReadAllText(f))).ToList();
        _synthetic = Enumerable.Range(0, 200).Select(i => (AdditionalText)new InMemoryAdditionalText($"/synthetic/s{i}.schema.json", Synthetic(i, "v1"))).ToList();
        _compilation = CSharpCompilation.Create("Bench", new[] { CSharpSyntaxTree.ParseText("class C { }") }, CompilationReferences.All);
        _original = _synthetic[100];
        _edited = new InMemoryAdditionalText(_original.Path, Synthetic(100, "v2"));
        _warm = Driver(_synthetic).RunGenerators(_compilation);
    }

    /// <summary>A deterministic object schema with nested objects, an enum, an array and a $ref to its neighbour.</summary>
    private static string Synthetic(int i, string version) => $$$"""
        {"$id": "https://bench.local/s{{{i}}}.json", "title": "Synthetic{{{i}}}", "description": "{{{version}}}", "type": "object", "required": ["id"],
         "properties": {
           "id": {"type": "string", "format": "uuid"}, "count": {"type": "integer", "minimum": 0}, "ratio": {"type": "number"},
           "status": {"type": "string", "enum": ["A{{{i}}}", "B{{{i}}}", "C{{{i}}}"]},
           "tags": {"type": "array", "items": {"type": "string", "maxLength": 20}},
           "address": {"type": "object", "properties": {"street": {"type": "string"}, "zip": {"type": "string", "pattern": "^[0-9]{5}$"} } },
           "next": {"$ref": "https://bench.local/s{{{(i + 1) % 200}}}.json"} } }
        """;

    private static GeneratorDriver Driver(IEnumerable<AdditionalText> texts)
        => CSharpGeneratorDriver.Create(new[] { new SchemaGenerator().AsSourceGenerator() }, texts, CompilationReferences.ParseOptions,
            new TestOptionsProvider(new Dictionary<string, string> { ["build_property.RootNamespace"] = "Bench" }, new Dictionary<string, IReadOnlyDictionary<string, string>>()));

    [Benchmark]
    public GeneratorDriver FullRunHpp11() => Driver(_hpp).RunGenerators(_compilation);

    [Benchmark(Baseline = true)]
    public GeneratorDriver FullRunSynthetic200() => Driver(_synthetic).RunGenerators(_compilation);

    /// <summary>One of the 200 schemas edited (a description), the cached driver runs again.</summary>
    [Benchmark]
    public GeneratorDriver IncrementalRunAfterOneEdit()
    {
        _flip = !_flip;
        _warm = _flip ? _warm.ReplaceAdditionalText(_original, _edited) : _warm.ReplaceAdditionalText(_edited, _original);
        _warm = _warm.RunGenerators(_compilation);
        return _warm;
    }
}
