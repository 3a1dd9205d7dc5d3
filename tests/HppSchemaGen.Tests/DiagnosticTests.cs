using static HppSchemaGen.Tests.Infrastructure.DiagnosticAssert;
using System.Linq;
using HppSchemaGen.Tests.Infrastructure;
using HppSchemaGen.Generator;
using HppSchemaGen.Testing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace HppSchemaGen.Tests;

/// <summary>Each diagnostic is reported with its id at the line and column of the problem in the schema file.</summary>
public class DiagnosticTests
{
    [Fact]
    public void Malformed_json_is_HSG0001_at_the_offending_character()
    {
        var result = GeneratorHarness.RunSingle("{\n  \"type\": \"object\",\n  \"properties\": { \"a\": { \"type\": \"string\" }, }\n}", "/s/bad.json");
        Diagnostic d = Single(result, "HSG0001");
        Assert.Equal(DiagnosticSeverity.Error, d.Severity);
        Assert.Equal("/s/bad.json", d.Location.GetLineSpan().Path);
        Assert.Equal((3, 46), At(d));
        Assert.Contains("Trailing comma", d.GetMessage());
    }

    [Fact]
    public void Duplicate_member_is_HSG0002_at_the_second_occurrence()
    {
        var result = GeneratorHarness.RunSingle("{\n\"type\": \"object\",\n\"type\": \"string\"\n}");
        Assert.Equal((3, 1), At(Single(result, "HSG0002")));
    }

    [Fact]
    public void A_description_edit_moves_a_model_diagnostic_without_running_the_model()
    {
        // The model reads text without descriptions, so it stays cached; the diagnostic it made is
        // still placed where the reference now is in the edited file (a line lower, further right).
        const string Before = "{\n  \"title\": \"Holder\", \"description\": \"d\",\n  \"type\": \"object\",\n  \"properties\": {\n    \"x\": { \"$ref\": \"#/$defs/Missing\" }\n  }\n}";
        string after = Before.Replace("\"description\": \"d\",", "\"description\": \"two\\nlines\",\n\"$comment\": \"moved\",") .Replace("    \"x\"", "      \"x\"");
        var original = new InMemoryAdditionalText("/s/holder.schema.json", Before);
        GeneratorDriver driver = GeneratorHarness.CreateDriver(new AdditionalText[] { original });
        CSharpCompilation compilation = GeneratorHarness.CreateCompilation("class A { }");
        driver = driver.RunGenerators(compilation);
        Assert.Equal((5, 20), At(driver.GetRunResult().Diagnostics.Single(d => d.Id == "HSG1001")));

        driver = driver.ReplaceAdditionalText(original, new InMemoryAdditionalText(original.Path, after)).RunGenerators(compilation);
        GeneratorRunResult run = driver.GetRunResult().Results.Single();
        Assert.All(run.TrackedSteps[SchemaGenerator.Steps.Model].SelectMany(s => s.Outputs),
            o => Assert.True(o.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, o.Reason.ToString()));
        Assert.Equal((6, 22), At(run.Diagnostics.Single(d => d.Id == "HSG1001")));
    }

    [Fact]
    public void Unresolved_ref_is_HSG1001_at_the_ref_value_and_the_output_still_compiles()
    {
        var result = GeneratorHarness.RunSingle("{\n  \"title\": \"Holder\",\n  \"type\": \"object\",\n  \"properties\": {\n    \"x\": { \"$ref\": \"#/components/schemas/Missing\" }\n  }\n}");
        Diagnostic d = Single(result, "HSG1001");
        Assert.Equal(DiagnosticSeverity.Error, d.Severity);
        Assert.Equal((5, 20), At(d));
        Assert.Contains("#/components/schemas/Missing", d.GetMessage());
        Assert.Empty(result.CompileDiagnostics.Select(x => x.ToString()));
    }

    [Fact]
    public void Reference_cycle_without_progress_is_HSG1004_and_compiles()
    {
        var result = GeneratorHarness.RunSingle("{\"$defs\": {\"a\": {\"$ref\": \"#/$defs/b\"}, \"b\": {\"allOf\": [{\"$ref\": \"#/$defs/a\"}]}},\n \"$ref\": \"#/$defs/a\"}");
        Assert.Equal(DiagnosticSeverity.Warning, Single(result, "HSG1004").DefaultSeverity);
        Assert.Empty(result.CompileDiagnostics.Select(x => x.ToString()));
        Assert.Contains(result.Run.GeneratedSources, s => s.SourceText.ToString().Contains("SchemaCycle.Fail"));
    }

    [Fact]
    public void Recursion_through_properties_is_not_a_cycle()
    {
        var result = GeneratorHarness.RunSingle("{\"title\": \"Node\", \"type\": \"object\", \"properties\": {\"next\": {\"$ref\": \"#\"}}}");
        Assert.DoesNotContain(result.GeneratorDiagnostics, d => d.Id == "HSG1004");
        Assert.Empty(result.CompileDiagnostics.Select(x => x.ToString()));
    }

    [Fact]
    public void Unsupported_keyword_is_HSG2001()
    {
        // The dynamic scope is packed into 8 anchor names; a ninth resolves statically and says so.
        string defs = string.Join(", ", System.Linq.Enumerable.Range(0, 9).Select(i => $"\"d{i}\": {{\"$dynamicAnchor\": \"n{i}\", \"type\": \"integer\"}}"));
        var result = GeneratorHarness.RunSingle("{\"$defs\": {" + defs + "},\n \"items\": {\"$dynamicRef\": \"#n8\"}}");
        Diagnostic d = Single(result, "HSG2001");
        Assert.Contains("n8", d.GetMessage());
        Assert.Empty(result.CompileDiagnostics.Select(x => x.ToString()));
    }

    [Fact]
    public void Invalid_keyword_value_is_HSG2002()
    {
        var result = GeneratorHarness.RunSingle("{\"type\": \"string\", \"minLength\": \"three\"}");
        Assert.Equal((1, 33), At(Single(result, "HSG2002")));
    }

    [Fact]
    public void Pattern_that_does_not_compile_is_HSG2003()
    {
        var result = GeneratorHarness.RunSingle("{\"type\": \"string\", \"pattern\": \"([a-z]\"}");
        Single(result, "HSG2003");
        Assert.Empty(result.CompileDiagnostics.Select(x => x.ToString()));
    }

    [Fact]
    public void Type_name_collision_is_HSG3001_and_both_types_exist()
    {
        var result = GeneratorHarness.Run(new[]
        {
            ("/s/a.json", "{\"title\": \"Thing\", \"type\": \"object\", \"properties\": {\"a\": {\"type\": \"string\"}}}"),
            ("/s/b.json", "{\"title\": \"Thing\", \"type\": \"object\", \"properties\": {\"b\": {\"type\": \"string\"}}}"),
        });
        Diagnostic d = Single(result, "HSG3001");
        Assert.Equal(DiagnosticSeverity.Info, d.Severity);
        Assert.Equal("/s/b.json", d.Location.GetLineSpan().Path);
        Assert.Contains("Thing2", d.GetMessage());
        Assert.Contains("Thing.g.cs", result.Run.GeneratedSources.Select(s => s.HintName));
        Assert.Contains("Thing2.g.cs", result.Run.GeneratedSources.Select(s => s.HintName));
        Assert.Empty(result.CompileDiagnostics.Select(x => x.ToString()));
    }

    [Fact]
    public void Member_name_collision_is_HSG3002()
    {
        var result = GeneratorHarness.RunSingle("{\"title\": \"T\", \"type\": \"object\", \"properties\": {\"foo_bar\": {\"type\": \"string\"},\n \"fooBar\": {\"type\": \"string\"}}}");
        Diagnostic d = Single(result, "HSG3002");
        Assert.Equal((2, 12), At(d));
        Assert.Contains("FooBar2", d.GetMessage());
        Assert.Empty(result.CompileDiagnostics.Select(x => x.ToString()));
    }

    [Fact]
    public void Document_that_is_not_a_schema_is_HSG0003()
    {
        var result = GeneratorHarness.RunSingle("[1, 2]");
        Single(result, "HSG0003");
    }

    [Fact]
    public void Every_reported_id_is_documented()
    {
        string docs = System.IO.File.ReadAllText(System.IO.Path.Combine(RepoRoot(), "docs", "diagnostics.md"));
        foreach (DiagnosticDescriptor d in HppSchemaGen.Generator.Diagnostics.DiagnosticDescriptors.All)
        {
            Assert.Contains("## " + d.Id, docs);
            Assert.EndsWith("#" + d.Id.ToLowerInvariant(), d.HelpLinkUri);
        }
    }

    internal static string RepoRoot([System.Runtime.CompilerServices.CallerFilePath] string file = "")
    {
        string? dir = System.IO.Path.GetDirectoryName(file);
        while (dir is not null && !System.IO.File.Exists(System.IO.Path.Combine(dir, "HppSchemaGen.sln"))) dir = System.IO.Path.GetDirectoryName(dir);
        return dir!;
    }
}
