using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json.Nodes;

namespace HppSchemaGen.Benchmarks;

/// <summary>The documents and schemas every benchmark shares, built deterministically.</summary>
internal static class Payloads
{
    /// <summary>The documented HPP example: the sample's embedded file.</summary>
    public static readonly string SessionCreationResponse = File.ReadAllText(Path.Combine(System.AppContext.BaseDirectory, "SessionCreationResponseV1.example.json"));

    private static readonly string[] Statuses = { "WAITING", "BACK", "IN_PROGRESS", "MANUAL_ID_CHECK", "COMPLETED", "CANCELLED", "FAILED", "DISABLED", "ERROR" };

    /// <summary>An array of <paramref name="count"/> SessionResponseV1 objects, the same every run.</summary>
    public static string SessionResponses(int count)
    {
        var sb = new StringBuilder("[");
        for (int i = 0; i < count; i++)
        {
            if (i > 0) sb.Append(',');
            string id = i.ToString("D8", CultureInfo.InvariantCulture);
            sb.Append($$"""
            {"authorization_token":"70850a20-a2a0-5c70-810c-{{id}}0000","customer":{"date_of_birth":"1987-08-15","family_name":"Family{{i}}","given_name":"Given{{i}}","national_identification_number":"19870815-{{i % 10000:D4}}","title":"Mr"},"expires_at":"2038-01-19T03:14:07.000Z","klarna_reference":"ref{{id}}","manual_identification":{"challenge":"A{{i % 100}}","customer":{"given_name":"G{{i}}"},"expires_at":"2038-01-19T03:14:07.000Z"},"order_id":"93d644a2-43f3-11e9-b210-{{id}}0000","session_id":"a15b228c-02ad-11e9-8eb2-{{id}}0000","status":"{{Statuses[i % Statuses.Length]}}","updated_at":"2038-01-19T03:14:07.000Z"}
            """);
        }
        return sb.Append(']').ToString();
    }

    /// <summary>
    /// The HPP schemas bundled into one document for the peers, which do not know the
    /// "$id": "#/components/schemas/X" convention: components move under $defs (or definitions).
    /// </summary>
    public static string Bundle(string root, string definitionsKeyword, string schemaUri)
    {
        var defs = new JsonObject();
        string dir = Path.Combine(System.AppContext.BaseDirectory, "schemas");
        foreach (string file in Directory.GetFiles(dir, "*.json").OrderBy(f => f, System.StringComparer.Ordinal))
        {
            var schema = JsonNode.Parse(File.ReadAllText(file)!.Replace("#/components/schemas/", "#/" + definitionsKeyword + "/"))!.AsObject();
            string name = schema["title"]!.GetValue<string>();
            schema.Remove("$id");
            schema.Remove("$schema");
            defs[name] = schema;
        }
        defs["SessionResponseList"] = new JsonObject { ["type"] = "array", ["items"] = new JsonObject { ["$ref"] = "#/" + definitionsKeyword + "/SessionResponseV1" } };
        var bundle = new JsonObject { ["$schema"] = schemaUri, [definitionsKeyword] = defs, ["$ref"] = "#/" + definitionsKeyword + "/" + root };
        return bundle.ToJsonString();
    }
}
