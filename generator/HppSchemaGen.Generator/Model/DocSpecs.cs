using System.Collections.Generic;
using HppSchemaGen.Generator.Helpers;
using HppSchemaGen.Generator.Parsing;

namespace HppSchemaGen.Generator.Model;

internal static class DocSpecs
{
    /// <summary>Documentation from <c>title</c>, <c>description</c> and <c>examples</c>/<c>example</c> (OpenAPI).</summary>
    public static DocSpec From(JsonNode schema)
    {
        if (schema.Kind != JsonKind.Object) return DocSpec.None;
        var examples = new List<string>();
        if (schema.Get("examples") is { Kind: JsonKind.Array } list)
        {
            foreach (JsonNode e in list.Items) examples.Add(Text(e));
        }
        else if (schema.Get("example") is JsonNode single) examples.Add(Text(single));
        return new DocSpec(schema.GetString("title"), schema.GetString("description"), examples.ToEquatableArray());
    }

    private static string Text(JsonNode n) => n.Kind == JsonKind.String ? n.Text! : JsonWriter.Write(n);
}
