using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using HppSchemaGen.Testing.Conformance;

// Conformance runner: the official JSON-Schema-Test-Suite (draft 2020-12) through emitted validators.
//   dotnet run --project tests/HppSchemaGen.Conformance -c Release -- [--out report.json] [--filter text]
string? output = null;
string? filter = null;
for (int i = 0; i < args.Length; i++)
{
    if (args[i] == "--out" && i + 1 < args.Length) output = args[++i];
    else if (args[i] == "--filter" && i + 1 < args.Length) filter = args[++i];
    else
    {
        Console.Error.WriteLine("usage: [--out report.json] [--filter text]");
        return 2;
    }
}

var runner = new SuiteRunner(SuiteRunner.Locate(AppContext.BaseDirectory));
var report = new Dictionary<string, object>();
int totalPassed = 0, totalFailed = 0;
// Required and optional tests treat format as an annotation; optional/format asserts it.
foreach ((string category, bool formatAssertion) in new[] { ("required", false), ("optional", false), ("format", true) })
{
    var results = new List<SuiteResult>();
    Console.WriteLine($"{category,-10} {"file",-45} {"passed",7} {"failed",7}");
    foreach (string file in runner.Files(category))
    {
        if (filter is not null && !file.Contains(filter, StringComparison.Ordinal)) continue;
        IReadOnlyList<SuiteResult> fileResults = runner.RunFile(file, formatAssertion);
        results.AddRange(fileResults);
        Console.WriteLine($"{"",-10} {file,-45} {fileResults.Count(r => r.Passed),7} {fileResults.Count(r => !r.Passed),7}");
    }
    int passed = results.Count(r => r.Passed), failed = results.Count - passed;
    totalPassed += passed;
    totalFailed += failed;
    Console.WriteLine($"{category}: {passed} passed, {failed} failed");
    report[category] = new
    {
        passed,
        failed,
        failures = results.Where(r => !r.Passed).Select(r => new { file = r.File, group = r.Group, test = r.Test, problem = r.Problem }).ToList(),
    };
}

if (output is not null)
{
    File.WriteAllText(output, JsonSerializer.Serialize(report, new JsonSerializerOptions { WriteIndented = true }));
    Console.WriteLine("report: " + Path.GetFullPath(output));
}
Console.WriteLine($"{totalPassed} passed, {totalFailed} failed");
return 0;
