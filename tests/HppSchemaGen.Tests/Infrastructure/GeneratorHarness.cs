using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using HppSchemaGen.Generator;
using Microsoft.CodeAnalysis;
using HppSchemaGen.Testing;
using Microsoft.CodeAnalysis.CSharp;

namespace HppSchemaGen.Tests.Infrastructure;

/// <summary>Runs the real generator over in-memory schema files, the way the compiler does.</summary>
internal static class GeneratorHarness
{
    public static ImmutableArray<MetadataReference> References => CompilationReferences.All;

    public static CSharpParseOptions ParseOptions => CompilationReferences.ParseOptions;

    public static CSharpCompilation CreateCompilation(params string[] sources)
        => CSharpCompilation.Create(
            "Consumer",
            sources.Select(s => CSharpSyntaxTree.ParseText(s, ParseOptions)),
            References,
            CompilationReferences.Options(warningsAsErrors: true));

    public static GeneratorDriver CreateDriver(IEnumerable<(string Path, string Text)> files, IReadOnlyDictionary<string, string>? global = null, IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>>? perFile = null, bool track = true)
        => CreateDriver(files.Select(f => (AdditionalText)new InMemoryAdditionalText(f.Path, f.Text)), global, perFile, track);

    public static GeneratorDriver CreateDriver(IEnumerable<AdditionalText> files, IReadOnlyDictionary<string, string>? global = null, IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>>? perFile = null, bool track = true)
    {
        var options = new Dictionary<string, string> { ["build_property.RootNamespace"] = "Consumer" };
        if (global is not null)
        {
            foreach (var kv in global) options[kv.Key] = kv.Value;
        }
        return CSharpGeneratorDriver.Create(
            new[] { new SchemaGenerator().AsSourceGenerator() },
            files,
            ParseOptions,
            new TestOptionsProvider(options, perFile ?? new Dictionary<string, IReadOnlyDictionary<string, string>>()),
            new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: track));
    }

    public sealed record Result(GeneratorDriver Driver, Compilation Output, ImmutableArray<Diagnostic> GeneratorDiagnostics, GeneratorRunResult Run)
    {
        public IEnumerable<Diagnostic> CompileDiagnostics => Output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning);

        public string Source(string hintName) => Run.GeneratedSources.Single(s => s.HintName == hintName).SourceText.ToString();
    }

    public static Result Run(IEnumerable<(string Path, string Text)> files, IReadOnlyDictionary<string, string>? global = null, IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>>? perFile = null, params string[] sources)
    {
        // No step tracking: with the per-group pipeline a tracked run grows much faster than the set
        // (11.8 s at 40 documents against 40 ms untracked); the tests of the pipeline's caching create
        // their own tracking drivers, on small sets.
        GeneratorDriver driver = CreateDriver(files, global, perFile, track: false);
        CSharpCompilation compilation = CreateCompilation(sources);
        driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out Compilation output, out ImmutableArray<Diagnostic> diagnostics);
        return new Result(driver, output, diagnostics, driver.GetRunResult().Results.Single());
    }

    /// <summary>Compiles the generated code into an assembly loaded in this process (null when it does not compile).</summary>
    public static System.Reflection.Assembly? Load(Result result)
    {
        using var stream = new MemoryStream();
        if (!result.Output.Emit(stream).Success) return null;
        stream.Position = 0;
        return new System.Runtime.Loader.AssemblyLoadContext(null, isCollectible: true).LoadFromStream(stream);
    }

    /// <summary>
    /// Compiles the generated code once: the emit's diagnostics (warnings and errors, the same as
    /// <see cref="Result.CompileDiagnostics"/>) and the assembly loaded in this process (null when it
    /// does not compile). For large documents this halves the compile time of checking, then loading.
    /// </summary>
    public static (System.Reflection.Assembly? Assembly, ImmutableArray<Diagnostic> Diagnostics) Emit(Result result)
    {
        using var stream = new MemoryStream();
        Microsoft.CodeAnalysis.Emit.EmitResult emitted = result.Output.Emit(stream);
        ImmutableArray<Diagnostic> diagnostics = emitted.Diagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning).ToImmutableArray();
        if (!emitted.Success) return (null, diagnostics);
        stream.Position = 0;
        return (new System.Runtime.Loader.AssemblyLoadContext(null, isCollectible: true).LoadFromStream(stream), diagnostics);
    }

    /// <summary>The static Validate of a generated type, as a delegate.</summary>
    public static Func<System.Text.Json.JsonElement, ValidationResult> Validator(System.Reflection.Assembly assembly, string typeName)
        => assembly.GetType("Consumer." + typeName, throwOnError: true)!.GetMethod("Validate", new[] { typeof(System.Text.Json.JsonElement) })!
            .CreateDelegate<Func<System.Text.Json.JsonElement, ValidationResult>>();

    public static Result RunSingle(string schemaJson, string path = "/schemas/test.schema.json", IReadOnlyDictionary<string, string>? global = null)
        => Run(new[] { (path, schemaJson) }, global);

    /// <summary>The options the HPP schemas are generated with (their namespace).</summary>
    public static IReadOnlyDictionary<string, string> HppOptions { get; } = new Dictionary<string, string> { ["build_property.HppSchemaGenNamespace"] = "Klarna.Hpp" };

    /// <summary>The corpus's schemas (tests/corpus/*.schema.json), in name order, as "/corpus/name".</summary>
    public static List<(string Path, string Text)> CorpusSchemas()
    {
        string dir = Path.Combine(DiagnosticTests.RepoRoot(), "tests", "corpus");
        return Directory.GetFiles(dir, "*.schema.json").OrderBy(f => f, StringComparer.Ordinal)
            .Select(f => ("/corpus/" + Path.GetFileName(f), File.ReadAllText(f))).ToList();
    }

    public static IEnumerable<(string Path, string Text)> HppSchemas()
    {
        string dir = Path.Combine(AppContext.BaseDirectory, "schemas");
        return Directory.GetFiles(dir, "*.json").OrderBy(p => p, StringComparer.Ordinal)
            .Select(p => ("/repo/schemas/" + Path.GetFileName(p), File.ReadAllText(p)));
    }
}
