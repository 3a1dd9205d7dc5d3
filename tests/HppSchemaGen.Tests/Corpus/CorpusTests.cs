using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text.Json;
using HppSchemaGen.Tests.Infrastructure;
using HppSchemaGen.Testing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace HppSchemaGen.Tests.Corpus;

/// <summary>
/// The schema corpus (tests/corpus): everything generated compiles with warnings as errors, and each
/// schema's validator agrees with JsonSchema.Net 8.0.5 (or the listed expectations) on its instances.
/// Valid instances also go through the context and back, and what is written validates again.
/// </summary>
public class CorpusTests
{
    private static readonly Lazy<Generated> s_generated = new(Generate);

    private sealed record Generated(Assembly? Assembly, ImmutableArray<Diagnostic> GeneratorDiagnostics, IReadOnlyList<Diagnostic> CompileDiagnostics);

    private static string CorpusDirectory => Path.Combine(DiagnosticTests.RepoRoot(), "tests", "corpus");

    public static TheoryData<string> Schemas()
    {
        var data = new TheoryData<string>();
        foreach (string f in Directory.GetFiles(CorpusDirectory, "*.schema.json").OrderBy(f => f, StringComparer.Ordinal))
            data.Add(Path.GetFileName(f)[..^".schema.json".Length]);
        return data;
    }

    private static string Namespace(string name) => "Corpus.S" + name[..2];

    private static Generated Generate()
    {
        var files = new List<(string, string)>();
        var perFile = new Dictionary<string, IReadOnlyDictionary<string, string>>();
        foreach (string f in Directory.GetFiles(CorpusDirectory, "*.schema.json").OrderBy(f => f, StringComparer.Ordinal))
        {
            string path = "/corpus/" + Path.GetFileName(f);
            files.Add((path, File.ReadAllText(f)));
            perFile[path] = new Dictionary<string, string> { ["build_metadata.AdditionalFiles.HppSchemaGenNamespace"] = Namespace(Path.GetFileName(f)) };
        }
        GeneratorHarness.Result result = GeneratorHarness.Run(files, new Dictionary<string, string> { ["build_property.HppSchemaGenNamespace"] = "Corpus" }, perFile);
        var compileDiagnostics = result.CompileDiagnostics.ToList();
        Assembly? assembly = compileDiagnostics.All(d => d.Severity != DiagnosticSeverity.Error) ? GeneratorHarness.Load(result) : null;
        return new Generated(assembly, result.GeneratorDiagnostics, compileDiagnostics);
    }

    [Fact]
    public void Corpus_compiles_with_warnings_as_errors_and_no_generator_errors()
    {
        Generated g = s_generated.Value;
        Assert.Empty(g.CompileDiagnostics.Select(d => d.ToString()));
        Assert.Empty(g.GeneratorDiagnostics.Where(d => d.Severity == DiagnosticSeverity.Error && d.Id != "HSG1001").Select(d => d.ToString()));
        Assert.NotNull(g.Assembly);
    }

    [Theory]
    [MemberData(nameof(Schemas))]
    public void Validator_agrees_with_the_peer_and_round_trips(string name)
    {
        Generated g = s_generated.Value;
        Assert.NotNull(g.Assembly);
        string schemaText = File.ReadAllText(Path.Combine(CorpusDirectory, name + ".schema.json"));
        using JsonDocument instancesDoc = JsonDocument.Parse(File.ReadAllText(Path.Combine(CorpusDirectory, name + ".instances.json")));
        JsonElement spec = instancesDoc.RootElement;
        JsonElement[] instances = spec.GetProperty("instances").EnumerateArray().ToArray();

        Type root = RootType(g.Assembly!, Namespace(name));
        var validate = root.GetMethod("Validate", new[] { typeof(JsonElement) })!.CreateDelegate<Func<JsonElement, ValidationResult>>();

        bool[] expected;
        if (spec.GetProperty("jsonSchemaNet").GetBoolean())
        {
            var peer = Json.Schema.JsonSchema.FromText(schemaText);
            var options = new Json.Schema.EvaluationOptions { OutputFormat = Json.Schema.OutputFormat.Flag, RequireFormatValidation = true };
            expected = instances.Select(i => peer.Evaluate(i, options).IsValid).ToArray();
        }
        else expected = spec.GetProperty("expected").EnumerateArray().Select(e => e.GetBoolean()).ToArray();

        var noRoundTrip = spec.TryGetProperty("noRoundTrip", out JsonElement skip)
            ? skip.EnumerateObject().Select(p => int.Parse(p.Name, System.Globalization.CultureInfo.InvariantCulture)).ToHashSet()
            : new HashSet<int>();
        var problems = new List<string>();
        for (int i = 0; i < instances.Length; i++)
        {
            ValidationResult actual = validate(instances[i]);
            if (actual.IsValid != expected[i])
                problems.Add($"instance {i} {instances[i].GetRawText()}: expected {(expected[i] ? "valid" : "invalid")}, got {actual}");
            if (actual.IsValid && expected[i] && !noRoundTrip.Contains(i)) RoundTrip(g.Assembly!, root, validate, instances[i], i, problems);
        }
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    /// <summary>Deserialize a valid instance through the context, serialize it back: it must still validate.</summary>
    private static void RoundTrip(Assembly assembly, Type root, Func<JsonElement, ValidationResult> validate, JsonElement instance, int index, List<string> problems)
    {
        Type? context = assembly.GetTypes().FirstOrDefault(t => t.Name == "SchemaJsonContext");
        if (context is null || root.IsAbstract && root.IsSealed) return; // static schema classes have no CLR value
        var options = (System.Text.Json.Serialization.JsonSerializerContext)context.GetProperty("Default")!.GetValue(null)!;
        var typeInfo = options.GetTypeInfo(root);
        if (typeInfo is null) return;
        try
        {
            object? value = JsonSerializer.Deserialize(instance, typeInfo);
            string written = JsonSerializer.Serialize(value, typeInfo);
            using JsonDocument again = JsonDocument.Parse(written);
            ValidationResult r = validate(again.RootElement);
            if (!r.IsValid) problems.Add($"instance {index}: written back as {written}, which is invalid: {r}");
        }
        catch (Exception e)
        {
            problems.Add($"instance {index} {instance.GetRawText()}: round trip threw {e.GetType().Name}: {e.Message}");
        }
    }

    private static Type RootType(Assembly assembly, string ns)
    {
        Type[] candidates = assembly.GetTypes()
            .Where(t => t.Namespace == ns && !t.IsNested && t.GetCustomAttribute<JsonSchemaSourceAttribute>() is { Pointer: "" })
            .ToArray();
        Assert.True(candidates.Length == 1, ns + ": " + string.Join(", ", candidates.Select(c => c.Name)));
        return candidates[0];
    }
}
