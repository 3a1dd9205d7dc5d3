using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using Klarna.Hpp;
using Xunit;

namespace HppSchemaGen.Hpp.Tests;

/// <summary>
/// <c>Validate()</c> on a request built in code, before it is sent: the errors a merchant would get
/// from validating the JSON the context writes, without writing it.
/// </summary>
public class ObjectValidationTests
{
    private static SessionCreationRequestV1 Request(OptionsV1? options = null) => new()
    {
        PaymentSessionUrl = "https://api.klarna.com/payments/v1/sessions/92d97f60-7a78-46a5-8f68-c56fe52dc4af",
        MerchantUrls = new MerchantUrlsV1 { Success = "https://example.com/success?hppId={{session_id}}" },
        Options = options ?? new OptionsV1
        {
            BackgroundImages = new List<BackgroundImageV1> { new() { Url = "https://example.com/bg.jpg", Width = 1200 } },
            PaymentMethodCategories = new List<OptionsV1PaymentMethodCategoriesItem> { OptionsV1PaymentMethodCategoriesItem.PayNow },
            PurchaseType = OptionsV1PurchaseType.Buy,
        },
    };

    /// <summary>The errors of validating the serialized value, the reference <c>Validate()</c> must equal.</summary>
    private static string[] ViaJson(SessionCreationRequestV1 request)
        => Errors(SessionCreationRequestV1.Validate(JsonSerializer.SerializeToElement(request, SchemaJsonContext.Default.SessionCreationRequestV1)));

    private static string[] Errors(ValidationResult r)
        => r.Errors.Select(e => e.InstanceLocation + " | " + e.KeywordLocation + " | " + e.AbsoluteKeywordLocation + " | " + e.Message).OrderBy(s => s, System.StringComparer.Ordinal).ToArray();

    [Fact]
    public void A_request_built_in_code_is_valid()
    {
        SessionCreationRequestV1 request = Request();
        Assert.True(request.Validate().IsValid);
        Assert.Empty(ViaJson(request));
    }

    [Fact]
    public void An_unknown_enum_value_is_reported_where_the_json_would_be()
    {
        SessionCreationRequestV1 request = Request(new OptionsV1
        {
            PurchaseType = OptionsV1PurchaseType.From("LEASE"),
            PaymentMethodCategories = new List<OptionsV1PaymentMethodCategoriesItem> { OptionsV1PaymentMethodCategoriesItem.PayNow, OptionsV1PaymentMethodCategoriesItem.From("CRYPTO") },
        });
        ValidationResult result = request.Validate();
        Assert.False(result.IsValid);
        Assert.Contains(result.Errors, e => e.InstanceLocation == "/options/purchase_type" && e.KeywordLocation == "/properties/options/$ref/properties/purchase_type/enum");
        Assert.Contains(result.Errors, e => e.InstanceLocation == "/options/payment_method_categories/1");
        // Past the $ref to OptionsV1, wherever that schema came from (a file, or an OpenAPI component).
        Assert.All(result.Errors, e => Assert.EndsWith("/enum", e.AbsoluteKeywordLocation));
        Assert.Equal(ViaJson(request), Errors(result));
    }

    [Fact]
    public void A_null_required_member_is_written_as_null_and_fails_its_type()
    {
        SessionCreationRequestV1 request = Request() with { PaymentSessionUrl = null! };
        ValidationResult result = request.Validate();
        Assert.Contains(result.Errors, e => e.InstanceLocation == "/payment_session_url" && e.KeywordLocation == "/properties/payment_session_url/type");
        Assert.Equal(ViaJson(request), Errors(result));
    }

    [Fact]
    public void Extension_members_are_validated_like_the_members_they_name()
    {
        using JsonDocument extra = JsonDocument.Parse("""{"profile_id": 5, "note": "kept"}""");
        SessionCreationRequestV1 request = Request() with
        {
            AdditionalProperties = extra.RootElement.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.Clone()),
        };
        ValidationResult result = request.Validate();
        Assert.Contains(result.Errors, e => e.InstanceLocation == "/profile_id" && e.KeywordLocation == "/properties/profile_id/type");
        Assert.Equal(ViaJson(request), Errors(result));
    }

    [Fact]
    public void Validating_a_valid_request_allocates_nothing()
    {
        SessionCreationRequestV1 request = Request();
        for (int i = 0; i < 10; i++) Assert.True(request.Validate().IsValid);
        long before = System.GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 100; i++) request.Validate();
        Assert.Equal(0, System.GC.GetAllocatedBytesForCurrentThread() - before);
    }
}
