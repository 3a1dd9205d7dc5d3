using System;
using System.Collections.Generic;
using System.Linq;
using HppSchemaGen.Generator.Parsing;
using HppSchemaGen.Generator.Resolution;

namespace HppSchemaGen.Generator.Model;

internal enum ShapeKind
{
    /// <summary>No single C# shape: the value stays a JsonElement.</summary>
    Any,
    Record,
    StringEnum,
    Map,
    Array,
    Primitive,

    /// <summary>oneOf/anyOf of distinct shapes: an abstract record with one case per branch.</summary>
    Union,
}

/// <summary>What C# shape a schema has, decided from its keywords (and those of its <c>allOf</c> branches).</summary>
internal sealed class SchemaShape
{
    private const int MaxAllOfDepth = 16;

    private SchemaShape(ShapeKind kind) => Kind = kind;

    public ShapeKind Kind { get; }

    public TypeRef? Primitive { get; private set; }

    /// <summary>Item schema of an array, value schema of a map.</summary>
    public SchemaNode? ValueSchema { get; private set; }

    public List<(string Name, SchemaNode Schema)> Properties { get; } = new();

    public HashSet<string> Required { get; } = new(StringComparer.Ordinal);

    public bool AllowsAdditional { get; private set; }

    public List<string> EnumValues { get; } = new();

    /// <summary>Why a schema that says something about its values still has no single C# shape (null: it accepts anything).</summary>
    public string? AnyReason { get; private set; }

    /// <summary>The oneOf/anyOf branches of a union, as written.</summary>
    public List<SchemaNode> Branches { get; } = new();

    /// <summary>True when the union's branches are alternatives (oneOf) rather than possibly overlapping (anyOf).</summary>
    public string UnionKeyword { get; private set; } = "oneOf";

    public static SchemaShape Of(SchemaNode node, SchemaRegistry registry)
    {
        JsonNode j = node.Json;
        var types = new List<string>();
        if (j.Get("type") is JsonNode t)
        {
            if (t.Kind == JsonKind.String) types.Add(t.Text!);
            else if (t.Kind == JsonKind.Array) types.AddRange(t.Items.Where(x => x.Kind == JsonKind.String).Select(x => x.Text!));
        }
        types.Remove("null");
        if (types.Count == 2 && types.Contains("integer") && types.Contains("number")) types.Remove("integer");
        string? type = types.Count == 1 ? types[0] : types.Count == 0 ? Infer(j, registry, node) : null;
        switch (type)
        {
            case "object": return ObjectShape(node, registry);
            case "array": return ArrayShape(node, registry);
            case "string": return StringShape(j);
            case "integer": return Prim(j.GetString("format") == "int32" ? TypeRef.Int32 : TypeRef.Int64);
            case "number":
                return Prim(j.GetString("format") switch
                {
                    "float" => TypeRef.Single,
                    "decimal" => TypeRef.Decimal,
                    _ => TypeRef.Double,
                });
            case "boolean": return Prim(TypeRef.Boolean);
            default:
                if (type is null && types.Count == 0) return UnionShape(node, registry);
                return new SchemaShape(ShapeKind.Any) { AnyReason = types.Count > 1 ? "it allows several types: " + string.Join(", ", types) : "unknown type '" + type + "'" };
        }
    }

    /// <summary>A string enum of the given values (unions of constants).</summary>
    public static SchemaShape EnumOf(List<string> values)
    {
        var shape = new SchemaShape(ShapeKind.StringEnum);
        shape.EnumValues.AddRange(values);
        return shape;
    }

    private static SchemaShape Prim(TypeRef t) => new(ShapeKind.Primitive) { Primitive = t };

    private static string? Infer(JsonNode j, SchemaRegistry registry, SchemaNode node)
    {
        if (j.Get("oneOf") is not null || j.Get("anyOf") is not null) return null;
        if (j.Get("properties") is not null || j.Get("additionalProperties") is not null || j.Get("required") is not null || j.Get("patternProperties") is not null)
            return AllOfAdmits(j, registry, "object") ? "object" : null;
        if (j.Get("items") is not null || j.Get("prefixItems") is not null) return AllOfAdmits(j, registry, "array") ? "array" : null;
        if (j.Get("enum") is { Kind: JsonKind.Array } e && e.Items.Count > 0 && e.Items.All(v => v.Kind is JsonKind.String or JsonKind.Null) && e.Items.Any(v => v.Kind == JsonKind.String)) return "string";
        if (j.Get("allOf") is { Kind: JsonKind.Array } all && all.Items.Count > 0)
        {
            bool allObjects = all.Items.All(b => Deref(registry, b) is SchemaNode r && r.Json.Kind == JsonKind.Object
                && (r.Json.GetString("type") == "object" || r.Json.Get("properties") is not null));
            if (allObjects) return "object";
        }
        return null;
    }

    /// <summary>
    /// Whether the allOf branches leave <paramref name="inferred"/> (read from keywords that apply to
    /// one kind only) the value's kind: a branch that is a union, or says another type, means the value
    /// can be something the keywords do not constrain (<c>"allOf": [{"oneOf": [array, string]}], "items": ...</c>).
    /// </summary>
    private static bool AllOfAdmits(JsonNode j, SchemaRegistry registry, string inferred)
    {
        if (j.Get("allOf") is not { Kind: JsonKind.Array } all) return true;
        foreach (JsonNode branch in all.Items)
        {
            if (Deref(registry, branch) is not SchemaNode b || b.Json.Kind != JsonKind.Object) continue;
            if (!TypeAdmits(b.Json, inferred)) return false;
            foreach (string keyword in Unions)
            {
                if (b.Json.Get(keyword) is not { Kind: JsonKind.Array } alternatives) continue;
                foreach (JsonNode alternative in alternatives.Items)
                {
                    if (Deref(registry, alternative) is SchemaNode a && a.Json.Kind == JsonKind.Object && !TypeAdmits(a.Json, inferred)) return false;
                }
            }
        }
        return true;
    }

    /// <summary>False when the schema's <c>type</c> is written and does not list <paramref name="kind"/>.</summary>
    private static bool TypeAdmits(JsonNode schema, string kind) => schema.Get("type") switch
    {
        { Kind: JsonKind.String } t => t.Text == kind,
        { Kind: JsonKind.Array } t => t.Items.Any(x => x.Kind == JsonKind.String && x.Text == kind),
        _ => true,
    };

    private static SchemaNode? Deref(SchemaRegistry registry, JsonNode branch)
        => registry.Find(branch) is SchemaNode n ? registry.FollowRefs(n, MaxAllOfDepth) : null;

    private static SchemaShape ObjectShape(SchemaNode node, SchemaRegistry registry)
    {
        var shape = new SchemaShape(ShapeKind.Record);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        Collect(node, registry, shape, seen, 0);
        JsonNode j = node.Json;
        JsonNode? additional = j.Get("additionalProperties");
        // Closed (no extension data) only when nothing but the merged properties can admit a member:
        // a member that patternProperties, a sibling $ref or a conditional accepts would otherwise be
        // valid, read, and silently dropped.
        bool closed = additional is { Kind: JsonKind.False } ? !HasPatterns(j)
            : j.Get("unevaluatedProperties") is { Kind: JsonKind.False } && !OthersEvaluate(node, registry, 0);
        if (shape.Properties.Count == 0)
        {
            if (j.Get("oneOf") is not null || j.Get("anyOf") is not null) return UnionShape(node, registry);
            var map = new SchemaShape(ShapeKind.Map);
            if (additional is { Kind: JsonKind.Object } && registry.Find(additional) is SchemaNode value) map.ValueSchema = value;
            return map;
        }
        shape.AllowsAdditional = !closed;
        return shape;
    }

    /// <summary>Applicators whose branches can evaluate members a record does not merge into its properties.</summary>
    private static readonly string[] EvaluatingApplicators = { "$ref", "$dynamicRef", "$recursiveRef", "anyOf", "oneOf", "if", "dependentSchemas", "dependencies" };

    private static readonly string[] Unions = { "oneOf", "anyOf" };

    private static bool HasPatterns(JsonNode j) => j.Get("patternProperties") is { Kind: JsonKind.Object } p && p.Members.Count > 0;

    /// <summary>
    /// Whether anything other than the <c>properties</c> merged by <see cref="Collect"/> can evaluate a
    /// member for <c>unevaluatedProperties</c>: patterns, additionalProperties, a reference beside other
    /// keywords, or an applicator whose branches the record does not merge.
    /// </summary>
    private static bool OthersEvaluate(SchemaNode node, SchemaRegistry registry, int depth)
    {
        if (depth > MaxAllOfDepth) return true;
        JsonNode j = node.Json;
        if (HasPatterns(j)) return true;
        if (j.Get("additionalProperties") is JsonNode a && a.Kind != JsonKind.False) return true;
        if (depth > 0 && j.Get("unevaluatedProperties") is JsonNode u && u.Kind != JsonKind.False) return true;
        foreach (string keyword in EvaluatingApplicators)
        {
            if (j.Get(keyword) is not null) return true;
        }
        if (j.Get("allOf") is { Kind: JsonKind.Array } all)
        {
            foreach (JsonNode branch in all.Items)
            {
                if (Deref(registry, branch) is SchemaNode b && b.Json.Kind == JsonKind.Object && OthersEvaluate(b, registry, depth + 1)) return true;
            }
        }
        return false;
    }

    /// <summary>Properties and required names of the schema and, merged, of its allOf branches.</summary>
    private static void Collect(SchemaNode node, SchemaRegistry registry, SchemaShape shape, HashSet<string> seen, int depth)
    {
        if (depth > MaxAllOfDepth) return;
        JsonNode j = node.Json;
        if (j.Get("properties") is { Kind: JsonKind.Object } props)
        {
            foreach (JsonMember m in props.Members)
            {
                if (registry.Find(m.Value) is SchemaNode p && seen.Add(m.Name)) shape.Properties.Add((m.Name, p));
            }
        }
        if (j.Get("required") is { Kind: JsonKind.Array } req)
        {
            foreach (JsonNode r in req.Items)
            {
                if (r.Kind == JsonKind.String) shape.Required.Add(r.Text!);
            }
        }
        if (j.Get("allOf") is { Kind: JsonKind.Array } all)
        {
            foreach (JsonNode branch in all.Items)
            {
                if (Deref(registry, branch) is SchemaNode b && b.Json.Kind == JsonKind.Object) Collect(b, registry, shape, seen, depth + 1);
            }
        }
    }

    /// <summary>oneOf (or, without it, anyOf) whose branches are schemas; anything else has no single shape.</summary>
    private static SchemaShape UnionShape(SchemaNode node, SchemaRegistry registry)
    {
        JsonNode j = node.Json;
        string keyword = j.Get("oneOf") is { Kind: JsonKind.Array } ? "oneOf" : "anyOf";
        if (j.Get(keyword) is not { Kind: JsonKind.Array } list || list.Items.Count == 0)
            return new SchemaShape(ShapeKind.Any);
        if (keyword == "oneOf" && j.Get("anyOf") is not null)
            return new SchemaShape(ShapeKind.Any) { AnyReason = "it combines oneOf and anyOf" };
        var shape = new SchemaShape(ShapeKind.Union) { UnionKeyword = keyword };
        foreach (JsonNode branch in list.Items)
        {
            if (registry.Find(branch) is not SchemaNode b) return new SchemaShape(ShapeKind.Any);
            shape.Branches.Add(b);
        }
        return shape;
    }

    private static SchemaShape ArrayShape(SchemaNode node, SchemaRegistry registry)
    {
        var shape = new SchemaShape(ShapeKind.Array);
        JsonNode j = node.Json;
        if (j.Get("prefixItems") is null && j.Get("items") is { Kind: JsonKind.Object } items) shape.ValueSchema = registry.Find(items);
        return shape;
    }

    private static SchemaShape StringShape(JsonNode j)
    {
        if (j.Get("enum") is { Kind: JsonKind.Array } e && e.Items.Count > 0 && e.Items.All(v => v.Kind is JsonKind.String or JsonKind.Null))
        {
            var shape = new SchemaShape(ShapeKind.StringEnum);
            shape.EnumValues.AddRange(e.Items.Where(v => v.Kind == JsonKind.String).Select(v => v.Text!));
            if (shape.EnumValues.Count > 0) return shape;
        }
        return Prim(j.GetString("format") switch
        {
            "date-time" => TypeRef.DateTimeOffset,
            "date" => TypeRef.DateOnly,
            "uuid" => TypeRef.Guid,
            _ => TypeRef.String,
        });
    }
}
