using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json.Nodes;
using CsCheck;

namespace HppSchemaGen.Tests.Robustness;

/// <summary>
/// Random schemas for the generator: trees over every keyword it supports, and structural and
/// textual mutations of real schemas (the vendored suite's, the corpus', HPP's).
/// </summary>
internal static class SchemaFuzzer
{
    private static readonly string[] Hostile =
    {
        "", "a", "class", "Value", "Validate", "x y", "*/", "</summary>", "\"", "\\", "\n#error x\n", "\u202e", "\u200b", "ü", "日本",
        "\ud800", "$ref", "#", "/", "~", "%25", "12", "@type", "Equals", "AdditionalProperties", "__Schema", "null",
        // Distinct C# names that are one file name ignoring case (as Roslyn compares hint names).
        "DotNet", "dotnet", "SCHEMAJSONCONTEXT", "schemaJsonContext",
    };

    /// <summary>Pairs of JSON names whose C# names differ only in letter case (DotNet / Dotnet, FooBar / Foobar...).</summary>
    private static readonly (string A, string B)[] CaseTwins =
    {
        ("DotNet", "Dotnet"), ("dotNet", "DOTNET"), ("fooBar", "foobar"), ("a_b", "AB"), ("üBer", "übER"), ("SchemaJsonContext", "schemajsoncontext"),
    };

    private static readonly string[] Patterns = { "^[a-z]+$", "a+", "(", "\\p{Letter}", "^(a+)+$", "[]", "\\d{2,}", "(?<n>x)\\k<n>", "\\", "[^]" };
    private static readonly string[] Formats = { "date-time", "date", "time", "email", "uri", "uuid", "ipv4", "ipv6", "hostname", "regex", "duration", "int64", "unknown-format" };
    private static readonly string[] Types = { "object", "array", "string", "integer", "number", "boolean", "null", "text" };
    private static readonly string[] Refs = { "#", "#/$defs/a", "#/$defs/b", "#/$defs/missing", "#foo", "#/properties/p0", "other.json", "http://localhost:1234/x.json", "#/definitions/a", "urn:x", "%", "#/$defs/a/properties/p0" };

    private static Gen<string> Pick(params string[] values) => Gen.Int[0, values.Length - 1].Select(i => values[i]);

    private static Gen<string> Str => Gen.OneOf(Pick(Hostile), Gen.String[0, 8]);

    private static Gen<JsonNode?> Scalar => Gen.OneOf<JsonNode?>(
        Gen.Int[-5, 1000].Select(i => (JsonNode?)JsonValue.Create(i)),
        Gen.Double.Select(d => double.IsFinite(d) ? (JsonNode?)JsonValue.Create(d) : JsonValue.Create(0)),
        Str.Select(s => (JsonNode?)JsonValue.Create(s)),
        Gen.Bool.Select(b => (JsonNode?)JsonValue.Create(b)),
        Gen.Const<JsonNode?>((JsonNode?)null));

    /// <summary>A random schema tree, up to a few levels deep, over the keywords the generator knows.</summary>
    public static readonly Gen<JsonNode> Schema = Gen.Recursive<JsonNode>((depth, self) =>
    {
        Gen<JsonNode> leaf = Gen.OneOf<JsonNode>(Gen.Bool.Select(b => (JsonNode)JsonValue.Create(b)), Gen.Const<JsonNode>(new JsonObject()));
        if (depth > 3) return leaf;
        Gen<JsonNode> keyword = Gen.Int[0, 32].SelectMany(k => k switch
        {
            0 => Pick(Types).Select(t => (JsonNode)new JsonObject { ["type"] = t }),
            1 => Pick(Types).Array[1, 3].Select(t => (JsonNode)new JsonObject { ["type"] = new JsonArray(t.Select(x => (JsonNode?)JsonValue.Create(x)).ToArray()) }),
            2 => self.Array[0, 4].SelectMany(ps => Str.Array[ps.Length].Select(names => (JsonNode)new JsonObject { ["properties"] = Props(names, ps) })),
            3 => Str.Array[0, 3].Select(r => (JsonNode)new JsonObject { ["required"] = new JsonArray(r.Select(x => (JsonNode?)JsonValue.Create(x)).ToArray()) }),
            4 => self.Select(s => (JsonNode)new JsonObject { ["items"] = s }),
            5 => self.Array[0, 3].Select(s => (JsonNode)new JsonObject { ["prefixItems"] = new JsonArray(s.Select(x => (JsonNode?)x).ToArray()) }),
            6 => Scalar.Array[0, 5].Select(v => (JsonNode)new JsonObject { ["enum"] = new JsonArray(v.Select(x => x?.DeepClone()).ToArray()) }),
            7 => Scalar.Select(v => (JsonNode)new JsonObject { ["const"] = v?.DeepClone() }),
            8 => self.Array[1, 3].Select(s => (JsonNode)new JsonObject { ["allOf"] = new JsonArray(s.Select(x => (JsonNode?)x).ToArray()) }),
            9 => self.Array[1, 3].Select(s => (JsonNode)new JsonObject { ["anyOf"] = new JsonArray(s.Select(x => (JsonNode?)x).ToArray()) }),
            10 => self.Array[1, 3].Select(s => (JsonNode)new JsonObject { ["oneOf"] = new JsonArray(s.Select(x => (JsonNode?)x).ToArray()) }),
            11 => self.Select(s => (JsonNode)new JsonObject { ["not"] = s }),
            12 => Pick(Refs).Select(r => (JsonNode)new JsonObject { ["$ref"] = r }),
            13 => self.Array[1, 2].Select(s => (JsonNode)new JsonObject { ["$defs"] = new JsonObject { ["a"] = s[0], ["b"] = s.Length > 1 ? s[1] : new JsonObject() } }),
            14 => Pick("foo", "bar", "", "a b").Select(a => (JsonNode)new JsonObject { ["$anchor"] = a }),
            15 => self.Select(s => (JsonNode)new JsonObject { ["additionalProperties"] = s }),
            16 => Pick(Patterns).SelectMany(p => self.Select(s => (JsonNode)new JsonObject { ["patternProperties"] = new JsonObject { [p] = s } })),
            17 => Gen.Int[-1, 20].Select(n => (JsonNode)new JsonObject { ["minLength"] = n, ["maxLength"] = n + 3 }),
            18 => Pick(Patterns).Select(p => (JsonNode)new JsonObject { ["pattern"] = p }),
            19 => Pick(Formats).Select(f => (JsonNode)new JsonObject { ["format"] = f }),
            20 => Scalar.Select(v => (JsonNode)new JsonObject { ["minimum"] = v?.DeepClone(), ["exclusiveMaximum"] = 1e308, ["multipleOf"] = 0.5 }),
            21 => self.Array[3].Select(s => (JsonNode)new JsonObject { ["if"] = s[0], ["then"] = s[1], ["else"] = s[2] }),
            22 => self.Select(s => (JsonNode)new JsonObject { ["dependentSchemas"] = new JsonObject { ["p0"] = s }, ["dependentRequired"] = new JsonObject { ["p1"] = new JsonArray("p0") } }),
            23 => self.Select(s => (JsonNode)new JsonObject { ["unevaluatedProperties"] = s }),
            24 => self.Select(s => (JsonNode)new JsonObject { ["unevaluatedItems"] = s, ["contains"] = new JsonObject(), ["minContains"] = 0 }),
            25 => Str.Array[2].Select(s => (JsonNode)new JsonObject { ["title"] = s[0], ["description"] = s[1], ["examples"] = new JsonArray(s[0]) }),
            26 => Scalar.Select(v => (JsonNode)new JsonObject { ["default"] = v?.DeepClone(), ["nullable"] = true }),
            27 => Str.Select(n => (JsonNode)new JsonObject { ["x-csharp-name"] = n }),
            28 => Pick("meta", "node").Select(a => (JsonNode)new JsonObject { ["$dynamicAnchor"] = a, ["$dynamicRef"] = "#" + a }),
            29 => Pick("http://example.com/a.json", "urn:uuid:1", "#/components/schemas/X", "child/", "").Select(id => (JsonNode)new JsonObject { ["$id"] = id }),
            // Members and definitions named alike but for letter case: types whose names differ only in case.
            30 => Gen.Int[0, CaseTwins.Length - 1].SelectMany(i => self.Array[2].Select(s => (JsonNode)new JsonObject
            {
                ["type"] = "object",
                ["properties"] = new JsonObject { [CaseTwins[i].A] = ObjectOf(s[0]), [CaseTwins[i].B] = ObjectOf(s[1]) },
            })),
            31 => Gen.Int[0, CaseTwins.Length - 1].SelectMany(i => self.Array[2].Select(s => (JsonNode)new JsonObject
            {
                ["$defs"] = new JsonObject { [CaseTwins[i].A] = ObjectOf(s[0]), [CaseTwins[i].B] = ObjectOf(s[1]) },
                ["properties"] = new JsonObject { ["p0"] = new JsonObject { ["$ref"] = "#/$defs/" + CaseTwins[i].A }, ["p1"] = new JsonObject { ["$ref"] = "#/$defs/" + CaseTwins[i].B } },
            })),
            _ => self.Select(s => (JsonNode)new JsonObject { ["propertyNames"] = s, ["minProperties"] = 1, ["uniqueItems"] = true }),
        });
        return Gen.OneOf(leaf, keyword.Array[1, 5].Select(Merge));
    });

    /// <summary>An object schema around <paramref name="member"/>, so it becomes a generated type.</summary>
    private static JsonNode ObjectOf(JsonNode member) => new JsonObject { ["type"] = "object", ["properties"] = new JsonObject { ["v"] = member } };

    private static JsonObject Props(string[] names, JsonNode[] schemas)
    {
        var o = new JsonObject();
        for (int i = 0; i < names.Length; i++) o[names[i].Length == 0 ? "p" + i : names[i]] = schemas[i];
        return o;
    }

    private static JsonNode Merge(JsonNode[] parts)
    {
        var o = new JsonObject();
        foreach (JsonNode part in parts)
        {
            if (part is not JsonObject po) continue;
            foreach (var kv in po.ToList())
            {
                po.Remove(kv.Key);
                o[kv.Key] = kv.Value;
            }
        }
        return o;
    }

    /// <summary>Real schemas, to mutate.</summary>
    public static readonly Lazy<string[]> RealSchemas = new(() =>
    {
        string root = DiagnosticTests.RepoRoot();
        var texts = new List<string>();
        foreach (string f in Directory.GetFiles(Path.Combine(root, "schemas"), "*.json")) texts.Add(File.ReadAllText(f));
        foreach (string f in Directory.GetFiles(Path.Combine(root, "tests", "corpus"), "*.schema.json")) texts.Add(File.ReadAllText(f));
        foreach (string f in Directory.GetFiles(Path.Combine(root, "tests", "JSON-Schema-Test-Suite", "tests", "draft2020-12"), "*.json", SearchOption.AllDirectories))
        {
            foreach (JsonNode? group in JsonNode.Parse(File.ReadAllText(f))!.AsArray()) texts.Add(group!["schema"]!.ToJsonString());
        }
        return texts.ToArray();
    });

    /// <summary>A real schema with random structural mutations, or with its text damaged.</summary>
    public static readonly Gen<string> Mutated = Gen.Int[0, int.MaxValue].Select(seed =>
    {
        var random = new Random(seed);
        string text = RealSchemas.Value[random.Next(RealSchemas.Value.Length)];
        if (random.Next(4) == 0) return DamageText(text, random);
        JsonNode? node;
        try
        {
            node = JsonNode.Parse(text);
        }
        catch (System.Text.Json.JsonException)
        {
            return text;
        }
        for (int i = random.Next(1, 4); i > 0 && node is not null; i--) node = MutateTree(node, random);
        return node?.ToJsonString() ?? "null";
    });

    private static JsonNode MutateTree(JsonNode root, Random random)
    {
        var all = new List<JsonNode>();
        Collect(root, all);
        JsonNode target = all[random.Next(all.Count)];
        switch (random.Next(6))
        {
            case 0 when target is JsonObject o && o.Count > 0:
                o.Remove(o.ElementAt(random.Next(o.Count)).Key); // delete a key
                break;
            case 1 when target is JsonObject o && o.Count > 0:
                var kv = o.ElementAt(random.Next(o.Count));
                o[kv.Key + "_dup"] = kv.Value?.DeepClone(); // duplicate a key under another name
                break;
            case 2 when target.Parent is JsonObject p:
                // wrong value type
                string key = p.First(kv2 => ReferenceEquals(kv2.Value, target)).Key;
                p[key] = random.Next(3) switch { 0 => JsonValue.Create("str"), 1 => JsonValue.Create(-1), _ => new JsonArray() };
                break;
            case 3 when target is JsonObject o:
                o["$ref"] = random.Next(3) switch { 0 => "#", 1 => "#/nowhere", _ => "#" + (target.GetPath() == "$" ? "" : "/$defs/loop") };
                o["$defs"] = new JsonObject { ["loop"] = new JsonObject { ["$ref"] = "#/$defs/loop" } };
                break;
            case 4 when target is JsonObject o:
                o["enum"] = new JsonArray(Enumerable.Range(0, random.Next(1, 300)).Select(i => (JsonNode?)JsonValue.Create(Hostile[i % Hostile.Length] + i)).ToArray());
                break;
            default:
                if (target is JsonObject o2) o2["type"] = Types[random.Next(Types.Length)];
                break;
        }
        return root;
    }

    private static void Collect(JsonNode node, List<JsonNode> all)
    {
        all.Add(node);
        if (node is JsonObject o) foreach (var kv in o) { if (kv.Value is not null) Collect(kv.Value, all); }
        else if (node is JsonArray a) foreach (JsonNode? n in a) { if (n is not null) Collect(n, all); }
    }

    private static string DamageText(string text, Random random)
    {
        switch (random.Next(7))
        {
            case 0: return text.Substring(0, random.Next(text.Length)); // truncated
            case 1: return "\uFEFF" + text; // BOM
            case 2: return "// comment\n" + text;
            case 3: return text.Replace("}", ",}"); // trailing commas
            case 4: return text.Insert(random.Next(text.Length), "\ud800\uFFFD"); // lone surrogate, replacement char (what invalid UTF-8 decodes to)
            case 5: return text.Replace("\"", "'");
            default: return text + text; // two documents
        }
    }

    /// <summary>Deterministic extremes: long $ref chains, deep nesting, huge enums and very large files.</summary>
    public static IEnumerable<(string Name, string Text)> Extremes()
    {
        var chain = new StringBuilder("{\"$defs\": {");
        for (int i = 0; i < 1000; i++) chain.Append($"\"d{i}\": {{\"$ref\": \"#/$defs/d{i + 1}\"}},");
        chain.Append("\"d1000\": {\"type\": \"object\", \"properties\": {\"x\": {\"type\": \"integer\"}}}}, \"title\": \"Chain\", \"type\": \"object\", \"properties\": {\"c\": {\"$ref\": \"#/$defs/d0\"}}}");
        yield return ("ref chain 1000 deep", chain.ToString());

        yield return ("nesting 10000 deep", string.Concat(Enumerable.Repeat("{\"items\":", 10_000)) + "{}" + new string('}', 10_000));
        yield return ("nesting 200 deep (under the limit)", string.Concat(Enumerable.Repeat("{\"type\": \"object\", \"properties\": {\"n\":", 120)) + "{}" + string.Concat(Enumerable.Repeat("}}", 120)));

        var huge = new StringBuilder("{\"title\": \"Huge\", \"type\": \"string\", \"enum\": [");
        for (int i = 0; i < 10_000; i++) huge.Append($"\"v{i}-{Hostile[i % Hostile.Length].Replace("\\", "\\\\").Replace("\"", "\\\"").Replace("\n", "\\n")}\",");
        huge.Append("\"last\"]}");
        yield return ("enum with 10000 values", huge.ToString());

        var big = new StringBuilder("{\"title\": \"Big\", \"type\": \"object\", \"properties\": {");
        for (int i = 0; i < 3000; i++) big.Append($"\"p{i}\": {{\"type\": \"string\", \"description\": \"{new string('d', 200)}\"}},");
        big.Append("\"last\": {}}}");
        yield return ("3000 properties", big.ToString());

        yield return ("empty file", "");
        yield return ("only whitespace", "   \n ");
        yield return ("self reference", "{\"$ref\": \"#\"}");
        yield return ("anchor self reference", "{\"$anchor\": \"foo\", \"$ref\": \"#foo\"}");
        yield return ("names differing only in case", "{\"title\": \"SCHEMAJSONCONTEXT\", \"type\": \"object\", \"properties\": {"
            + "\"dotNet\": {\"type\": \"object\"}, \"dotnet\": {\"enum\": [\"a\", \"b\"]}, \"d\": {\"$ref\": \"#/$defs/Dotnet\"}},"
            + "\"$defs\": {\"Dotnet\": {\"type\": \"object\"}, \"DotNet\": {\"oneOf\": [{\"type\": \"string\"}, {\"type\": \"object\"}]}, \"schemaJsonContext\": {\"enum\": [\"x\"]}}}");
        yield return ("empty and non-ASCII names", "{\"title\": \"\", \"properties\": {\"\": {}, \"日本語\": {\"type\": \"string\"}, \"ü\": {\"enum\": [\"\", \"ü\", \"日本\"]}}}");
    }
}
