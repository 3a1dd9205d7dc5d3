using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using HppSchemaGen.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Xunit;

namespace HppSchemaGen.Tests;

/// <summary>
/// Generated code as a product: no two validator methods with the same body, a size budget for HPP,
/// and a schema edit that changes only the generated lines about what was edited.
/// </summary>
public class GeneratedCodeTests
{
    private static readonly IReadOnlyDictionary<string, string> s_hppOptions = GeneratorHarness.HppOptions;

    /// <summary>Every validator method of every namespace's <c>__Validators</c> class, as (namespace, name, normalized body).</summary>
    private static IEnumerable<(string Namespace, string Name, string Body)> ValidatorBodies(GeneratorHarness.Result result)
    {
        foreach (GeneratedSourceResult source in result.Run.GeneratedSources)
        {
            SyntaxNode root = source.SyntaxTree.GetRoot();
            foreach (ClassDeclarationSyntax cls in root.DescendantNodes().OfType<ClassDeclarationSyntax>().Where(c => c.Identifier.Text == "__Validators"))
            {
                string ns = cls.Ancestors().OfType<BaseNamespaceDeclarationSyntax>().First().Name.ToString();
                // Constants (enum values, patterns, name tables) are compared by value, not by name.
                var constants = cls.Members.OfType<FieldDeclarationSyntax>().SelectMany(f => f.Declaration.Variables)
                    .ToDictionary(v => v.Identifier.Text, v => v.Initializer!.Value.ToString());
                foreach (MethodDeclarationSyntax m in cls.Members.OfType<MethodDeclarationSyntax>())
                {
                    string name = m.Identifier.Text;
                    string body = (m.Body?.ToString() ?? m.ExpressionBody!.ToString());
                    body = Regex.Replace(body, @"\b__\w+", f => constants.TryGetValue(f.Value, out string? value) ? "{" + value + "}" : f.Value);
                    body = Regex.Replace(body, @"\s+", " ");
                    yield return (ns, name + m.ParameterList, body);
                }
            }
        }
    }

    private static void AssertNoRepeatedBodies(GeneratorHarness.Result result)
    {
        var repeated = ValidatorBodies(result)
            .GroupBy(m => (m.Namespace, m.Body))
            .Where(g => g.Count() > 1)
            .Select(g => g.Key.Namespace + ": " + string.Join(", ", g.Select(m => m.Name)) + " = " + g.Key.Body)
            .ToList();
        Assert.True(repeated.Count == 0, "validator bodies repeated:\n" + string.Join("\n", repeated));
    }

    [Fact]
    public void Hpp_validators_have_no_repeated_bodies()
    {
        var result = GeneratorHarness.Run(GeneratorHarness.HppSchemas(), s_hppOptions);
        Assert.NotEmpty(ValidatorBodies(result));
        AssertNoRepeatedBodies(result);
    }

    [Fact]
    public void Corpus_validators_have_no_repeated_bodies()
    {
        var files = GeneratorHarness.CorpusSchemas();
        var result = GeneratorHarness.Run(files);
        Assert.True(ValidatorBodies(result).Count() > 50);
        AssertNoRepeatedBodies(result);
    }

    [Fact]
    public void A_body_repeated_in_two_methods_is_found()
    {
        // The check above must be able to fail: two documents in two namespaces may repeat a body (sharing is per
        // namespace), and the finder sees it when they are compared as one namespace.
        var files = new[] { ("/a.schema.json", """{"title": "A", "type": "string", "maxLength": 3}"""), ("/b.schema.json", """{"title": "B", "type": "string", "maxLength": 3}""") };
        var perFile = new Dictionary<string, IReadOnlyDictionary<string, string>>
        {
            ["/a.schema.json"] = new Dictionary<string, string> { ["build_metadata.AdditionalFiles.HppSchemaGenNamespace"] = "N1" },
            ["/b.schema.json"] = new Dictionary<string, string> { ["build_metadata.AdditionalFiles.HppSchemaGenNamespace"] = "N2" },
        };
        var result = GeneratorHarness.Run(files, null, perFile);
        var bodies = ValidatorBodies(result).ToList();
        Assert.Contains(bodies.GroupBy(b => b.Body), g => g.Count() == 2);
        // One namespace: the two identical schemas share one method.
        var shared = GeneratorHarness.Run(files);
        Assert.Single(ValidatorBodies(shared), b => b.Body.Contains("MaxLength", StringComparison.Ordinal));
    }

    /// <summary>
    /// Generated files turn nullable warnings off (as System.Text.Json's generator does: the analysis
    /// costs about a sixth of a large API's build), so this compiles them with the warnings back on.
    /// </summary>
    private static List<string> NullableWarnings(GeneratorHarness.Result result, params string[] extra)
    {
        var trees = result.Output.SyntaxTrees
            .Select(t => t.ToString()).Concat(extra)
            .Select(text => Regex.Replace(text, @"#nullable enable annotations\r?\n#nullable disable warnings", "#nullable enable"))
            .Select(text => CSharpSyntaxTree.ParseText(text, GeneratorHarness.ParseOptions));
        var compilation = CSharpCompilation.Create("NullCheck", trees, GeneratorHarness.References, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Disable));
        return compilation.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).Select(d => d.ToString()).ToList();
    }

    [Fact]
    public void Generated_code_is_null_safe()
    {
        Assert.Empty(NullableWarnings(GeneratorHarness.Run(GeneratorHarness.HppSchemas(), s_hppOptions)));
        var files = GeneratorHarness.CorpusSchemas();
        Assert.Empty(NullableWarnings(GeneratorHarness.Run(files)));
        // The check can fail: a null dereference in a file with the generated header is reported.
        var hpp = GeneratorHarness.Run(GeneratorHarness.HppSchemas(), s_hppOptions);
        string header = hpp.Run.GeneratedSources[0].SourceText.ToString();
        header = header[..(header.IndexOf("#nullable disable warnings", StringComparison.Ordinal) + "#nullable disable warnings".Length)];
        Assert.Contains(NullableWarnings(hpp, header + "\nstatic class Bad { static int F(string? s) => s.Length; }\n"), d => d.Contains("CS8602", StringComparison.Ordinal));
    }

    [Fact]
    public void Hpp_output_stays_within_half_of_the_first_release()
    {
        var result = GeneratorHarness.Run(GeneratorHarness.HppSchemas(), s_hppOptions);
        // The budget covers what the first release generated; what came later (the validators of
        // values built in code, the one-pass readers of Parse) is bounded on its own below.
        // A record's reader is the method Read of its context metadata class, from its doc comment to the
        // end of the class's fields (the last lines of the class, before the three closing braces).
        static int ReaderLines(string text)
        {
            int start = text.IndexOf("/// <summary>The one-pass reader of <c>Parse</c>", StringComparison.Ordinal);
            if (start < 0) return 0;
            string[] lines = text[start..].TrimEnd('\n').Split('\n');
            return lines.Length - 3;
        }
        var sources = result.Run.GeneratedSources.Select(s => (s.HintName, Text: s.SourceText.ToString(), s.SourceText.Lines.Count)).ToList();
        int valueValidators = sources.Where(s => s.HintName.StartsWith("__ValueValidators.", StringComparison.Ordinal)).Sum(s => s.Count);
        int readers = sources.Sum(s => ReaderLines(s.Text));
        int lines = sources.Sum(s => s.Count) - valueValidators - readers;
        Assert.True(lines <= 6_442 / 2, $"{lines} generated lines; the budget is 3,221 (half of the 6,442 the first release generated)");
        Assert.InRange(valueValidators, 1, 250);
        Assert.InRange(readers, 1, 340);
    }

    [Fact]
    public void Adding_a_property_changes_only_lines_about_it()
    {
        var before = GeneratorHarness.HppSchemas().ToList();
        var after = before.Select(f => f.Path.EndsWith("/OptionsV1.schema.json", StringComparison.Ordinal) ? (Path: f.Path, Text: AddLocale(f.Text)) : f).ToList();
        Assert.NotEqual(before.Single(f => f.Path.EndsWith("/OptionsV1.schema.json", StringComparison.Ordinal)).Text, after.Single(f => f.Path.EndsWith("/OptionsV1.schema.json", StringComparison.Ordinal)).Text);
        var a = GeneratorHarness.Run(before, s_hppOptions).Run.GeneratedSources.ToDictionary(s => s.HintName, s => s.SourceText.ToString());
        var b = GeneratorHarness.Run(after, s_hppOptions).Run.GeneratedSources.ToDictionary(s => s.HintName, s => s.SourceText.ToString());
        Assert.Equal(a.Keys.OrderBy(k => k), b.Keys.OrderBy(k => k));
        int hunks = 0;
        foreach (string file in a.Keys)
        {
            foreach (List<string> hunk in Hunks(a[file].Split('\n'), b[file].Split('\n')))
            {
                hunks++;
                Assert.True(hunk.Any(l => l.Contains("locale", StringComparison.OrdinalIgnoreCase)),
                    file + ": a change not about the new property:\n" + string.Join("\n", hunk));
            }
        }
        Assert.True(hunks >= 4, "the record, its validator, its context metadata and its serializer all gain the property");
    }

    private static string AddLocale(string schema)
    {
        // Appended as the last property, where an API adds one.
        int properties = schema.IndexOf("\"properties\"", StringComparison.Ordinal);
        int open = schema.IndexOf('{', properties);
        int depth = 0, close = open;
        for (int i = open; i < schema.Length; i++)
        {
            if (schema[i] == '{') depth++;
            else if (schema[i] == '}' && --depth == 0) { close = i; break; }
        }
        return schema.Substring(0, close).TrimEnd() + ",\n    \"locale\": {\"type\": \"string\", \"maxLength\": 10, \"description\": \"The locale of the page.\"}\n  " + schema.Substring(close);
    }

    /// <summary>The changed regions of a line diff (LCS), each as its removed (-) and added (+) lines.</summary>
    private static IEnumerable<List<string>> Hunks(string[] x, string[] y)
    {
        int n = x.Length, m = y.Length;
        var lcs = new int[n + 1, m + 1];
        for (int i = n - 1; i >= 0; i--)
            for (int j = m - 1; j >= 0; j--)
                lcs[i, j] = x[i] == y[j] ? lcs[i + 1, j + 1] + 1 : Math.Max(lcs[i + 1, j], lcs[i, j + 1]);
        var hunk = new List<string>();
        int p = 0, q = 0;
        while (p < n || q < m)
        {
            if (p < n && q < m && x[p] == y[q])
            {
                if (hunk.Count > 0) { yield return hunk; hunk = new List<string>(); }
                p++; q++;
            }
            else if (q < m && (p == n || lcs[p, q + 1] >= lcs[p + 1, q])) hunk.Add("+" + y[q++]);
            else hunk.Add("-" + x[p++]);
        }
        if (hunk.Count > 0) yield return hunk;
    }
}

/// <summary>Large APIs: components that refer to each other in long chains.</summary>
public class LargeApiTests
{
    [Fact]
    public void A_ring_of_300_components_maps_every_reference_to_its_record()
    {
        const int n = 300;
        var files = Enumerable.Range(0, n).Select(i => ("/api/C" + i + ".schema.json",
            "{\"$id\": \"https://api.example/C" + i + ".schema.json\", \"title\": \"C" + i + "\", \"type\": \"object\", \"properties\": {"
            + "\"next\": {\"$ref\": \"C" + ((i + 1) % n) + ".schema.json\"}, \"items\": {\"type\": \"array\", \"items\": {\"$ref\": \"C" + ((i + 2) % n) + ".schema.json\"}}}}")).ToList();
        var result = GeneratorHarness.Run(files);
        Assert.Empty(result.GeneratorDiagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning).Select(d => d.ToString()));
        Assert.Empty(result.CompileDiagnostics.Select(d => d.ToString()));
        // 300 records and their validators are more pieces than the default limit of 256 files, so they are grouped.
        Assert.InRange(result.Run.GeneratedSources.Length, 2, 256);
        string all = string.Join("\n", result.Run.GeneratedSources.Select(s => s.SourceText.ToString()));
        Assert.Contains("public global::Consumer.C1? Next { get; init; }", all, StringComparison.Ordinal); // only C0's
        Assert.Contains("List<global::Consumer.C0>? Items", all, StringComparison.Ordinal); // only C298's

        // Private methods per class stay bounded as the API grows: writing the reference assembly
        // (/refout, on by default) checks each private method of a class against its other methods,
        // so a context holding every record's accessors as its own private methods built 2x slower at
        // 1,000 components. Each record's metadata lives in a nested class of its own instead.
        var crowded = result.Output.SyntaxTrees
            .SelectMany(t => t.GetRoot().DescendantNodes().OfType<Microsoft.CodeAnalysis.CSharp.Syntax.TypeDeclarationSyntax>())
            .Select(type => (Name: type.Identifier.ValueText, Private: type.Members.OfType<Microsoft.CodeAnalysis.CSharp.Syntax.MethodDeclarationSyntax>()
                .Count(m => !m.Modifiers.Any(k => k.ValueText is "public" or "internal" or "protected") && m.ExplicitInterfaceSpecifier is null)))
            .GroupBy(t => t.Name, t => t.Private)
            .Where(g => g.Sum() > 20)
            .Select(g => g.Key + ": " + g.Sum())
            .ToList();
        Assert.Empty(crowded);
    }
}
