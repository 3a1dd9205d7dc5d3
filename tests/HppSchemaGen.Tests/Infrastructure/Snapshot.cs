using System;
using System.IO;
using System.Runtime.CompilerServices;
using Xunit.Sdk;

namespace HppSchemaGen.Tests.Infrastructure;

/// <summary>
/// Verify-style snapshots without the Verify package: <c>Snapshots/NAME.verified.cs</c> is committed;
/// a mismatch (or a missing snapshot) writes <c>NAME.received.cs</c> beside it and fails.
/// To accept: review the .received files, then run <c>bash tests/accept-snapshots.sh</c>.
/// </summary>
internal static class Snapshot
{
    public static void Verify(string name, string actual, [CallerFilePath] string callerFile = "")
    {
        string dir = Path.Combine(FindProjectDirectory(callerFile), "Snapshots");
        Directory.CreateDirectory(dir);
        string verified = Path.Combine(dir, name + ".verified.cs");
        string received = Path.Combine(dir, name + ".received.cs");
        string normalized = actual.Replace("\r\n", "\n");
        if (File.Exists(verified) && File.ReadAllText(verified).Replace("\r\n", "\n") == normalized)
        {
            if (File.Exists(received)) File.Delete(received);
            return;
        }
        File.WriteAllText(received, normalized);
        throw new XunitException(File.Exists(verified)
            ? $"Snapshot '{name}' differs from {verified}. Review {received}; accept with: bash tests/accept-snapshots.sh"
            : $"Snapshot '{name}' has no verified file. Review {received}; accept with: bash tests/accept-snapshots.sh");
    }

    private static string FindProjectDirectory(string callerFile)
    {
        string? dir = Path.GetDirectoryName(callerFile);
        while (dir is not null && !File.Exists(Path.Combine(dir, "HppSchemaGen.Tests.csproj"))) dir = Path.GetDirectoryName(dir);
        return dir ?? throw new InvalidOperationException("Cannot find the test project directory from " + callerFile);
    }
}
