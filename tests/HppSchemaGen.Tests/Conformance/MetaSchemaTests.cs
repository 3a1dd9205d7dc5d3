using System;
using System.Linq;
using System.Text.Json;
using HppSchemaGen.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace HppSchemaGen.Tests.Conformance;

/// <summary>
/// The meta-schemas of every draft are embedded in the generator: a schema that holds schemas
/// (<c>"$ref"</c> to a meta-schema) validates them offline, and nothing is added when none is referenced.
/// </summary>
[Collection(SuiteConformance.CollectionName)]
public class MetaSchemaTests
{
    // Each draft's suite (ref.json, "remote ref, containing refs itself") references its own meta-schema;
    // these add a document of one draft holding schemas of another. Each costs seconds (a meta-schema
    // generates many types), so only two.
    [Theory]
    [InlineData("https://json-schema.org/draft/2020-12/schema", "http://json-schema.org/draft-07/schema#")]
    [InlineData("http://json-schema.org/draft-07/schema#", "http://json-schema.org/draft-04/schema#")]
    public void A_reference_to_a_meta_schema_validates_schemas(string dialect, string metaSchema)
    {
        string schema = "{\"$schema\": \"" + dialect + "\", \"title\": \"Holder\", \"type\": \"object\", \"properties\": {\"inner\": {\"$ref\": \"" + metaSchema + "\"}}}";
        var result = GeneratorHarness.RunSingle(schema);
        Assert.Empty(result.GeneratorDiagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning).Select(d => d.ToString()));
        Assert.Empty(result.CompileDiagnostics.Select(d => d.ToString()));
        var validate = GeneratorHarness.Validator(GeneratorHarness.Load(result)!, "Holder");
        Assert.True(Valid(validate, """{"inner": {"type": "string", "minLength": 1, "properties": {"a": {"enum": [1, 2]}}}}"""));
        Assert.False(Valid(validate, """{"inner": {"minLength": -1}}"""));
        Assert.False(Valid(validate, """{"inner": {"type": "text"}}"""));
        Assert.False(Valid(validate, """{"inner": {"properties": {"a": {"required": "a"}}}}"""));
        Assert.False(Valid(validate, """{"inner": 12}"""));
    }

    [Fact]
    public void No_meta_schema_is_added_when_none_is_referenced()
    {
        var result = GeneratorHarness.RunSingle("""{"$schema": "http://json-schema.org/draft-07/schema#", "title": "Plain", "type": "string"}""");
        Assert.DoesNotContain(result.Run.GeneratedSources, s => s.SourceText.ToString().Contains("json-schema.org/draft-07/schema", StringComparison.Ordinal)
            && s.SourceText.ToString().Contains("Core schema meta-schema", StringComparison.Ordinal));
        Assert.Empty(result.CompileDiagnostics.Select(d => d.ToString()));
    }

    [Fact]
    public void A_document_of_the_users_that_claims_a_meta_schema_uri_replaces_the_embedded_one()
    {
        // Its own "draft-07 meta-schema" (with the empty fragment the official $id has): only strings are schemas here.
        var files = new[]
        {
            ("/schemas/meta.json", """{"$schema": "http://json-schema.org/draft-07/schema#", "$id": "http://json-schema.org/draft-07/schema#", "title": "OwnMeta", "type": "string"}"""),
            ("/schemas/holder.json", """{"$schema": "http://json-schema.org/draft-07/schema#", "title": "Holder", "$ref": "http://json-schema.org/draft-07/schema#"}"""),
        };
        var result = GeneratorHarness.Run(files);
        Assert.Empty(result.GeneratorDiagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning).Select(d => d.ToString()));
        Assert.Empty(result.CompileDiagnostics.Select(d => d.ToString()));
        var validate = GeneratorHarness.Validator(GeneratorHarness.Load(result)!, "Holder");
        Assert.True(Valid(validate, "\"any string\""));
        Assert.False(Valid(validate, """{"type": "string"}"""));
    }

    private static bool Valid(Func<JsonElement, ValidationResult> validate, string json)
    {
        using JsonDocument doc = JsonDocument.Parse(json);
        return validate(doc.RootElement).IsValid;
    }
}
