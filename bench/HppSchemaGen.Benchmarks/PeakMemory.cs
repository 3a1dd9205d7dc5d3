using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using HppSchemaGen.Benchmarks.Generated;
using HppSchemaGen.Benchmarks.HandWritten;

namespace HppSchemaGen.Benchmarks;

/// <summary>
/// Peak memory of reading a large list document from a file: <c>SessionResponseList.ParseAsync</c>
/// (validate + deserialize) against System.Text.Json's <c>DeserializeAsync</c> with its
/// source-generated context. Each runs in a fresh process of this program (peak working set is per
/// process); a third process that only starts gives the runtime's own share, reported beside.
/// <c>dotnet run -c Release --project bench/HppSchemaGen.Benchmarks -- --peak [MB]</c>
/// </summary>
internal static class PeakMemory
{
    public static int Run(string[] args)
    {
        int megabytes = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 100;
        string file = Path.Combine(Path.GetTempPath(), "hppschemagen-peak-" + megabytes + "mb.json");
        if (!File.Exists(file) || new FileInfo(file).Length < megabytes * 1_000_000L)
        {
            int perThousand = Encoding.UTF8.GetByteCount(Payloads.SessionResponses(1_000));
            int count = (int)((long)megabytes * 1_000_000 * 1_000 / perThousand) + 1;
            File.WriteAllText(file, Payloads.SessionResponses(count));
        }
        long size = new FileInfo(file).Length;
        long baseline = Child("none", file), ours = Child("ours", file), stj = Child("stj", file);
        Console.WriteLine($"document: {size / 1e6:F1} MB ({file})");
        Console.WriteLine("| reader | peak working set | ratio | above the runtime's own | ratio |");
        Console.WriteLine("|---|---:|---:|---:|---:|");
        Console.WriteLine($"| SessionResponseList.ParseAsync (validate + deserialize) | {ours / 1e6:F0} MB | {(double)ours / stj:F2} | {(ours - baseline) / 1e6:F0} MB | {(double)(ours - baseline) / (stj - baseline):F2} |");
        Console.WriteLine($"| System.Text.Json DeserializeAsync (source-generated, baseline) | {stj / 1e6:F0} MB | 1.00 | {(stj - baseline) / 1e6:F0} MB | 1.00 |");
        Console.WriteLine($"| (a process that only starts) | {baseline / 1e6:F0} MB | | | |");
        return 0;
    }

    private static long Child(string which, string file)
    {
        var start = new ProcessStartInfo(Environment.ProcessPath!) { RedirectStandardOutput = true, UseShellExecute = false };
        start.ArgumentList.Add("--peak-child");
        start.ArgumentList.Add(which);
        start.ArgumentList.Add(file);
        using Process child = Process.Start(start)!;
        string output = child.StandardOutput.ReadToEnd();
        child.WaitForExit();
        if (child.ExitCode != 0) throw new InvalidOperationException(which + " failed: " + output);
        return long.Parse(output.Trim(), CultureInfo.InvariantCulture);
    }

    /// <summary>In the child: read the file once, keep the result alive, print the peak working set.</summary>
    public static async Task<int> ChildAsync(string which, string file)
    {
        object? kept = null;
        await using (var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, 4096, useAsync: true))
        {
            kept = which switch
            {
                "ours" => await SessionResponseList.ParseAsync(stream),
                "stj" => await JsonSerializer.DeserializeAsync(stream, HandWrittenContext.Default.ListSessionResponse),
                _ => null,
            };
        }
        using Process self = Process.GetCurrentProcess();
        self.Refresh();
        Console.WriteLine(self.PeakWorkingSet64.ToString(CultureInfo.InvariantCulture));
        GC.KeepAlive(kept);
        return 0;
    }
}
