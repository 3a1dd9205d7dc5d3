using System;
using System.Collections.Generic;
using System.Linq;
using HppSchemaGen.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Xunit;

namespace HppSchemaGen.Tests;

/// <summary>
/// HppSchemaGenMaxFiles bounds the number of generated files (Roslyn's driver pays per file on every
/// run, growing with the square of the count): above it the same pieces are grouped into that many
/// files, and the compiled result must be the same program.
/// </summary>
public class OutputFilesTests
{
    private static readonly Dictionary<string, string> SevenFiles = new() { ["build_property.HppSchemaGenMaxFiles"] = "7" };

    [Fact]
    public void Above_the_limit_the_same_declarations_are_grouped_into_that_many_files()
    {
        List<(string Path, string Text)> corpus = GeneratorHarness.CorpusSchemas();
        GeneratorHarness.Result perPiece = GeneratorHarness.Run(corpus);
        GeneratorHarness.Result grouped = GeneratorHarness.Run(corpus, SevenFiles);

        Assert.True(perPiece.Run.GeneratedSources.Length > 7, "the corpus must produce more pieces than the limit for this test to mean anything");
        Assert.Equal(7, grouped.Run.GeneratedSources.Length);
        Assert.All(grouped.Run.GeneratedSources, s => Assert.StartsWith("HppSchemaGen.Files.", s.HintName, StringComparison.Ordinal));
        Assert.Empty(grouped.CompileDiagnostics);
        Assert.Equal(Declarations(perPiece), Declarations(grouped));
        Assert.Equal(
            perPiece.GeneratorDiagnostics.Select(d => d.ToString()).OrderBy(d => d, StringComparer.Ordinal),
            grouped.GeneratorDiagnostics.Select(d => d.ToString()).OrderBy(d => d, StringComparer.Ordinal));
    }

    [Fact]
    public void A_piece_keeps_its_file_when_another_schema_is_added()
    {
        List<(string Path, string Text)> corpus = GeneratorHarness.CorpusSchemas();
        var before = FileOf(GeneratorHarness.Run(corpus.Skip(1), SevenFiles));
        var after = FileOf(GeneratorHarness.Run(corpus, SevenFiles));
        Assert.NotEmpty(before);
        foreach ((string type, string file) in before)
        {
            if (after.TryGetValue(type, out string? now)) Assert.Equal(file, now);
        }
    }

    [Fact]
    public void At_or_below_the_limit_each_piece_is_its_own_file()
    {
        GeneratorHarness.Result hpp = GeneratorHarness.Run(GeneratorHarness.HppSchemas(), GeneratorHarness.HppOptions);
        Assert.Contains(hpp.Run.GeneratedSources, s => s.HintName == "CustomerV1.g.cs");
        Assert.DoesNotContain(hpp.Run.GeneratedSources, s => s.HintName.StartsWith("HppSchemaGen.Files.", StringComparison.Ordinal));
    }

    /// <summary>Every type declared in the generated code, with its containing types and namespace.</summary>
    private static List<string> Declarations(GeneratorHarness.Result result)
        => result.Run.GeneratedSources
            .SelectMany(s => s.SyntaxTree.GetRoot().DescendantNodes().OfType<BaseTypeDeclarationSyntax>())
            .Select(Qualified)
            .OrderBy(n => n, StringComparer.Ordinal)
            .ToList();

    private static Dictionary<string, string> FileOf(GeneratorHarness.Result result)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (GeneratedSourceResult s in result.Run.GeneratedSources)
        {
            foreach (BaseTypeDeclarationSyntax d in s.SyntaxTree.GetRoot().DescendantNodes().OfType<BaseTypeDeclarationSyntax>())
                map.TryAdd(Qualified(d), s.HintName);
        }
        return map;
    }

    private static string Qualified(BaseTypeDeclarationSyntax d)
    {
        var parts = new List<string>();
        for (SyntaxNode? n = d; n is not null; n = n.Parent)
        {
            if (n is BaseTypeDeclarationSyntax t) parts.Insert(0, t.Identifier.ValueText);
            else if (n is BaseNamespaceDeclarationSyntax ns) parts.Insert(0, ns.Name.ToString());
        }
        return string.Join(".", parts);
    }
}
