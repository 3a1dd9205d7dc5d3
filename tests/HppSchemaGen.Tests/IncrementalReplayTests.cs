using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using HppSchemaGen.Testing;
using HppSchemaGen.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace HppSchemaGen.Tests;

/// <summary>
/// Whatever the pipeline caches, a warm driver must produce what a fresh one does: random edit
/// sequences (descriptions, whitespace, property types, added properties, broken and repaired JSON,
/// removed and restored files) are replayed over HPP and the corpus, and after every edit the incremental run's
/// sources and diagnostics are compared, byte for byte, with a fresh full run over the same files.
/// </summary>
public class IncrementalReplayTests
{
    public static TheoryData<string, int> Sequences()
    {
        var data = new TheoryData<string, int>();
        foreach (string set in new[] { "hpp", "corpus", "corpus in 7 files", "ring" })
        {
            foreach (int seed in new[] { 1, 2, 3 }) data.Add(set, seed);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Sequences))]
    public void Incremental_output_equals_a_fresh_run_after_every_edit(string set, int seed)
    {
        IReadOnlyDictionary<string, string>? options = set switch
        {
            "hpp" => GeneratorHarness.HppOptions,
            "corpus in 7 files" => new Dictionary<string, string> { ["build_property.HppSchemaGenMaxFiles"] = "7" },
            _ => null,
        };
        var files = (set switch { "hpp" => GeneratorHarness.HppSchemas(), "ring" => Ring(), _ => GeneratorHarness.CorpusSchemas() })
            .ToDictionary(f => f.Path, f => f.Text, StringComparer.Ordinal);
        var texts = files.ToDictionary(kv => kv.Key, kv => (AdditionalText)new InMemoryAdditionalText(kv.Key, kv.Value), StringComparer.Ordinal);
        var removed = new Dictionary<string, AdditionalText>(StringComparer.Ordinal);
        CSharpCompilation compilation = GeneratorHarness.CreateCompilation("class A { }");
        GeneratorDriver driver = GeneratorHarness.CreateDriver(texts.Values, options, track: false).RunGenerators(compilation);
        var random = new Random(seed);
        var log = new List<string>();

        for (int step = 0; step < 12; step++)
        {
            string path = texts.Keys.OrderBy(k => k, StringComparer.Ordinal).ElementAt(random.Next(texts.Count));
            string text = texts[path].GetText()!.ToString();
            int kind = random.Next(7);
            if (kind == 5 && removed.Count > 0)
            {
                // Restore a removed file.
                (string back, AdditionalText restored) = removed.First();
                removed.Remove(back);
                texts[back] = restored;
                driver = driver.AddAdditionalTexts(ImmutableArrayOf(restored));
                log.Add("restore " + back);
            }
            else if (kind == 5 && texts.Count > 2)
            {
                removed[path] = texts[path];
                texts.Remove(path);
                driver = driver.RemoveAdditionalTexts(ImmutableArrayOf(removed[path]));
                log.Add("remove " + path);
            }
            else
            {
                string edited = kind switch
                {
                    0 => ReplaceOne(random, text, "\"description\": \"", "\"description\": \"edited " + step + " "),
                    1 => ReplaceOne(random, text, "\"type\": \"string\"", "\"type\": \"integer\""),
                    2 => ReplaceOne(random, text, "\"type\": \"integer\"", "\"type\": \"string\""),
                    3 => ReplaceOne(random, text, "\"properties\": {", "\"properties\": {\"added_" + step + "\": {\"type\": \"string\", \"maxLength\": 3},"),
                    // Whitespace only: every position after the first line moves, the structure does not.
                    6 => ReplaceOne(random, text, "\n", "\n\n  "),
                    // Broken JSON, usually repaired by a later edit of the same kind.
                    _ => text.EndsWith("}", StringComparison.Ordinal) ? text.TrimEnd('}') : text + "}",
                };
                var replacement = new InMemoryAdditionalText(path, edited);
                driver = driver.ReplaceAdditionalText(texts[path], replacement);
                texts[path] = replacement;
                log.Add("edit " + kind + " " + path);
            }

            driver = driver.RunGenerators(compilation);
            GeneratorRunResult incremental = driver.GetRunResult().Results.Single();
            GeneratorRunResult fresh = GeneratorHarness.CreateDriver(texts.Values, options, track: false).RunGenerators(compilation).GetRunResult().Results.Single();
            string context = string.Join(" | ", log);
            Assert.True(Sources(fresh).SequenceEqual(Sources(incremental)), "sources differ after: " + context);
            Assert.True(Diagnostics(fresh).SequenceEqual(Diagnostics(incremental)), "diagnostics differ after: " + context);
        }
    }

    /// <summary>
    /// Documents modeled in groups of their own (records referring to each other by name), some
    /// joined by a reference the model looks through (a oneOf branch), identical inline objects
    /// (validators shared across groups) and two documents whose inline types ask for one name
    /// (FooBarBaz), which only the whole set modeled at once can settle.
    /// </summary>
    private static IEnumerable<(string Path, string Text)> Ring()
    {
        const int N = 10;
        for (int i = 0; i < N; i++)
        {
            string next = "\"https://ring.local/r" + ((i + 1) % N) + ".json\"";
            string joined = i % 3 == 0 ? ", \"alt\": {\"oneOf\": [{\"$ref\": " + next + "}, {\"type\": \"null\"}]}" : string.Empty;
            yield return ("/ring/r" + i + ".schema.json", "{\"$id\": \"https://ring.local/r" + i + ".json\", \"title\": \"R" + i + "\", \"description\": \"Ring " + i + ".\",\n"
                + " \"type\": \"object\", \"required\": [\"id\"], \"properties\": {\"id\": {\"type\": \"string\", \"description\": \"Id.\"}, \"count\": {\"type\": \"integer\"},\n"
                + "  \"address\": {\"type\": \"object\", \"properties\": {\"zip\": {\"type\": \"string\", \"pattern\": \"^[0-9]{5}$\"}}},\n"
                + "  \"next\": {\"$ref\": " + next + "}, \"all\": {\"type\": \"array\", \"items\": {\"$ref\": " + next + "}}" + joined + "}}");
        }
        yield return ("/ring/foo.schema.json", "{\"title\": \"Foo\", \"type\": \"object\", \"properties\": {\"barBaz\": {\"type\": \"object\", \"properties\": {\"a\": {\"type\": \"string\"}}}}}");
        yield return ("/ring/foobar.schema.json", "{\"title\": \"FooBar\", \"type\": \"object\", \"properties\": {\"baz\": {\"type\": \"object\", \"properties\": {\"b\": {\"type\": \"integer\"}}}}}");
    }

    [Fact]
    public void The_comparison_can_fail()
    {
        CSharpCompilation compilation = GeneratorHarness.CreateCompilation("class A { }");
        var files = GeneratorHarness.HppSchemas().ToList();
        GeneratorRunResult a = GeneratorHarness.CreateDriver(files, GeneratorHarness.HppOptions, track: false).RunGenerators(compilation).GetRunResult().Results.Single();
        var edited = files.Select(f => f.Path.EndsWith("/CustomerV1.schema.json", StringComparison.Ordinal) ? (f.Path, ReplaceOne(new Random(1), f.Text, "\"description\": \"", "\"description\": \"x ")) : f);
        GeneratorRunResult b = GeneratorHarness.CreateDriver(edited, GeneratorHarness.HppOptions, track: false).RunGenerators(compilation).GetRunResult().Results.Single();
        Assert.False(Sources(a).SequenceEqual(Sources(b)));
    }

    private static System.Collections.Immutable.ImmutableArray<AdditionalText> ImmutableArrayOf(AdditionalText text) => System.Collections.Immutable.ImmutableArray.Create(text);

    /// <summary>One occurrence, chosen at random, replaced; the text unchanged when there is none.</summary>
    private static string ReplaceOne(Random random, string text, string find, string replace)
    {
        MatchCollection matches = Regex.Matches(text, Regex.Escape(find));
        if (matches.Count == 0) return text;
        Match m = matches[random.Next(matches.Count)];
        return text[..m.Index] + replace + text[(m.Index + m.Length)..];
    }

    private static IEnumerable<string> Sources(GeneratorRunResult r)
        => r.GeneratedSources.OrderBy(s => s.HintName, StringComparer.Ordinal).Select(s => s.HintName + "\n" + s.SourceText);

    private static IEnumerable<string> Diagnostics(GeneratorRunResult r)
        => r.Diagnostics.Select(d => d.ToString()).OrderBy(d => d, StringComparer.Ordinal);
}
