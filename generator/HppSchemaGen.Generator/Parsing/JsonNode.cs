using System;
using System.Collections.Generic;

namespace HppSchemaGen.Generator.Parsing;

internal enum JsonKind
{
    Object,
    Array,
    String,
    Number,
    True,
    False,
    Null,
}

/// <summary>
/// One value of a parsed schema file with its span in the text. Built once per parse and never
/// changed afterwards; it lives only inside a pipeline step and is never cached by Roslyn.
/// </summary>
internal sealed class JsonNode
{
    private static readonly IReadOnlyList<JsonMember> NoMembers = Array.Empty<JsonMember>();
    private static readonly IReadOnlyList<JsonNode> NoItems = Array.Empty<JsonNode>();

    public JsonNode(JsonKind kind, int start)
    {
        Kind = kind;
        Start = start;
    }

    public JsonKind Kind { get; }

    /// <summary>The string value, or a number's literal text.</summary>
    public string? Text { get; internal set; }

    public IReadOnlyList<JsonMember> Members { get; internal set; } = NoMembers;

    public IReadOnlyList<JsonNode> Items { get; internal set; } = NoItems;

    public int Start { get; }

    public int End { get; internal set; }

    public bool IsObject => Kind == JsonKind.Object;

    public bool IsBoolean => Kind is JsonKind.True or JsonKind.False;

    public JsonNode? Get(string name)
    {
        foreach (JsonMember m in Members)
        {
            if (string.Equals(m.Name, name, StringComparison.Ordinal)) return m.Value;
        }
        return null;
    }

    public string? GetString(string name) => Get(name) is { Kind: JsonKind.String } n ? n.Text : null;
}

internal readonly struct JsonMember
{
    public JsonMember(string name, int nameStart, JsonNode value)
    {
        Name = name;
        NameStart = nameStart;
        Value = value;
    }

    public string Name { get; }

    public int NameStart { get; }

    public JsonNode Value { get; }
}
