using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.RegularExpressions;
using HppSchemaGen.Testing.Conformance;
using HppSchemaGen.Tests.Infrastructure;
using Xunit;

namespace HppSchemaGen.Tests;

/// <summary>
/// <see cref="ValidationResult.WriteBasicOutput"/> writes JSON Schema 2020-12 "basic" output: every
/// document is checked against the suite's own output schema (tests/JSON-Schema-Test-Suite/output-tests),
/// and the locations are checked value by value, for HPP instances and suite cases that cross references.
/// </summary>
public class BasicOutputTests
{
    private static readonly string s_suite = SuiteRunner.Locate(AppContext.BaseDirectory);

    // The output schema as published, and its "basic" definition alone: the root of the schema is an
    // anyOf with "flag", which any {"valid": ...} satisfies, so "basic" is what checks the units.
    private static readonly (Json.Schema.JsonSchema Any, Json.Schema.JsonSchema Basic) s_outputSchema = LoadOutputSchema();

    private static (Json.Schema.JsonSchema, Json.Schema.JsonSchema) LoadOutputSchema()
    {
        var build = new Json.Schema.BuildOptions { SchemaRegistry = new Json.Schema.SchemaRegistry() };
        var any = Json.Schema.JsonSchema.FromText(File.ReadAllText(Path.Combine(s_suite, "output-tests", "draft2020-12", "output-schema.json")), build);
        var basic = Json.Schema.JsonSchema.FromText("""{"$ref": "https://json-schema.org/draft/2020-12/output/schema#/$defs/basic"}""", build);
        return (any, basic);
    }

    private static readonly Lazy<Func<JsonElement, ValidationResult>> s_hppRequest = new(() =>
    {
        GeneratorHarness.Result result = GeneratorHarness.Run(GeneratorHarness.HppSchemas());
        return GeneratorHarness.Validator(GeneratorHarness.Load(result) ?? throw new InvalidOperationException("HPP code does not compile"), "SessionCreationRequestV1");
    });

    /// <summary>Writes the output, checks it against the output schema, and checks it says what the result says.</summary>
    private static JsonElement WriteAndCheck(ValidationResult result)
    {
        byte[] utf8 = result.ToBasicOutputUtf8();
        JsonElement output = JsonDocument.Parse(utf8).RootElement.Clone();
        var options = new Json.Schema.EvaluationOptions { OutputFormat = Json.Schema.OutputFormat.List, RequireFormatValidation = true };
        foreach (Json.Schema.JsonSchema schema in new[] { s_outputSchema.Any, s_outputSchema.Basic })
        {
            Json.Schema.EvaluationResults check = schema.Evaluate(output, options);
            Assert.True(check.IsValid, "output does not satisfy the output schema: " + Encoding(utf8) + "\n" + JsonSerializer.Serialize(check));
        }

        Assert.Equal(result.IsValid, output.GetProperty("valid").GetBoolean());
        Assert.Equal("", output.GetProperty("keywordLocation").GetString());
        Assert.Equal("", output.GetProperty("instanceLocation").GetString());
        if (result.IsValid)
        {
            Assert.False(output.TryGetProperty("errors", out _));
            return output;
        }
        JsonElement[] units = output.GetProperty("errors").EnumerateArray().ToArray();
        Assert.Equal(result.Errors.Count, units.Length);
        for (int i = 0; i < units.Length; i++)
        {
            ValidationError error = result.Errors[i];
            Assert.False(units[i].GetProperty("valid").GetBoolean());
            Assert.Equal(error.KeywordLocation, units[i].GetProperty("keywordLocation").GetString());
            Assert.Equal(error.InstanceLocation, units[i].GetProperty("instanceLocation").GetString());
            Assert.Equal(error.Message, units[i].GetProperty("error").GetString());
            Assert.Equal(error.AbsoluteKeywordLocation, units[i].TryGetProperty("absoluteKeywordLocation", out JsonElement a) ? a.GetString() : null);
            // Present exactly when the path crossed a reference.
            Assert.Equal(CrossesReference(error.KeywordLocation), error.AbsoluteKeywordLocation is not null);
        }
        return output;
    }

    private static string Encoding(byte[] utf8) => System.Text.Encoding.UTF8.GetString(utf8);

    private static bool CrossesReference(string keywordLocation) => Regex.IsMatch(keywordLocation, @"/\$(ref|dynamicRef|recursiveRef)(/|$)");

    private static ValidationResult Validate(Func<JsonElement, ValidationResult> validate, string json)
    {
        using JsonDocument doc = JsonDocument.Parse(json);
        return validate(doc.RootElement);
    }

    [Fact]
    public void Valid_hpp_request_writes_valid_true_only()
    {
        ValidationResult result = Validate(s_hppRequest.Value, """{"payment_session_url": "https://example.com/s", "options": {"background_images": [{"url": "u", "width": 10}]}}""");
        Assert.True(result.IsValid);
        JsonElement output = WriteAndCheck(result);
        Assert.Equal("""{"valid":true,"keywordLocation":"","instanceLocation":""}""", output.GetRawText());
    }

    [Fact]
    public void Invalid_hpp_request_has_absolute_locations_exactly_behind_refs()
    {
        ValidationResult result = Validate(s_hppRequest.Value, """
            {"payment_session_url": 5,
             "merchant_urls": {"success": 1},
             "options": {"background_images": [{"url": "u", "width": 10}, {"url": "v", "width": "wide"}]}}
            """);
        WriteAndCheck(result);
        var errors = result.Errors.Select(e => (e.InstanceLocation, e.KeywordLocation, e.AbsoluteKeywordLocation)).ToList();
        Assert.Contains(("/payment_session_url", "/properties/payment_session_url/type", (string?)null), errors);
        Assert.Contains(("/merchant_urls/success", "/properties/merchant_urls/$ref/properties/success/type",
            "urn:hppschemagen:MerchantUrlsV1.schema.json#/properties/success/type"), errors);
        Assert.Contains(("/options/background_images/1/width", "/properties/options/$ref/properties/background_images/items/$ref/properties/width/type",
            "urn:hppschemagen:BackgroundImageV1.schema.json#/properties/width/type"), errors);
        Assert.Equal(3, errors.Count);
    }

    [Fact]
    public void Written_output_escapes_like_any_json()
    {
        var result = new ValidationResult(new[] { new ValidationError("/a~1b", "/properties/a~1b/$ref/type", "\"quoted\" </script>") { AbsoluteKeywordLocation = "urn:x#/type" } });
        JsonElement output = WriteAndCheck(result);
        Assert.Equal("\"quoted\" </script>", output.GetProperty("errors")[0].GetProperty("error").GetString());
        Assert.DoesNotContain("</script>", result.ToBasicOutputJson()); // the default encoder escapes for HTML too
    }

    /// <summary>Suite cases (tests/draft2020-12) whose failing keywords sit behind $ref or $dynamicRef.</summary>
    public static TheoryData<string, string, string, string, string, string?> SuiteCases() => new()
    {
        // file, group, test, instance location, keyword location, absolute keyword location
        { "ref.json", "relative pointer ref to object", "mismatch", "/bar", "/properties/bar/$ref/type", "urn:hppschemagen:case.schema.json#/properties/foo/type" },
        { "ref.json", "nested refs", "nested ref invalid", "", "/$ref/$ref/$ref/type", "urn:hppschemagen:case.schema.json#/$defs/a/type" },
        { "ref.json", "$id with file URI still resolves pointers - *nix", "non-number is invalid", "", "/$ref/type", "file:///folder/file.json#/$defs/foo/type" },
        { "ref.json", "refs with relative uris and defs", "invalid on inner field", "/foo/bar", "/properties/foo/$ref/properties/bar/type",
            "http://example.com/schema-relative-uri-defs2.json#/$defs/inner/properties/bar/type" },
        { "ref.json", "refs with relative uris and defs", "invalid on outer field", "/bar", "/$ref/$ref/properties/bar/type",
            "http://example.com/schema-relative-uri-defs2.json#/$defs/inner/properties/bar/type" },
        { "dynamicRef.json", "A $dynamicRef to a $dynamicAnchor in the same schema resource behaves like a normal $ref to an $anchor",
            "An array containing non-strings is invalid", "/1", "/items/$dynamicRef/type",
            "https://test.json-schema.org/dynamicRef-dynamicAnchor-same-schema/root#/$defs/foo/type" },
        { "dynamicRef.json", "A $dynamicRef without anchor in fragment behaves identical to $ref", "An array of strings is invalid", "/0",
            "/$ref/items/$dynamicRef/type", "https://test.json-schema.org/dynamicRef-without-anchor/list#/$defs/items/type" },
        { "ref.json", "relative pointer ref to object", "match", "", "", null },
    };

    [Theory]
    [MemberData(nameof(SuiteCases))]
    public void Suite_case_output(string file, string group, string test, string instance, string keyword, string? absolute)
    {
        using JsonDocument suite = JsonDocument.Parse(File.ReadAllText(Path.Combine(s_suite, "tests", "draft2020-12", file)));
        JsonElement g = suite.RootElement.EnumerateArray().Single(x => x.GetProperty("description").GetString() == group);
        JsonElement t = g.GetProperty("tests").EnumerateArray().Single(x => x.GetProperty("description").GetString() == test);
        const string path = "/suite/case.schema.json";
        GeneratorHarness.Result result = GeneratorHarness.Run(
            new[] { (path, g.GetProperty("schema").GetRawText()) },
            perFile: new Dictionary<string, IReadOnlyDictionary<string, string>> { [path] = new Dictionary<string, string> { ["build_metadata.AdditionalFiles.HppSchemaGenTypeName"] = "Root" } });
        Assert.Empty(result.CompileDiagnostics);
        Func<JsonElement, ValidationResult> validate = GeneratorHarness.Validator(GeneratorHarness.Load(result)!, "Root");

        ValidationResult r = validate(t.GetProperty("data"));
        Assert.Equal(t.GetProperty("valid").GetBoolean(), r.IsValid);
        WriteAndCheck(r);
        if (r.IsValid) return;
        Assert.Contains((instance, keyword, absolute), r.Errors.Select(e => (e.InstanceLocation, e.KeywordLocation, e.AbsoluteKeywordLocation)));
    }
}
