using System;
using System.Linq;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

// dotnet run -c Release --project bench/HppSchemaGen.Benchmarks -- --filter '*'          full run
// dotnet run -c Release --project bench/HppSchemaGen.Benchmarks -- --filter '*' --smoke  seconds per benchmark (CI: it builds and runs)
// dotnet run -c Release --project bench/HppSchemaGen.Benchmarks -- --filter '*' --medium MediumRun: for ratios ShortRun leaves too noisy
// dotnet run -c Release --project bench/HppSchemaGen.Benchmarks -- --filter '*Generator*' --medium --isolated
//     each benchmark case in a process of its own (BenchmarkDotNet's default toolchain): the
//     generator's keystroke costs, which a heap left by the full runs of 2,000 schemas skews in process
// dotnet run -c Release --project bench/HppSchemaGen.Benchmarks -- --peak [MB]            peak memory of ParseAsync on a large file
if (args.Length > 0 && args[0] == "--peak") return HppSchemaGen.Benchmarks.PeakMemory.Run(args);
if (args.Length > 2 && args[0] == "--peak-child") return await HppSchemaGen.Benchmarks.PeakMemory.ChildAsync(args[1], args[2]);
bool smoke = args.Contains("--smoke");
bool medium = args.Contains("--medium");
bool isolated = args.Contains("--isolated");
string[] rest = args.Where(a => a is not ("--smoke" or "--medium" or "--isolated")).ToArray();
IConfig config = DefaultConfig.Instance;
config = smoke
    ? config.AddJob(Job.Dry.WithToolchain(InProcessEmitToolchain.Instance)).WithOptions(ConfigOptions.DisableOptimizationsValidator)
    : isolated ? config.AddJob(medium ? Job.MediumRun : Job.ShortRun)
    : config.AddJob((medium ? Job.MediumRun : Job.ShortRun).WithToolchain(InProcessEmitToolchain.Instance));
BenchmarkSwitcher.FromAssembly(typeof(HppSchemaGen.Benchmarks.Payloads).Assembly).Run(rest, config);
return 0;
