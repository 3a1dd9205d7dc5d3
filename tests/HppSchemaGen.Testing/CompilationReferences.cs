using System;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace HppSchemaGen.Testing;

/// <summary>What a net10.0 consumer of the generated code compiles against, and how it parses.</summary>
public static class CompilationReferences
{
    private static readonly Lazy<ImmutableArray<MetadataReference>> s_references = new(() =>
    {
        // The running .NET's own assemblies plus the runtime library.
        string tpa = (string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!;
        var refs = tpa.Split(Path.PathSeparator)
            .Where(p => Path.GetFileName(p).StartsWith("System.", StringComparison.Ordinal) || Path.GetFileName(p) is "mscorlib.dll" or "netstandard.dll")
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
            .ToList();
        refs.Add(MetadataReference.CreateFromFile(typeof(ValidationResult).Assembly.Location));
        return refs.ToImmutableArray();
    });

    public static ImmutableArray<MetadataReference> All => s_references.Value;

    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.CSharp12, preprocessorSymbols: new[] { "NET", "NET8_0_OR_GREATER", "NET9_0_OR_GREATER", "NET10_0_OR_GREATER" });

    public static CSharpCompilationOptions Options(bool warningsAsErrors = true) => new(
        OutputKind.DynamicallyLinkedLibrary,
        nullableContextOptions: NullableContextOptions.Enable,
        generalDiagnosticOption: warningsAsErrors ? ReportDiagnostic.Error : ReportDiagnostic.Default,
        optimizationLevel: OptimizationLevel.Release,
        concurrentBuild: true);
}
