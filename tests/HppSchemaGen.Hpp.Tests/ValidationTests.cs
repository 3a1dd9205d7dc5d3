using System;
using System.Linq;
using System.Text.Json;
using Klarna.Hpp;
using Xunit;

namespace HppSchemaGen.Hpp.Tests;

/// <summary>Each kind of violation is reported at its instance location, with the keyword path that failed.</summary>
public class ValidationTests
{
    private static ValidationResult Validate(Func<JsonElement, ValidationResult> validate, string json)
    {
        using JsonDocument doc = JsonDocument.Parse(json);
        return validate(doc.RootElement);
    }

    private static void AssertError(ValidationResult r, string instance, string keyword)
        => Assert.Contains(r.Errors, e => e.InstanceLocation == instance && e.KeywordLocation == keyword);

    [Fact]
    public void Valid_example_is_valid()
        => Assert.True(Validate(SessionCreationResponseV1.Validate, Examples.SessionCreationResponse).IsValid);

    [Fact]
    public void Wrong_root_type()
    {
        ValidationResult r = Validate(SessionCreationResponseV1.Validate, "[]");
        AssertError(r, "", "/type");
        Assert.Contains("Expected object but found array", r.Errors[0].Message);
    }

    [Fact]
    public void Wrong_member_type()
        => AssertError(Validate(SessionCreationResponseV1.Validate, """{"session_id": 42}"""), "/session_id", "/properties/session_id/type");

    [Fact]
    public void Bad_date_time_format()
        => AssertError(Validate(SessionCreationResponseV1.Validate, """{"expires_at": "2038-01-19 03:14"}"""), "/expires_at", "/properties/expires_at/format");

    [Fact]
    public void Violation_behind_a_ref_reports_the_evaluation_path()
        => AssertError(Validate(SessionCreationResponseV1.Validate, """{"distribution_module": {"token": false}}"""),
            "/distribution_module/token", "/properties/distribution_module/$ref/properties/token/type");

    [Fact]
    public void Violation_in_an_array_item_behind_two_refs()
    {
        ValidationResult r = Validate(SessionCreationRequestV1.Validate,
            """{"payment_session_url": "u", "options": {"background_images": [{"width": 1}, {"width": "wide"}]}}""");
        Assert.Single(r.Errors);
        AssertError(r, "/options/background_images/1/width", "/properties/options/$ref/properties/background_images/items/$ref/properties/width/type");
    }

    [Fact]
    public void Integer_rejects_fractions_but_accepts_1_0()
    {
        AssertError(Validate(BackgroundImageV1.Validate, """{"width": 1.5}"""), "/width", "/properties/width/type");
        Assert.True(Validate(BackgroundImageV1.Validate, """{"width": 1.0}""").IsValid);
    }

    [Fact]
    public void Missing_required_member()
    {
        ValidationResult r = Validate(SessionCreationRequestV1.Validate, """{"profile_id": "p"}""");
        AssertError(r, "", "/required");
        Assert.Contains("payment_session_url", r.Errors.Single().Message);
    }

    [Fact]
    public void Enum_violation()
        => AssertError(Validate(DistributionRequestV1.Validate, """{"contact_information": {}, "method": "fax"}"""), "/method", "/properties/method/enum");

    [Fact]
    public void Enum_violation_in_array_items_and_unknown_access_id()
    {
        ValidationResult r = Validate(OptionsV1.Validate, """{"payment_method_categories": ["PAY_NOW", "CASH"], "show_subtotal_detail": "SHOW"}""");
        AssertError(r, "/payment_method_categories/1", "/properties/payment_method_categories/items/enum");
        AssertError(r, "/show_subtotal_detail", "/properties/show_subtotal_detail/enum");
        Assert.Equal(2, r.Errors.Count);
    }

    [Fact]
    public void Every_error_is_collected_not_only_the_first()
    {
        ValidationResult r = Validate(SessionResponseV1.Validate,
            """{"session_id": 1, "order_id": 2, "status": "NOPE", "updated_at": "yesterday", "customer": {"given_name": []}}""");
        Assert.Equal(5, r.Errors.Count);
        AssertError(r, "/customer/given_name", "/properties/customer/$ref/properties/given_name/type");
    }

    [Fact]
    public void Member_names_needing_escapes_are_escaped_in_pointers()
    {
        ValidationResult r = Validate(SessionCreationResponseV1.Validate, """{"distribution_module": {"token": 1}}""");
        Assert.All(r.Errors, e => Assert.StartsWith("/", e.InstanceLocation));
        Assert.Equal("/a~1b~0c", "/" + HppSchemaGen.Validation.ValidationCollector.EscapeToken("a/b~c"));
    }

    [Fact]
    public void Validating_a_valid_document_allocates_nothing()
    {
        using JsonDocument doc = JsonDocument.Parse(Examples.SessionCreationRequest);
        JsonElement root = doc.RootElement;
        for (int i = 0; i < 10; i++) SessionCreationRequestV1.Validate(root);
        long before = GC.GetAllocatedBytesForCurrentThread();
        ValidationResult r = SessionCreationRequestV1.Validate(root);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.True(r.IsValid);
        Assert.Equal(0, allocated);

        using JsonDocument response = JsonDocument.Parse(Examples.SessionCreationResponse);
        for (int i = 0; i < 10; i++) SessionCreationResponseV1.Validate(response.RootElement);
        before = GC.GetAllocatedBytesForCurrentThread();
        SessionCreationResponseV1.Validate(response.RootElement);
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }
}
