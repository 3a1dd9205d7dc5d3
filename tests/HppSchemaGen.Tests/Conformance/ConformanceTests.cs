using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using HppSchemaGen.Testing.Conformance;
using Xunit;

namespace HppSchemaGen.Tests.Conformance;

/// <summary>
/// The official JSON-Schema-Test-Suite (draft 2020-12), one case per test group, through the real
/// generator and the compiled validators. A failure not in expected-failures.json fails, and so does
/// a listed failure that now passes: the list can only shrink.
/// </summary>
public class ConformanceTests
{
    private static readonly SuiteRunner s_runner = new(SuiteRunner.Locate(AppContext.BaseDirectory));
    private static readonly ConcurrentDictionary<string, Lazy<IReadOnlyList<SuiteResult>>> s_results = new();
    private static readonly Lazy<List<ExpectedFailure>> s_expected = new(() =>
        JsonSerializer.Deserialize<List<ExpectedFailure>>(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Conformance", "expected-failures.json")),
            new JsonSerializerOptions { PropertyNameCaseInsensitive = true })!);

    public sealed record ExpectedFailure(string Category, string File, string Group, string Test, string Reason);

    private static readonly (string Category, bool FormatAssertion)[] Categories = { ("required", false), ("optional", false), ("format", true) };

    public static TheoryData<string, string, int> Groups()
    {
        var data = new TheoryData<string, string, int>();
        string dir = Path.Combine(SuiteRunner.Locate(AppContext.BaseDirectory), "tests", "draft2020-12");
        foreach ((string category, _) in Categories)
        {
            foreach (string file in s_runner.Files(category))
            {
                using JsonDocument doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, file)));
                for (int g = 0; g < doc.RootElement.GetArrayLength(); g++) data.Add(category, file, g);
            }
        }
        return data;
    }

    private static IReadOnlyList<SuiteResult> Results(string category, string file)
    {
        bool format = category == "format";
        return s_results.GetOrAdd(category + "|" + file, _ => new Lazy<IReadOnlyList<SuiteResult>>(() => s_runner.RunFile(file, format))).Value;
    }

    [Theory]
    [MemberData(nameof(Groups))]
    public void Suite_group_behaves_as_expected(string category, string file, int group)
    {
        List<SuiteResult> results = Results(category, file).Where(r => r.GroupIndex == group).ToList();
        Assert.NotEmpty(results);
        var expected = s_expected.Value.Where(e => e.Category == category && e.File == file && e.Group == results[0].Group).ToList();
        var unexpected = results.Where(r => !r.Passed && !expected.Any(e => e.Test == r.Test))
            .Select(r => $"FAILED '{r.Test}': expected {(r.Expected ? "valid" : "invalid")}, got {(r.Actual is bool a ? (a ? "valid" : "invalid") : "no answer")} {r.Problem}")
            .ToList();
        var nowPassing = expected.Where(e => results.Any(r => r.Test == e.Test && r.Passed))
            .Select(e => $"NOW PASSES '{e.Test}': remove it from expected-failures.json")
            .ToList();
        var missing = expected.Where(e => !results.Any(r => r.Test == e.Test)).Select(e => $"UNKNOWN expected failure '{e.Test}'").ToList();
        Assert.True(unexpected.Count + nowPassing.Count + missing.Count == 0, string.Join("\n", unexpected.Concat(nowPassing).Concat(missing)));
    }

    [Fact]
    public void Every_expected_failure_has_a_reason()
        => Assert.All(s_expected.Value, e => Assert.False(string.IsNullOrWhiteSpace(e.Reason) || e.Reason == "TODO", e.Test));
}
