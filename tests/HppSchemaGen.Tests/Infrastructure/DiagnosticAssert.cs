using System.Linq;
using Microsoft.CodeAnalysis;
using Xunit;

namespace HppSchemaGen.Tests.Infrastructure;

/// <summary>Finding one diagnostic of a run and reading its 1-based line and column.</summary>
internal static class DiagnosticAssert
{
    public static Diagnostic Single(GeneratorHarness.Result result, string id)
    {
        Diagnostic[] found = result.GeneratorDiagnostics.Where(d => d.Id == id).ToArray();
        Assert.True(found.Length == 1, $"expected one {id}, got: " + string.Join("; ", result.GeneratorDiagnostics));
        return found[0];
    }

    public static (int Line, int Column) At(Diagnostic d)
    {
        FileLinePositionSpan span = d.Location.GetLineSpan();
        return (span.StartLinePosition.Line + 1, span.StartLinePosition.Character + 1);
    }
}
