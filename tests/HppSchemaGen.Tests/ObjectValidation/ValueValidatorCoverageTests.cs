using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using HppSchemaGen.Tests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace HppSchemaGen.Tests.ObjectValidation;

/// <summary>
/// The equivalence tests pass trivially for a value validator that serializes (ViaJson): this
/// bounds how many do, so that <c>Validate()</c> stays emitted code over members for the corpus too.
/// </summary>
public class ValueValidatorCoverageTests
{
    private readonly ITestOutputHelper _output;

    public ValueValidatorCoverageTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public void Most_corpus_value_validators_judge_the_value_itself()
    {
        string dir = Path.Combine(DiagnosticTests.RepoRoot(), "tests", "corpus");
        var files = new List<(string, string)>();
        var perFile = new Dictionary<string, IReadOnlyDictionary<string, string>>();
        foreach (string f in Directory.GetFiles(dir, "*.schema.json").OrderBy(f => f, StringComparer.Ordinal))
        {
            string path = "/corpus/" + Path.GetFileName(f);
            files.Add((path, File.ReadAllText(f)));
            perFile[path] = new Dictionary<string, string> { ["build_metadata.AdditionalFiles.HppSchemaGenNamespace"] = "Corpus.S" + Path.GetFileName(f)[..2] };
        }
        GeneratorHarness.Result result = GeneratorHarness.Run(files, new Dictionary<string, string> { ["build_property.HppSchemaGenNamespace"] = "Corpus" }, perFile);
        string[] sources = result.Run.GeneratedSources.Where(s => s.HintName.StartsWith("__ValueValidators.", StringComparison.Ordinal)).Select(s => s.SourceText.ToString()).ToArray();
        int methods = sources.Sum(s => Regex.Matches(s, @"internal static bool \w+\(").Count);
        int viaJson = sources.Sum(s => Regex.Matches(s, @"=> __V\.ValueChecks\.ViaJson\(").Count);
        _output.WriteLine($"{methods} value validators, {viaJson} through JSON");
        Assert.True(methods >= 40, $"only {methods} value validators for the corpus");
        Assert.True(viaJson * 4 <= methods, $"{viaJson} of {methods} value validators serialize instead of judging the value");
    }
}
