using System;
using System.Linq;
using System.Text.Json;
using HppSchemaGen.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace HppSchemaGen.Tests.Conformance;

/// <summary>
/// Draft-04's location-independent identifiers (<c>"id": "#name"</c>) in a file that names no
/// dialect: a <c>"$ref": "#name"</c> reaches them, unless something of the default dialect answers first.
/// </summary>
public class LegacyIdentifierTests
{
    [Fact]
    public void A_draft_04_plain_name_id_resolves_in_a_file_without_schema()
    {
        var validate = Compile("""{"title": "Holder", "properties": {"n": {"$ref": "#foo"}}, "definitions": {"A": {"id": "#foo", "type": "integer"}}}""");
        Assert.True(Valid(validate, """{"n": 1}"""));
        Assert.False(Valid(validate, """{"n": "one"}"""));
    }

    [Fact]
    public void An_anchor_of_the_default_dialect_wins_over_a_draft_04_id()
    {
        var validate = Compile("""{"title": "Holder", "properties": {"n": {"$ref": "#foo"}}, "$defs": {"A": {"id": "#foo", "type": "integer"}, "B": {"$anchor": "foo", "type": "string"}}}""");
        Assert.True(Valid(validate, """{"n": "one"}"""));
        Assert.False(Valid(validate, """{"n": 1}"""));
    }

    [Fact]
    public void In_a_2020_12_file_id_is_not_an_identifier()
    {
        var result = GeneratorHarness.RunSingle("""{"$schema": "https://json-schema.org/draft/2020-12/schema", "title": "Holder", "properties": {"n": {"$ref": "#foo"}}, "$defs": {"A": {"id": "#foo", "type": "integer"}}}""");
        Assert.Contains(result.GeneratorDiagnostics, d => d.Id == "HSG1001");
    }

    private static Func<JsonElement, ValidationResult> Compile(string schema)
    {
        var result = GeneratorHarness.RunSingle(schema);
        Assert.Empty(result.GeneratorDiagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning).Select(d => d.ToString()));
        Assert.Empty(result.CompileDiagnostics.Select(d => d.ToString()));
        return GeneratorHarness.Validator(GeneratorHarness.Load(result)!, "Holder");
    }

    private static bool Valid(Func<JsonElement, ValidationResult> validate, string json)
    {
        using JsonDocument doc = JsonDocument.Parse(json);
        return validate(doc.RootElement).IsValid;
    }
}
