using System.ComponentModel;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace HppSchemaGen.Validation;

/// <summary>One schema pattern: the ECMA-262 text and its .NET regex, compiled on first use.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class Pattern
{
    private Regex? _regex;
    private int _state;

    /// <summary>Wraps <paramref name="text"/> (ECMA-262); nothing is compiled until a value is checked.</summary>
    public Pattern(string text) => Text = text;

    /// <summary>The pattern as the schema wrote it.</summary>
    public string Text { get; }

    /// <summary>True when the string value <paramref name="e"/> matches (unanchored search).</summary>
    public bool IsMatch(JsonElement e) => Patterns.IsMatch(e, Patterns.Get(ref _regex, ref _state, Text));

    /// <summary>True when the member name <paramref name="name"/> matches.</summary>
    public bool IsMatch(string name) => Patterns.IsMatch(name, Patterns.Get(ref _regex, ref _state, Text));
}
