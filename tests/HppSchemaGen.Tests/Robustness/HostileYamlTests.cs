using System;
using System.Diagnostics;
using System.Linq;
using System.Text;
using HppSchemaGen.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace HppSchemaGen.Tests.Robustness;

/// <summary>
/// OpenAPI documents in YAML come from vendors: crafted ones must give a located diagnostic in
/// bounded time through the real generator, never a crash, a hang or a stack overflow.
/// </summary>
[Collection(HppSchemaGen.Tests.Infrastructure.HeavyCollection.Name)]
public class HostileYamlTests
{
    private const string Header = "openapi: 3.1.0\ninfo: {title: t, version: '1'}\n";

    private static GeneratorHarness.Result Run(string yaml, TimeSpan limit, string path = "/api/hostile.openapi.yaml")
    {
        var watch = Stopwatch.StartNew();
        GeneratorHarness.Result result = null!;
        // A modest stack, as a compiler thread may have: the reader must not need more.
        var thread = new System.Threading.Thread(() => result = GeneratorHarness.Run(new[] { (path, yaml) }), maxStackSize: 1024 * 1024);
        thread.Start();
        thread.Join();
        Assert.True(watch.Elapsed < limit, $"took {watch.Elapsed}, limit {limit}");
        Assert.DoesNotContain(result.GeneratorDiagnostics, d => d.Id is "HSG9001" or "CS8785");
        Assert.DoesNotContain(result.Output.GetDiagnostics(), d => d.Id == "CS8785");
        return result;
    }

    private static (int Line, int Column, string Message) Located(GeneratorHarness.Result result, string id)
    {
        Diagnostic[] found = result.GeneratorDiagnostics.Where(d => d.Id == id).ToArray();
        Assert.True(found.Length >= 1, $"expected {id}, got: " + string.Join("; ", result.GeneratorDiagnostics));
        FileLinePositionSpan span = found[0].Location.GetLineSpan();
        Assert.Equal("/api/hostile.openapi.yaml", span.Path);
        return (span.StartLinePosition.Line + 1, span.StartLinePosition.Character + 1, found[0].GetMessage());
    }

    [Fact]
    public void Alias_bomb_billion_laughs()
    {
        var sb = new StringBuilder(Header).Append("x-lol:\n  a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (int i = 1; i < 12; i++)
        {
            char prev = (char)('a' + i - 1), cur = (char)('a' + i);
            sb.Append("  ").Append(cur).Append(": &").Append(cur).Append(" [").Append(string.Join(", ", Enumerable.Repeat("*" + prev, 10))).Append("]\n");
        }
        sb.Append("components:\n  schemas:\n    A: {type: string}\n");
        var (line, _, message) = Located(Run(sb.ToString(), TimeSpan.FromSeconds(20)), "HSG0004");
        Assert.Contains("alias bomb", message);
        Assert.Equal(9, line); // "f": the first level past a million nodes
    }

    [Fact]
    public void Alias_to_its_own_enclosing_node()
        => Assert.Contains("inside the node", Located(Run(Header + "components:\n  schemas:\n    A: &a\n      properties:\n        self: *a\n", TimeSpan.FromSeconds(20)), "HSG0004").Message);

    [Theory]
    [InlineData("flow")]
    [InlineData("block")]
    [InlineData("sequence")]
    public void Ten_thousand_levels_of_nesting(string kind)
    {
        const int depth = 10_000;
        var sb = new StringBuilder(Header).Append("components:\n  schemas:\n    A:\n");
        switch (kind)
        {
            case "flow":
                sb.Append("      x-deep: ").Append('[', depth).Append(']', depth).Append('\n');
                break;
            case "block":
                for (int i = 0; i < depth; i++) sb.Append(' ', 6 + i).Append("p:\n");
                break;
            default:
                sb.Append("      x-deep:\n");
                for (int i = 0; i < depth; i++) sb.Append(' ', 6 + i).Append("-\n");
                break;
        }
        var (line, _, message) = Located(Run(sb.ToString(), TimeSpan.FromSeconds(30)), "HSG0004");
        Assert.Contains("deeper than 256", message);
        Assert.True(line >= 6, line.ToString());
    }

    [Fact]
    public void Tabs_as_indentation()
    {
        var (line, column, message) = Located(Run(Header + "components:\n  schemas:\n\tA: {type: string}\n", TimeSpan.FromSeconds(20)), "HSG0004");
        Assert.Equal((5, 1), (line, column));
        Assert.Contains("tab", message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Duplicate_keys()
    {
        var result = Run(Header + "components:\n  schemas:\n    A: {type: string}\n    B: {type: integer}\n    A: {type: boolean, x-second: true}\n", TimeSpan.FromSeconds(20));
        var (line, column, message) = Located(result, "HSG0002");
        Assert.Equal((7, 5), (line, column));
        Assert.Contains("'A'", message);
        Assert.Empty(result.CompileDiagnostics.Select(d => d.ToString()));
    }

    [Fact]
    public void Invalid_utf8_bytes_decode_to_replacement_characters_and_do_not_crash()
    {
        byte[] bytes = Encoding.UTF8.GetBytes(Header + "components:\n  schemas:\n    A:\n      description: \"bad XX bytes\"\n      type: object\n      properties:\n        YY: {type: string}\n    ZZ: {type: integer}\n");
        Replace(bytes, "XX", 0xC3, 0x28);  // a truncated two-byte sequence
        Replace(bytes, "YY", 0xFF, 0xFE);  // bytes that never occur in UTF-8
        Replace(bytes, "ZZ", 0xED, 0xA0);  // the start of an encoded surrogate
        // What the compiler does with a file that is not valid UTF-8: U+FFFD for each bad sequence.
        string text = new UTF8Encoding(false, false).GetString(bytes);
        Assert.Contains('\uFFFD', text);
        var result = Run(text, TimeSpan.FromSeconds(20));
        Assert.Empty(result.CompileDiagnostics.Select(d => d.ToString()));
        Assert.DoesNotContain(result.GeneratorDiagnostics, d => d.Severity == DiagnosticSeverity.Error);
        Assert.Contains(result.Run.GeneratedSources, s => s.HintName == "A.g.cs");
    }

    private static void Replace(byte[] bytes, string marker, byte first, byte second)
    {
        int i = Encoding.ASCII.GetString(bytes).IndexOf(marker, StringComparison.Ordinal);
        bytes[i] = first;
        bytes[i + 1] = second;
    }

    [Theory]
    [InlineData("\u0000")]
    [InlineData("\u0007")]
    [InlineData("\u001B")]
    [InlineData("\uFFFF")]
    public void Control_characters_are_a_located_error(string c)
    {
        var (line, column, _) = Located(Run(Header + "components:\n  schemas:\n    A: {description: \"x" + c + "\"}\n", TimeSpan.FromSeconds(20)), "HSG0004");
        Assert.Equal((5, 24), (line, column));
    }

    [Fact]
    public void Odd_but_legal_characters_are_text()
    {
        var result = Run(Header + "components:\n  schemas:\n    A: {description: \"\uFFFD \u0085 \u2028 \u202E \u200B \uD83D\uDE00 \uD800\", type: string}\n", TimeSpan.FromSeconds(20));
        Assert.Empty(result.CompileDiagnostics.Select(d => d.ToString()));
        Assert.DoesNotContain(result.GeneratorDiagnostics, d => d.Severity >= DiagnosticSeverity.Warning);
    }

    private static string FiftyMegabytes(string tail)
    {
        var sb = new StringBuilder(52 * 1024 * 1024);
        sb.Append(Header).Append("components:\n  schemas:\n    Item:\n      type: object\n      properties:\n        id: {type: integer}\n      x-data:\n");
        for (int i = 0; sb.Length < 50 * 1024 * 1024; i++)
            sb.Append("        - {id: ").Append(i).Append(", name: \"item ").Append(i).Append("\", tags: [a, b, c], note: plain text here}\n");
        return sb.Append(tail).ToString();
    }

    [Fact]
    public void Fifty_megabyte_document_in_bounded_time()
    {
        var result = Run(FiftyMegabytes(string.Empty), TimeSpan.FromSeconds(120));
        Assert.Empty(result.CompileDiagnostics.Select(d => d.ToString()));
        Assert.DoesNotContain(result.GeneratorDiagnostics, d => d.Severity >= DiagnosticSeverity.Warning);
        Assert.Contains(result.Run.GeneratedSources, s => s.HintName == "Item.g.cs");
    }

    [Fact]
    public void Fifty_megabyte_document_broken_at_the_end_is_located_there()
    {
        string yaml = FiftyMegabytes("        - {unterminated: [\n");
        int lines = yaml.Count(c => c == '\n');
        var (line, column, _) = Located(Run(yaml, TimeSpan.FromSeconds(120)), "HSG0004");
        Assert.Equal((lines, 26), (line, column));
    }
}
