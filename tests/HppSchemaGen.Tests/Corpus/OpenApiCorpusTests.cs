using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text.Json;
using HppSchemaGen.Generator.Parsing;
using HppSchemaGen.Generator.Resolution;
using HppSchemaGen.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;
using Xunit.Abstractions;

namespace HppSchemaGen.Tests.Corpus;

/// <summary>
/// Real public OpenAPI documents (tests/openapi-corpus, sources and licences in SOURCES.md): each
/// builds with warnings as errors, every component gets a type with a Validate method, and every
/// component example that JsonSchema.Net 8.0.5 accepts is accepted by the generated validator.
/// </summary>
[Collection(HppSchemaGen.Tests.Infrastructure.HeavyCollection.Name)]
public class OpenApiCorpusTests(ITestOutputHelper output)
{
    private static string CorpusDirectory => Path.Combine(DiagnosticTests.RepoRoot(), "tests", "openapi-corpus");

    private static IEnumerable<string> DocumentPaths()
    {
        var dirs = new List<string> { CorpusDirectory };
        if (Environment.GetEnvironmentVariable("HPPSCHEMAGEN_OPENAPI_CORPUS") is { Length: > 0 } extra && Directory.Exists(extra)) dirs.Add(extra);
        foreach (string dir in dirs)
        {
            foreach (string f in Directory.GetFiles(dir).Where(IsOpenApiFile).OrderBy(f => f, StringComparer.Ordinal)) yield return f;
        }
        yield return Path.Combine(DiagnosticTests.RepoRoot(), "schemas", "openapi", "hpp-openapi.yml");
    }

    private static bool IsOpenApiFile(string f)
        => f.EndsWith(".openapi.json", StringComparison.Ordinal) || f.EndsWith(".openapi.yaml", StringComparison.Ordinal) || f.EndsWith(".openapi.yml", StringComparison.Ordinal);

    public static TheoryData<string> Documents()
    {
        var data = new TheoryData<string>();
        foreach (string f in DocumentPaths()) data.Add(f);
        return data;
    }

    [Fact]
    public void The_corpus_has_ten_documents_of_both_versions_and_formats()
    {
        string[] files = Directory.GetFiles(CorpusDirectory).Where(IsOpenApiFile).ToArray();
        Assert.True(files.Length >= 10, string.Join(", ", files));
        string[] texts = files.Select(File.ReadAllText).ToArray();
        Assert.Contains(files, f => f.EndsWith(".json", StringComparison.Ordinal));
        Assert.Contains(files, f => f.EndsWith(".yaml", StringComparison.Ordinal));
        Assert.Contains(texts, t => t.Contains("3.0."));
        Assert.Contains(texts, t => t.Contains("3.1.0"));
        string sources = File.ReadAllText(Path.Combine(CorpusDirectory, "SOURCES.md"));
        foreach (string f in files) Assert.Contains("`" + Path.GetFileName(f) + "`", sources);
    }

    [Theory]
    [MemberData(nameof(Documents))]
    public void Builds_every_component_and_agrees_with_the_peer_on_examples(string path)
    {
        string text = File.ReadAllText(path);
        string name = Path.GetFileName(path);
        string ns = "Corpus.D" + Math.Abs(StringComparer.Ordinal.GetHashCode(name) % 100000);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        GeneratorHarness.Result result = GeneratorHarness.Run(new[] { ("/corpus/" + name, text) }, new Dictionary<string, string> { ["build_property.HppSchemaGenNamespace"] = ns });
        Assert.Empty(result.GeneratorDiagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning).Select(d => d.ToString()));
        // One compile: its diagnostics are the warnings-as-errors check, its assembly the validators.
        (Assembly? assembly, var compileDiagnostics) = GeneratorHarness.Emit(result);
        Assert.Empty(compileDiagnostics.Select(d => d.ToString()));
        Assert.NotNull(assembly);
        TimeSpan buildTime = clock.Elapsed;

        JsonParseResult parsed = name.EndsWith(".json", StringComparison.Ordinal) ? JsonParser.Parse(text) : YamlParser.Parse(text);
        JsonNode root = parsed.Root!;
        bool v30 = root.Get("openapi")!.Text!.StartsWith("3.0", StringComparison.Ordinal);
        JsonNode? components = root.Get("components")?.Get("schemas");
        if (components is null || components.Members.Count == 0)
        {
            output.WriteLine($"{name}: no components (built in {buildTime.TotalSeconds:0.0} s)");
            return;
        }

        var byPointer = assembly.GetTypes()
            .Where(t => t.Namespace == ns && !t.IsNested && t.GetCustomAttribute<JsonSchemaSourceAttribute>() is not null)
            .ToDictionary(t => t.GetCustomAttribute<JsonSchemaSourceAttribute>()!.Pointer, t => t);

        // The peer sees the components as $defs of one schema document (its own dialect for 3.1; draft-07 for 3.0).
        string defsKeyword = v30 ? "definitions" : "$defs";
        string defs = JsonWriter.Write(components).Replace("\"#/components/schemas/", "\"#/" + defsKeyword + "/");
        defs = ForThePeer(defs, v30);
        string dialect = v30 ? "http://json-schema.org/draft-07/schema#" : "https://json-schema.org/draft/2020-12/schema";
        var peerOptions = new Json.Schema.EvaluationOptions { OutputFormat = Json.Schema.OutputFormat.Flag, RequireFormatValidation = true };
        // The peer reads the components once, as a registered document; each component is then a
        // one-line schema referring into it (reading all of them per component is quadratic).
        var peerBuild = new Json.Schema.BuildOptions { SchemaRegistry = new Json.Schema.SchemaRegistry() };
        string peerBase = "https://hppschemagen.test/openapi-corpus/" + Uri.EscapeDataString(name);
        bool shared;
        try
        {
            Json.Schema.JsonSchema.FromText("{\"$schema\": \"" + dialect + "\", \"$id\": " + JsonSerializer.Serialize(peerBase) + ", \"" + defsKeyword + "\": " + defs + "}", peerBuild);
            shared = true;
        }
        catch (Exception e) when (e is JsonException or ArgumentException or InvalidOperationException or Json.Schema.JsonSchemaException or FormatException)
        {
            output.WriteLine("The peer cannot read the components as one document: " + e.Message);
            shared = false; // then each component is read with all of them, as the peer's own document
        }

        int compared = 0, skipped = 0;
        var problems = new List<string>();
        foreach (JsonMember component in components.Members)
        {
            string pointer = "/components/schemas/" + JsonPointer.Escape(component.Name);
            if (!byPointer.TryGetValue(pointer, out Type? type))
            {
                problems.Add(component.Name + ": no type");
                continue;
            }
            var validate = type.GetMethod("Validate", new[] { typeof(JsonElement) })?.CreateDelegate<Func<JsonElement, ValidationResult>>();
            if (validate is null)
            {
                problems.Add(component.Name + ": " + type.Name + " has no Validate");
                continue;
            }
            List<string> examples = Examples(component.Value).ToList();
            if (examples.Count == 0) continue;
            Json.Schema.JsonSchema? peer = null;
            try
            {
                string reference = "#/" + defsKeyword + pointer.Substring("/components/schemas".Length);
                peer = shared
                    ? Json.Schema.JsonSchema.FromText("{\"$schema\": \"" + dialect + "\", \"$ref\": " + JsonSerializer.Serialize(peerBase + reference) + "}", peerBuild)
                    : Json.Schema.JsonSchema.FromText("{\"$schema\": \"" + dialect + "\", \"" + defsKeyword + "\": " + defs + ", \"$ref\": " + JsonSerializer.Serialize(reference) + "}");
            }
            catch (Exception e) when (e is JsonException or ArgumentException or InvalidOperationException or Json.Schema.JsonSchemaException or FormatException)
            {
                skipped++;
            }
            foreach (string example in examples)
            {
                using JsonDocument instance = JsonDocument.Parse(example);
                bool peerValid;
                try
                {
                    peerValid = peer is not null && peer.Evaluate(instance.RootElement, peerOptions).IsValid;
                }
                catch (Exception e) when (e is not OutOfMemoryException)
                {
                    peerValid = false; // the peer cannot judge this one
                }
                if (!peerValid)
                {
                    skipped++;
                    continue;
                }
                compared++;
                ValidationResult ours = validate(instance.RootElement);
                if (!ours.IsValid) problems.Add(component.Name + " example " + example + ": JsonSchema.Net accepts it, ours says " + ours);
            }
        }
        output.WriteLine($"{name}: {components.Members.Count} components, {compared} examples compared, {skipped} the peer rejects or cannot read ({(shared ? "components read once" : "components read per component")}); built in {buildTime.TotalSeconds:0.0} s, compared in {(clock.Elapsed - buildTime).TotalSeconds:0.0} s");
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    /// <summary>
    /// The components as the peer can read them, validation unchanged: OpenAPI 3.0's boolean
    /// <c>exclusiveMinimum</c>/<c>exclusiveMaximum</c> (modifiers of <c>minimum</c>/<c>maximum</c>, as in
    /// draft-04) in draft-07's form, a number (the peer reads 3.0 schemas as draft-07 and rejects a
    /// boolean there); a <c>title</c> or <c>description</c> that is not a string (an annotation, which the
    /// peer rejects) left out. Example values and property names are left as they are.
    /// </summary>
    internal static string ForThePeer(string schemas, bool v30)
    {
        System.Text.Json.Nodes.JsonNode root = System.Text.Json.Nodes.JsonNode.Parse(schemas)!;
        if (root is System.Text.Json.Nodes.JsonObject map) Map(map);
        return root.ToJsonString();

        void Map(System.Text.Json.Nodes.JsonObject schemasByName)
        {
            foreach (var member in schemasByName.ToList()) Schema(member.Value);
        }

        void Schema(System.Text.Json.Nodes.JsonNode? node)
        {
            if (node is System.Text.Json.Nodes.JsonArray array)
            {
                foreach (var item in array) Schema(item);
                return;
            }
            if (node is not System.Text.Json.Nodes.JsonObject obj) return;
            if (v30)
            {
                Bound(obj, "exclusiveMinimum", "minimum");
                Bound(obj, "exclusiveMaximum", "maximum");
            }
            foreach (string annotation in new[] { "title", "description" })
            {
                if (obj[annotation] is System.Text.Json.Nodes.JsonNode a && a.GetValueKind() != JsonValueKind.String) obj.Remove(annotation);
            }
            foreach (var member in obj.ToList())
            {
                switch (member.Key)
                {
                    case "example" or "examples" or "enum" or "default" or "const" or "discriminator" or "xml" or "externalDocs":
                        break;
                    case "properties" or "patternProperties" or "definitions" or "$defs" or "dependentSchemas" or "dependencies":
                        if (member.Value is System.Text.Json.Nodes.JsonObject m) Map(m);
                        break;
                    default:
                        Schema(member.Value);
                        break;
                }
            }
        }

        static void Bound(System.Text.Json.Nodes.JsonObject obj, string exclusive, string inclusive)
        {
            if (obj[exclusive] is not System.Text.Json.Nodes.JsonValue flag || flag.GetValueKind() is not (JsonValueKind.True or JsonValueKind.False)) return;
            bool isExclusive = flag.GetValueKind() == JsonValueKind.True;
            obj.Remove(exclusive);
            if (isExclusive && obj[inclusive] is System.Text.Json.Nodes.JsonNode bound)
            {
                obj.Remove(inclusive);
                obj[exclusive] = bound;
            }
        }
    }

    /// <summary>A component's <c>example</c>, its <c>examples</c>, and an object made of its properties' examples.</summary>
    private static IEnumerable<string> Examples(JsonNode schema)
    {
        if (schema.Kind != JsonKind.Object) yield break;
        if (schema.Get("example") is JsonNode example) yield return JsonWriter.Write(example);
        if (schema.Get("examples") is { Kind: JsonKind.Array } examples)
        {
            foreach (JsonNode e in examples.Items) yield return JsonWriter.Write(e);
        }
        if (schema.Get("properties") is { Kind: JsonKind.Object } properties)
        {
            var parts = new List<string>();
            foreach (JsonMember p in properties.Members)
            {
                if (p.Value.Kind == JsonKind.Object && p.Value.Get("example") is JsonNode e)
                {
                    var sb = new System.Text.StringBuilder();
                    JsonWriter.WriteString(p.Name, sb);
                    parts.Add(sb + ":" + JsonWriter.Write(e));
                }
            }
            if (parts.Count > 0) yield return "{" + string.Join(",", parts) + "}";
        }
    }
}
