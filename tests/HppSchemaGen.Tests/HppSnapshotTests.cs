using System.Linq;
using HppSchemaGen.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace HppSchemaGen.Tests;

/// <summary>Every file generated for the 11 HPP schemas, compared with its committed snapshot.</summary>
public class HppSnapshotTests
{
    private static readonly GeneratorHarness.Result s_result = GeneratorHarness.Run(
        GeneratorHarness.HppSchemas(),
        new System.Collections.Generic.Dictionary<string, string> { ["build_property.HppSchemaGenNamespace"] = "Klarna.Hpp" });

    public static TheoryData<string> HintNames()
    {
        var data = new TheoryData<string>();
        foreach (string name in s_result.Run.GeneratedSources.Select(s => s.HintName).OrderBy(n => n, System.StringComparer.Ordinal)) data.Add(name);
        return data;
    }

    [Theory]
    [MemberData(nameof(HintNames))]
    public void Generated_file_matches_snapshot(string hintName)
    {
        string name = "Hpp." + hintName.Substring(0, hintName.Length - ".g.cs".Length);
        Snapshot.Verify(name, s_result.Source(hintName));
    }

    [Fact]
    public void Hpp_set_generates_one_file_per_type_validator_and_context()
    {
        string[] names = s_result.Run.GeneratedSources.Select(s => s.HintName).ToArray();
        Assert.Contains("SessionCreationResponseV1.g.cs", names);
        Assert.Contains("SessionCreationResponseV1.Schema.g.cs", names);
        Assert.Contains("DistributionModuleV1.g.cs", names);
        Assert.Contains("SchemaJsonContext.g.cs", names);
        Assert.Equal(11, names.Count(n => n.EndsWith(".Schema.g.cs", System.StringComparison.Ordinal)));
    }

    [Fact]
    public void Hpp_output_compiles_without_warnings_or_generator_diagnostics()
    {
        Assert.Empty(s_result.GeneratorDiagnostics);
        Assert.Empty(s_result.CompileDiagnostics.Select(d => d.ToString()));
    }
}
