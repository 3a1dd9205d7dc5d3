using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using HppSchemaGen.Testing.Conformance;

// Conformance runner: the official JSON-Schema-Test-Suite (drafts 4, 6, 7, 2019-09 and 2020-12) through emitted validators.
//   dotnet run --project tests/HppSchemaGen.Conformance -c Release -- [--draft draft7] [--out report.json] [--filter text]
string? output = null;
string? filter = null;
var drafts = new List<string>();
for (int i = 0; i < args.Length; i++)
{
    if (args[i] == "--out" && i + 1 < args.Length) output = args[++i];
    else if (args[i] == "--filter" && i + 1 < args.Length) filter = args[++i];
    else if (args[i] == "--draft" && i + 1 < args.Length && SuiteRunner.Drafts.Contains(args[i + 1])) drafts.Add(args[++i]);
    else
    {
        Console.Error.WriteLine("usage: [--draft " + string.Join("|", SuiteRunner.Drafts) + "]... [--out report.json] [--filter text]");
        return 2;
    }
}
if (drafts.Count == 0) drafts.AddRange(SuiteRunner.Drafts);

var runner = new SuiteRunner(SuiteRunner.Locate(AppContext.BaseDirectory));
var report = new Dictionary<string, object>();
var summary = new List<string>();
int totalPassed = 0, totalFailed = 0;
foreach (string draft in drafts)
{
    var draftReport = new Dictionary<string, object>();
    // Required and optional tests treat format as an annotation; optional/format asserts it.
    foreach ((string category, bool formatAssertion) in new[] { ("required", false), ("optional", false), ("format", true) })
    {
        var results = new List<SuiteResult>();
        Console.WriteLine($"{draft + " " + category,-22} {"file",-45} {"passed",7} {"failed",7}");
        foreach (string file in runner.Files(draft, category))
        {
            if (filter is not null && !file.Contains(filter, StringComparison.Ordinal)) continue;
            IReadOnlyList<SuiteResult> fileResults = runner.RunFile(draft, file, formatAssertion);
            results.AddRange(fileResults);
            Console.WriteLine($"{"",-22} {file,-45} {fileResults.Count(r => r.Passed),7} {fileResults.Count(r => !r.Passed),7}");
        }
        int passed = results.Count(r => r.Passed), failed = results.Count - passed;
        totalPassed += passed;
        totalFailed += failed;
        string line = $"{draft} {category}: {passed} passed, {failed} failed";
        Console.WriteLine(line);
        summary.Add(line);
        draftReport[category] = new
        {
            passed,
            failed,
            failures = results.Where(r => !r.Passed).Select(r => new { file = r.File, group = r.Group, test = r.Test, problem = r.Problem }).ToList(),
        };
    }
    report[draft] = draftReport;
}

if (output is not null)
{
    File.WriteAllText(output, JsonSerializer.Serialize(report, new JsonSerializerOptions { WriteIndented = true }));
    Console.WriteLine("report: " + Path.GetFullPath(output));
}
Console.WriteLine();
foreach (string line in summary) Console.WriteLine(line);
Console.WriteLine($"{totalPassed} passed, {totalFailed} failed");
return 0;
