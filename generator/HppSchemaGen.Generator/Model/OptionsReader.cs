using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace HppSchemaGen.Generator.Model;

/// <summary>Reads MSBuild properties and per-file metadata (made visible by build/HppSchemaGen.props).</summary>
internal static class OptionsReader
{
    public const string DefaultContextName = "SchemaJsonContext";
    public const string DefaultNamespace = "GeneratedSchemas";

    public static GeneratorOptions Read(AnalyzerConfigOptions global)
    {
        string ns = Get(global, "build_property.HppSchemaGenNamespace") ?? Get(global, "build_property.RootNamespace") ?? DefaultNamespace;
        string context = Get(global, "build_property.HppSchemaGenContextName") ?? DefaultContextName;
        bool format = !string.Equals(Get(global, "build_property.HppSchemaGenFormatAssertion"), "false", System.StringComparison.OrdinalIgnoreCase);
        return new GeneratorOptions(SanitizeNamespace(ns), SyntaxFacts.IsValidIdentifier(context) ? context : DefaultContextName, format);
    }

    /// <summary>
    /// <c>HppSchemaGenMaxFiles</c>: how many files the generator adds at most (default 256, at least 1).
    /// Above it, pieces are grouped into that many files (see Emit/OutputFiles.cs).
    /// </summary>
    public static int ReadMaxFiles(AnalyzerConfigOptions global)
        => int.TryParse(Get(global, "build_property.HppSchemaGenMaxFiles"), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int max) && max > 0
            ? max
            : DefaultMaxFiles;

    public const int DefaultMaxFiles = 256;

    public static SchemaFile? ReadFile(AdditionalText text, AnalyzerConfigOptions options, CancellationToken ct)
    {
        if (string.Equals(Get(options, "build_metadata.AdditionalFiles.HppSchemaGen"), "false", System.StringComparison.OrdinalIgnoreCase)) return null;
        string content = text.GetText(ct)?.ToString() ?? string.Empty;
        string? ns = Get(options, "build_metadata.AdditionalFiles.HppSchemaGenNamespace");
        return new SchemaFile(
            text.Path,
            content,
            ns is null ? null : SanitizeNamespace(ns),
            Get(options, "build_metadata.AdditionalFiles.HppSchemaGenTypeName"),
            Get(options, "build_metadata.AdditionalFiles.HppSchemaGenBaseUri"));
    }

    private static string? Get(AnalyzerConfigOptions options, string key)
        => options.TryGetValue(key, out string? value) && !string.IsNullOrWhiteSpace(value) ? Unescape(value.Trim()) : null;

    /// <summary>build/HppSchemaGen.targets escapes ';', '#' and '%' (comment characters in .editorconfig).</summary>
    private static string Unescape(string value)
        => value.IndexOf('%') < 0 ? value : value.Replace("%3B", ";").Replace("%23", "#").Replace("%25", "%");

    /// <summary>Each dotted part made a valid identifier, so a bad property value cannot break the output.</summary>
    public static string SanitizeNamespace(string ns)
    {
        var parts = ns.Split('.');
        for (int i = 0; i < parts.Length; i++)
        {
            string p = parts[i].Trim();
            parts[i] = SyntaxFacts.IsValidIdentifier(p) && SyntaxFacts.GetKeywordKind(p) == SyntaxKind.None ? p : Naming.ToPascalCase(p, "Schemas").TrimStart('@');
        }
        return string.Join(".", parts);
    }
}
