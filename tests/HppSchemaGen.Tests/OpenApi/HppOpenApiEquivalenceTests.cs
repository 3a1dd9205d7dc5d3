using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text.Json;
using HppSchemaGen.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace HppSchemaGen.Tests.OpenApi;

/// <summary>
/// Klarna's OpenAPI document (schemas/openapi/hpp-openapi.yml) and the 11 JSON Schema files
/// (schemas/*.schema.json) describe the same API: the generated types have the same names and
/// members, and both validators report the same errors on every HPP payload.
/// </summary>
public class HppOpenApiEquivalenceTests
{
    private static readonly Lazy<(Assembly Files, Assembly OpenApi)> s_assemblies = new(() => (Build(GeneratorHarness.HppSchemas()), Build(OpenApiFile())));

    private static IEnumerable<(string, string)> OpenApiFile()
    {
        string path = Path.Combine(DiagnosticTests.RepoRoot(), "schemas", "openapi", "hpp-openapi.yml");
        return new[] { ("/repo/schemas/openapi/hpp-openapi.yml", File.ReadAllText(path)) };
    }

    private static Assembly Build(IEnumerable<(string, string)> files)
    {
        GeneratorHarness.Result result = GeneratorHarness.Run(files, new Dictionary<string, string> { ["build_property.HppSchemaGenNamespace"] = "Klarna.Hpp" });
        Assert.Empty(result.CompileDiagnostics.Select(d => d.ToString()));
        Assert.Empty(result.GeneratorDiagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning).Select(d => d.ToString()));
        return GeneratorHarness.Load(result)!;
    }

    private static readonly string Example = File.ReadAllText(Path.Combine(DiagnosticTests.RepoRoot(), "samples", "HppSample", "SessionCreationResponseV1.example.json"));

    private const string Request = """
        {"payment_session_url": "https://api.klarna.com/payments/v1/sessions/92d97f60",
         "merchant_urls": {"success": "https://example.com/success?sid=1&hppId={{session_id}}"},
         "options": {"background_images": [{"url": "https://example.com/bg.jpg", "width": 1200}],
                     "payment_method_categories": ["PAY_NOW", "PAY_LATER"], "purchase_type": "BUY", "place_order_mode": "PLACE_ORDER"},
         "profile_id": "87ab3565-5e06-4006-9ada-8eedc6926703"}
        """;

    /// <summary>Every payload of tests/HppSchemaGen.Hpp.Tests, and more: wrong types at each level, every enum, every format.</summary>
    public static TheoryData<string, string> Payloads() => new()
    {
        { "SessionCreationResponseV1", Example },
        { "SessionCreationResponseV1", "[]" },
        { "SessionCreationResponseV1", "null" },
        { "SessionCreationResponseV1", """{"session_id": 42}""" },
        { "SessionCreationResponseV1", """{"expires_at": "2038-01-19 03:14"}""" },
        { "SessionCreationResponseV1", """{"distribution_module": {"token": false}}""" },
        { "SessionCreationResponseV1", """{"distribution_module": {"token": 1, "generation_url": [], "standalone_url": {}}}""" },
        { "SessionCreationResponseV1", """{"session_id":"s1","brand_new":{"nested":[1,2,{"x":null}]},"another":"v"}""" },
        { "SessionCreationResponseV1", """{"session_id":"s1","status":"PAUSED_BY_BANK"}""" },
        { "SessionCreationResponseV1", """{"qr_code_url": 1, "redirect_url": 2, "session_url": 3, "distribution_url": 4, "manual_identification_check_url": 5}""" },
        { "SessionCreationRequestV1", Request },
        { "SessionCreationRequestV1", """{"payment_session_url": "u", "options": {"background_images": [{"width": 1}, {"width": "wide"}]}}""" },
        { "SessionCreationRequestV1", """{"profile_id": "p"}""" },
        { "SessionCreationRequestV1", """{"payment_session_url": 1, "merchant_urls": {"back": 1, "cancel": [], "error": {}, "failure": null, "status_update": true, "success": 2}}""" },
        { "BackgroundImageV1", """{"width": 1.5}""" },
        { "BackgroundImageV1", """{"width": 1.0, "url": "u"}""" },
        { "BackgroundImageV1", """{"width": 1e400}""" },
        { "DistributionRequestV1", """{"contact_information": {}, "method": "fax"}""" },
        { "DistributionRequestV1", """{"contact_information": {"access_id": "nope", "email": 1}, "method": "sms", "template": "OTHER"}""" },
        { "DistributionRequestV1", """{"method": "email", "template": "INSTORE_PURCHASE", "contact_information": {"access_id": "467521087419"}}""" },
        { "DistributionRequestV1", "{}" },
        { "OptionsV1", """{"payment_method_categories": ["PAY_NOW", "CASH"], "show_subtotal_detail": "SHOW"}""" },
        { "OptionsV1", """{"payment_method_category": "KLARNA", "place_order_mode": "NONE", "purchase_type": "RENT", "logo_url": "l", "page_title": "t"}""" },
        { "OptionsV1", """{"payment_method_category": "CASH", "place_order_mode": 1, "purchase_type": null, "background_images": {}}""" },
        { "SessionResponseV1", """{"session_id": 1, "order_id": 2, "status": "NOPE", "updated_at": "yesterday", "customer": {"given_name": []}}""" },
        { "SessionResponseV1", """{"status": "COMPLETED", "expires_at": "2038-01-19T03:14:07.000Z", "manual_identification": {"challenge": "A78", "customer": {}, "customer_obfuscated": {"title": 1}, "expires_at": "x"}}""" },
        { "MerchantManualIdentificationV1", """{"expires_at": 5, "customer": {"date_of_birth": 1, "family_name": 2, "national_identification_number": 3}}""" },
        { "DistributionContactV1", """{"access_id": "klarna:09f4a78d-d096-47d4-a0f6-abcf680c70fe", "phone": "0700", "phone_country": "SE"}""" },
        { "DistributionContactV1", """{"access_id": 278352}""" },
        { "MerchantUrlsV1", """{"success": []}""" },
        { "CustomerV1", """{"title": false}""" },
        { "DistributionModuleV1", """{"token": null}""" },
        { "DistributionModuleV1", "\"string\"" },
    };

    [Theory]
    [MemberData(nameof(Payloads))]
    public void Both_validators_report_the_same_errors(string type, string json)
    {
        (Assembly files, Assembly openApi) = s_assemblies.Value;
        using JsonDocument doc = JsonDocument.Parse(json);
        ValidationResult expected = Validator(files, type)(doc.RootElement);
        ValidationResult actual = Validator(openApi, type)(doc.RootElement);
        Assert.Equal(expected.IsValid, actual.IsValid);
        Assert.Equal(expected.Errors.Select(e => e.ToString()), actual.Errors.Select(e => e.ToString()));
    }

    [Fact]
    public void The_example_is_valid_for_both()
    {
        (Assembly files, Assembly openApi) = s_assemblies.Value;
        using JsonDocument doc = JsonDocument.Parse(Example);
        Assert.True(Validator(files, "SessionCreationResponseV1")(doc.RootElement).IsValid);
        Assert.True(Validator(openApi, "SessionCreationResponseV1")(doc.RootElement).IsValid);
    }

    [Fact]
    public void Same_public_types_with_the_same_members()
    {
        (Assembly files, Assembly openApi) = s_assemblies.Value;
        Assert.Equal(Shape(files), Shape(openApi));
        foreach (string component in new[] { "BackgroundImageV1", "CustomerV1", "DistributionContactV1", "DistributionModuleV1", "DistributionRequestV1",
                     "MerchantManualIdentificationV1", "MerchantUrlsV1", "OptionsV1", "SessionCreationRequestV1", "SessionCreationResponseV1", "SessionResponseV1" })
            Assert.Contains(Shape(openApi), s => s.StartsWith(component + "(", StringComparison.Ordinal));
    }

    private static Func<JsonElement, ValidationResult> Validator(Assembly assembly, string type)
        => assembly.GetType("Klarna.Hpp." + type, throwOnError: true)!.GetMethod("Validate", new[] { typeof(JsonElement) })!
            .CreateDelegate<Func<JsonElement, ValidationResult>>();

    private static List<string> Shape(Assembly assembly)
        => assembly.GetTypes().Where(t => t.IsPublic && t.Namespace == "Klarna.Hpp")
            .Select(t => t.Name + "(" + t.BaseType?.Name + "): " + string.Join(", ", t.GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly)
                .Select(p => p.Name + " " + p.PropertyType).OrderBy(x => x, StringComparer.Ordinal)))
            .OrderBy(x => x, StringComparer.Ordinal).ToList();
}
