using System;
using System.Collections.Generic;
using System.Linq;
using HppSchemaGen.Generator.Model;
using HppSchemaGen.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace HppSchemaGen.Tests;

/// <summary>
/// Generated files' hint names. Roslyn compares them ignoring case, and two equal ones fail the
/// whole generator (ArgumentException, CS8785, every output dropped); C# names are case-sensitive,
/// so types such as Dotnet and DotNet (SchemaStore's qodana-1.0) must still get two files.
/// </summary>
public class HintNameTests
{
    private const string Obj = "{\"type\": \"object\", \"properties\": {\"v\": {\"type\": \"string\"}}}";

    /// <summary>No generator exception, no error, every hint name unique ignoring case, and the output compiles.</summary>
    private static void AssertClean(GeneratorHarness.Result result)
    {
        Assert.Null(result.Run.Exception);
        Assert.Empty(result.GeneratorDiagnostics.Where(d => d.Severity == DiagnosticSeverity.Error || d.Id == "CS8785").Select(d => d.ToString()));
        string[] names = result.Run.GeneratedSources.Select(s => s.HintName).ToArray();
        Assert.NotEmpty(names);
        Assert.Equal(names.Length, names.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.Empty(result.CompileDiagnostics.Select(d => d.ToString()));
    }

    private static void AssertTypes(GeneratorHarness.Result result, params string[] types)
    {
        foreach (string t in types) Assert.True(result.Output.GetTypeByMetadataName("Consumer." + t) is not null, "no type " + t);
    }

    [Fact]
    public void Types_differing_only_in_case_from_two_schemas_both_generate()
    {
        var result = GeneratorHarness.Run(new[]
        {
            ("/s/a.json", "{\"title\": \"Dotnet\", " + Obj.Substring(1)),
            // Not quite the same schema: identical ones would share one validator method and one file.
            ("/s/b.json", "{\"title\": \"DotNet\", \"maxProperties\": 9, " + Obj.Substring(1)),
        });
        AssertClean(result);
        AssertTypes(result, "Dotnet", "DotNet");
        string[] names = result.Run.GeneratedSources.Select(s => s.HintName).ToArray();
        // Each root type and each document's validators get a file of their own.
        Assert.Equal(2, names.Count(n => n.StartsWith("dotnet", StringComparison.OrdinalIgnoreCase) && !n.Contains(".Schema")));
        Assert.Equal(2, names.Count(n => n.Contains(".Schema")));
        Assert.Contains("DotNet.g.cs", names);
        Assert.Contains("Dotnet.2.g.cs", names);
    }

    [Fact]
    public void Defs_differing_only_in_case_both_generate()
    {
        // As in qodana-1.0: definitions whose names differ only in letter case, each a record.
        string schema = "{\"title\": \"Qodana\", \"type\": \"object\", \"properties\": {"
            + "\"a\": {\"$ref\": \"#/$defs/Dotnet\"}, \"b\": {\"$ref\": \"#/$defs/DotNet\"}, \"c\": {\"$ref\": \"#/$defs/DOTNET\"},"
            + "\"dotNet\": " + Obj + ", \"dotnet\": " + Obj + "},"
            + "\"$defs\": {\"Dotnet\": " + Obj + ", \"DotNet\": " + Obj + ", \"DOTNET\": " + Obj + "}}";
        var result = GeneratorHarness.RunSingle(schema);
        AssertClean(result);
        AssertTypes(result, "Qodana", "Dotnet", "DotNet", "Dotnet2", "QodanaDotNet", "QodanaDotnet");
    }

    [Fact]
    public void A_type_named_like_the_context_ignoring_case_does_not_collide_with_it()
    {
        // "SCHEMAJSONCONTEXT" is the type Schemajsoncontext: another C# name than SchemaJsonContext, the same file name.
        var result = GeneratorHarness.RunSingle("{\"title\": \"SCHEMAJSONCONTEXT\", " + Obj.Substring(1));
        AssertClean(result);
        AssertTypes(result, "Schemajsoncontext", "SchemaJsonContext");
        Assert.Contains("SchemaJsonContext.g.cs", result.Run.GeneratedSources.Select(s => s.HintName));

        var custom = GeneratorHarness.RunSingle("{\"title\": \"Dotnet\", " + Obj.Substring(1), global: new Dictionary<string, string> { ["build_property.HppSchemaGenContextName"] = "DotNet" });
        AssertClean(custom);
        AssertTypes(custom, "Dotnet", "DotNet");
    }

    [Fact]
    public void Hint_names_are_unique_ignoring_case_with_a_deterministic_suffix()
    {
        var names = new HintNames();
        Assert.Equal("DotNet.g.cs", names.Claim("DotNet"));
        Assert.Equal("Dotnet.2.g.cs", names.Claim("Dotnet"));
        Assert.Equal("DOTNET.3.g.cs", names.Claim("DOTNET"));
        Assert.Equal("DotNet.Schema.g.cs", names.Claim("DotNet.Schema"));
        Assert.Equal("dotnet.schema.2.g.cs", names.Claim("dotnet.schema"));
        // A wanted name that looks like a suffixed one is never handed out twice.
        Assert.Equal("Dotnet.2.2.g.cs", names.Claim("Dotnet.2"));
    }

    [Theory]
    [InlineData("@class", "class.g.cs")]
    [InlineData("Über", "Über.g.cs")]
    [InlineData("a/b\\c:d*e?f\"g<h>i|j", "a_b_c_d_e_f_g_h_i_j.g.cs")]
    [InlineData("", "_.g.cs")]
    [InlineData("x\0y", "x_y.g.cs")]
    public void Hint_names_hold_only_characters_Roslyn_accepts(string stem, string expected)
    {
        Assert.Equal(expected, new HintNames().Claim(stem));
    }
}
