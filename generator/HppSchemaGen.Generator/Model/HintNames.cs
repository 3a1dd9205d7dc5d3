using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using Microsoft.CodeAnalysis.CSharp;

namespace HppSchemaGen.Generator.Model;

/// <summary>
/// The hint (file) names of the generated sources, claimed once per output in one place. Roslyn
/// accepts only identifier characters and <c>.,-+`_ ()[]{}</c> (newer hosts also <c>/</c> and
/// <c>\</c>), appends ".cs" when missing and compares names with OrdinalIgnoreCase; two equal names
/// fail the whole generator (ArgumentException, CS8785, every output dropped). C# names are
/// case-sensitive, so Dotnet and DotNet are two types but would be one file: every character Roslyn
/// could refuse becomes '_', and a name already claimed ignoring case gets ".2", ".3"... before
/// ".g.cs". Claims in a fixed order (the model's) make the names deterministic.
/// </summary>
internal sealed class HintNames
{
    public const string Extension = ".g.cs";

    private readonly HashSet<string> _claimed = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>A hint name for <paramref name="stem"/> (a type name, or "Owner.Schema") that no earlier claim has, ignoring case.</summary>
    public string Claim(string stem)
    {
        string safe = Sanitize(stem);
        string name = safe + Extension;
        for (int i = 2; !_claimed.Add(name); i++) name = safe + "." + i.ToString(CultureInfo.InvariantCulture) + Extension;
        return name;
    }

    /// <summary>The name <see cref="Claim"/> gives <paramref name="stem"/> when nothing claimed it before.</summary>
    public static string Unclaimed(string stem) => Sanitize(stem) + Extension;

    private static string Sanitize(string stem)
    {
        // '@' escapes a keyword in C#, not in a file name.
        if (stem.StartsWith("@", StringComparison.Ordinal)) stem = stem.Substring(1);
        // Nearly every stem is a C# name already safe: no copy (thousands of claims per structural edit).
        bool safe = stem.Length > 0;
        foreach (char c in stem) safe &= IsSafe(c);
        if (safe) return stem;
        var sb = new StringBuilder(stem.Length);
        foreach (char c in stem) sb.Append(IsSafe(c) ? c : '_');
        return sb.Length == 0 ? "_" : sb.ToString();
    }

    /// <summary>Characters every supported Roslyn accepts in a hint name (path separators only newer ones do, so never those).</summary>
    private static bool IsSafe(char c)
        => c is '.' or ',' or '-' or '+' or '_' or '(' or ')' or '[' or ']' or '{' or '}'
            || (SyntaxFacts.IsIdentifierPartCharacter(c) && !char.IsSurrogate(c) && CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.Format);
}
