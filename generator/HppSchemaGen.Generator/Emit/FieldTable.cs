using System.Collections.Generic;
using System.Globalization;

namespace HppSchemaGen.Generator.Emit;

/// <summary>
/// The static readonly fields of a validators class (enum values, patterns, member tables), named
/// after the method that uses them (<c>__OptionsV1_Enum</c>), never numbered across the file, and
/// declared once per method however often the method uses them.
/// </summary>
internal sealed class FieldTable
{
    private readonly List<string> _declarations = new();
    private readonly HashSet<string> _names = new(System.StringComparer.Ordinal);
    private readonly Dictionary<string, string> _byKey = new(System.StringComparer.Ordinal);

    /// <summary>The field of <paramref name="method"/> holding <paramref name="initializer"/>, declared on first use.</summary>
    public string Get(string method, string type, string kind, string initializer)
    {
        string key = method + "\u0000" + type + "\u0000" + initializer;
        if (_byKey.TryGetValue(key, out string? existing)) return existing;
        string name = "__" + method + "_" + kind;
        for (int i = 2; !_names.Add(name); i++) name = "__" + method + "_" + kind + i.ToString(CultureInfo.InvariantCulture);
        _declarations.Add("private static readonly " + type + " " + name + " = " + initializer + ";");
        _byKey[key] = name;
        return name;
    }

    /// <summary>Writes the declarations (after the methods that use them).</summary>
    public void Write(SourceWriter w)
    {
        if (_declarations.Count > 0) w.Line();
        foreach (string f in _declarations) w.Line(f);
    }
}
