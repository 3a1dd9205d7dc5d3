using System;
using HppSchemaGen.Generator.Model.Validation;
using HppSchemaGen.Generator.Parsing;
using HppSchemaGen.Generator.Resolution;

namespace HppSchemaGen.Generator.Model;

/// <summary>
/// When a schema's <c>default</c> may initialize a member. An absent member holds its default, so
/// <c>Parse("{}")</c> and writing the value back must stay valid: a default the member's schema
/// rejects (<c>"format": "uri", "default": ""</c>), or one that an object-level keyword could turn
/// against the document (<c>maxProperties</c>, <c>dependentRequired</c>, a conditional), is not used.
/// Only what can be decided exactly here is checked; a keyword that cannot (<c>pattern</c>, a string
/// <c>format</c>, a subschema applicator) keeps the member without its default.
/// </summary>
internal static class Defaults
{
    private static readonly string[] UndecidedKeywords =
        { "pattern", "not", "allOf", "anyOf", "oneOf", "if", "$dynamicRef", "$recursiveRef", "contentSchema" };

    private static readonly string[] Bounds = { "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf" };

    private static readonly string[] ObjectKeywords =
        { "maxProperties", "dependentRequired", "dependencies", "dependentSchemas", "if", "not", "oneOf", "anyOf", "propertyNames" };

    /// <summary>Whether <paramref name="value"/> satisfies the keywords of <paramref name="schema"/> that apply to it.</summary>
    public static bool Fits(JsonNode value, JsonNode schema)
    {
        if (schema.Kind != JsonKind.Object) return schema.Kind != JsonKind.False;
        foreach (string keyword in UndecidedKeywords)
        {
            if (schema.Get(keyword) is not null) return false;
        }
        if (schema.Get("const") is JsonNode c && !SameValue(c, value)) return false;
        if (schema.Get("enum") is { Kind: JsonKind.Array } e)
        {
            bool found = false;
            foreach (JsonNode item in e.Items) found |= SameValue(item, value);
            if (!found) return false;
        }
        return value.Kind switch
        {
            JsonKind.String => schema.Get("format") is null && StringFits(value.Text!, schema),
            JsonKind.Number => NumberFits(value.Text!, schema),
            _ => true,
        };
    }

    /// <summary>
    /// Whether the object (or an allOf branch merged into it) has a keyword that a member present only
    /// because of its default could make fail.
    /// </summary>
    public static bool ObjectConstrains(SchemaNode node, SchemaRegistry registry, int maxDepth)
    {
        if (maxDepth <= 0) return true;
        foreach (string keyword in ObjectKeywords)
        {
            if (node.Json.Get(keyword) is not null) return true;
        }
        if (node.Json.Get("allOf") is { Kind: JsonKind.Array } all)
        {
            foreach (JsonNode branch in all.Items)
            {
                if (registry.Find(branch) is not SchemaNode b) return true;
                if (registry.FollowRefs(b, maxDepth) is SchemaNode target && target.Json.Kind == JsonKind.Object
                    && ObjectConstrains(target, registry, maxDepth - 1)) return true;
            }
        }
        return false;
    }

    private static bool StringFits(string text, JsonNode schema)
    {
        int length = CodePoints(text);
        if (Integer(schema, "minLength") is long min && length < min) return false;
        if (Integer(schema, "maxLength") is long max && length > max) return false;
        return true;
    }

    private static int CodePoints(string text)
    {
        int n = 0;
        for (int i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])) i++;
            n++;
        }
        return n;
    }

    private static bool NumberFits(string text, JsonNode schema)
    {
        if (Exact(text) is not decimal v) return false;
        foreach (string keyword in Bounds)
        {
            JsonNode? bound = schema.Get(keyword);
            if (bound is null || bound.Kind is JsonKind.True or JsonKind.False) continue;
            // A bound that is not a number a decimal holds exactly (1e400, 1e-400) is not decided here.
            if (bound.Kind != JsonKind.Number || Exact(bound.Text!) is not decimal b) return false;
            bool fits = keyword switch
            {
                "minimum" => v > b || v == b && schema.Get("exclusiveMinimum") is not { Kind: JsonKind.True },
                "maximum" => v < b || v == b && schema.Get("exclusiveMaximum") is not { Kind: JsonKind.True },
                "exclusiveMinimum" => v > b,
                "exclusiveMaximum" => v < b,
                _ => b > 0 && IsMultiple(v, b),
            };
            if (!fits) return false;
        }
        return true;
    }

    private static bool IsMultiple(decimal value, decimal step)
    {
        try
        {
            return value % step == 0;
        }
        catch (OverflowException)
        {
            return false;
        }
    }

    private static long? Integer(JsonNode schema, string keyword)
        => schema.Get(keyword) is { Kind: JsonKind.Number } n && Exact(n.Text!) is decimal d && d >= 0 && d <= long.MaxValue ? (long)decimal.Ceiling(d) : null;

    /// <summary>The number as the validator reads its bounds (<see cref="NumberValue.Parse"/>): null when a decimal does not hold it exactly.</summary>
    private static decimal? Exact(string text) => NumberValue.Parse(text).Decimal;

    /// <summary>JSON equality of two scalars (numbers by value); structured values only when written the same.</summary>
    private static bool SameValue(JsonNode a, JsonNode b)
    {
        if (a.Kind != b.Kind) return false;
        return a.Kind switch
        {
            JsonKind.Number => Exact(a.Text!) is decimal x && Exact(b.Text!) is decimal y ? x == y : a.Text == b.Text,
            JsonKind.String => string.Equals(a.Text, b.Text, StringComparison.Ordinal),
            JsonKind.Object or JsonKind.Array => false,
            _ => true,
        };
    }
}
