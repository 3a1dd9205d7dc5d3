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
/// The official JSON-Schema-Test-Suite, one case per test group, through the real generator and the
/// compiled validators; one class per draft, each schema given the draft's <c>$schema</c> when it names
/// none. The drafts share one collection, so they run one after the other: alongside them, on the
/// other core, the time-bounded robustness tests keep a core to themselves. A failure not in expected-failures.json fails, and so
/// does a listed failure that now passes: the list can only shrink.
/// </summary>
public abstract class SuiteConformance
{
    /// <summary>The xUnit collection of every test that runs the suite (heavy: the generator and the compiler per file).</summary>
    public const string CollectionName = "JSON-Schema-Test-Suite";

    private static readonly SuiteRunner s_runner = new(SuiteRunner.Locate(AppContext.BaseDirectory));
    private static readonly ConcurrentDictionary<string, Lazy<IReadOnlyList<SuiteResult>>> s_results = new();
    private static readonly Lazy<List<ExpectedFailure>> s_expected = new(() =>
        JsonSerializer.Deserialize<List<ExpectedFailure>>(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Conformance", "expected-failures.json")),
            new JsonSerializerOptions { PropertyNameCaseInsensitive = true })!);

    /// <summary>A known failure; an entry without a draft is of draft 2020-12.</summary>
    public sealed record ExpectedFailure(string Category, string File, string Group, string Test, string Reason, string? Draft = null)
    {
        public string DraftName => Draft ?? "draft2020-12";
    }

    private static readonly (string Category, bool FormatAssertion)[] Categories = { ("required", false), ("optional", false), ("format", true) };

    protected static TheoryData<string, string, int> GroupsOf(string draft)
    {
        var data = new TheoryData<string, string, int>();
        foreach ((string category, _) in Categories)
        {
            foreach (string file in s_runner.Files(draft, category))
            {
                for (int g = 0; g < s_runner.Groups(draft, file).Length; g++) data.Add(category, file, g);
            }
        }
        return data;
    }

    private static IReadOnlyList<SuiteResult> Results(string draft, string category, string file)
    {
        bool format = category == "format";
        return s_results.GetOrAdd(draft + "|" + category + "|" + file, _ => new Lazy<IReadOnlyList<SuiteResult>>(() => s_runner.RunFile(draft, file, format))).Value;
    }

    protected static void Check(string draft, string category, string file, int group)
    {
        List<SuiteResult> results = Results(draft, category, file).Where(r => r.GroupIndex == group).ToList();
        Assert.NotEmpty(results);
        var expected = s_expected.Value.Where(e => e.DraftName == draft && e.Category == category && e.File == file && e.Group == results[0].Group).ToList();
        var unexpected = results.Where(r => !r.Passed && !expected.Any(e => e.Test == r.Test))
            .Select(r => $"FAILED '{r.Test}': expected {(r.Expected ? "valid" : "invalid")}, got {(r.Actual is bool a ? (a ? "valid" : "invalid") : "no answer")} {r.Problem}")
            .ToList();
        var nowPassing = expected.Where(e => results.Any(r => r.Test == e.Test && r.Passed))
            .Select(e => $"NOW PASSES '{e.Test}': remove it from expected-failures.json")
            .ToList();
        var missing = expected.Where(e => !results.Any(r => r.Test == e.Test)).Select(e => $"UNKNOWN expected failure '{e.Test}'").ToList();
        Assert.True(unexpected.Count + nowPassing.Count + missing.Count == 0, string.Join("\n", unexpected.Concat(nowPassing).Concat(missing)));
    }

    protected static IReadOnlyList<ExpectedFailure> ExpectedFailures => s_expected.Value;
}

/// <summary>Draft 2020-12 (schemas without <c>$schema</c> are of this draft anyway).</summary>
[Collection(SuiteConformance.CollectionName)]
public class ConformanceTests : SuiteConformance
{
    public static TheoryData<string, string, int> Groups() => GroupsOf("draft2020-12");

    [Theory]
    [MemberData(nameof(Groups))]
    public void Suite_group_behaves_as_expected(string category, string file, int group) => Check("draft2020-12", category, file, group);

    [Fact]
    public void Every_expected_failure_has_a_reason_and_a_known_draft()
        => Assert.All(ExpectedFailures, e =>
        {
            Assert.False(string.IsNullOrWhiteSpace(e.Reason) || e.Reason == "TODO", e.Test);
            Assert.Contains(e.DraftName, SuiteRunner.Drafts);
        });
}

[Collection(SuiteConformance.CollectionName)]
public class Draft201909ConformanceTests : SuiteConformance
{
    public static TheoryData<string, string, int> Groups() => GroupsOf("draft2019-09");

    [Theory]
    [MemberData(nameof(Groups))]
    public void Suite_group_behaves_as_expected(string category, string file, int group) => Check("draft2019-09", category, file, group);
}

[Collection(SuiteConformance.CollectionName)]
public class Draft7ConformanceTests : SuiteConformance
{
    public static TheoryData<string, string, int> Groups() => GroupsOf("draft7");

    [Theory]
    [MemberData(nameof(Groups))]
    public void Suite_group_behaves_as_expected(string category, string file, int group) => Check("draft7", category, file, group);
}

[Collection(SuiteConformance.CollectionName)]
public class Draft6ConformanceTests : SuiteConformance
{
    public static TheoryData<string, string, int> Groups() => GroupsOf("draft6");

    [Theory]
    [MemberData(nameof(Groups))]
    public void Suite_group_behaves_as_expected(string category, string file, int group) => Check("draft6", category, file, group);
}

[Collection(SuiteConformance.CollectionName)]
public class Draft4ConformanceTests : SuiteConformance
{
    public static TheoryData<string, string, int> Groups() => GroupsOf("draft4");

    [Theory]
    [MemberData(nameof(Groups))]
    public void Suite_group_behaves_as_expected(string category, string file, int group) => Check("draft4", category, file, group);
}
