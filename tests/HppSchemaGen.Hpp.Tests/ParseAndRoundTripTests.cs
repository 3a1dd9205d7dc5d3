using System;
using System.Text;
using System.Text.Json;
using Klarna.Hpp;
using Xunit;

namespace HppSchemaGen.Hpp.Tests;

public class ParseAndRoundTripTests
{
    private static byte[] Utf8(string s) => Encoding.UTF8.GetBytes(s);

    [Fact]
    public void Documented_example_parses_into_typed_members()
    {
        SessionCreationResponseV1 r = SessionCreationResponseV1.Parse(Utf8(Examples.SessionCreationResponse));
        Assert.Equal("9cbc9884-1fdb-45a8-9694-9340340d0436", r.SessionId);
        Assert.Equal(new DateTimeOffset(2038, 1, 19, 3, 14, 7, TimeSpan.Zero), r.ExpiresAt);
        Assert.Equal("9cbc9884", r.DistributionModule?.Token);
        Assert.Null(r.AdditionalProperties);
    }

    [Fact]
    public void Documented_example_round_trips_to_an_equal_record()
    {
        SessionCreationResponseV1 r = SessionCreationResponseV1.Parse(Utf8(Examples.SessionCreationResponse));
        string json = JsonSerializer.Serialize(r, SchemaJsonContext.Default.SessionCreationResponseV1);
        SessionCreationResponseV1 again = SessionCreationResponseV1.Parse(Utf8(json));
        Assert.Equal(r, again);
        Assert.True(SessionCreationResponseV1.Validate(JsonDocument.Parse(json).RootElement).IsValid);
    }

    [Fact]
    public void Request_with_nested_refs_lists_and_enums_round_trips()
    {
        SessionCreationRequestV1 r = SessionCreationRequestV1.Parse(Utf8(Examples.SessionCreationRequest));
        Assert.Equal(1200L, r.Options!.BackgroundImages![0].Width);
        Assert.Equal(OptionsV1PaymentMethodCategoriesItem.PayNow, r.Options.PaymentMethodCategories![0]);
        Assert.Equal(OptionsV1PurchaseType.Buy, r.Options.PurchaseType);
        string json = JsonSerializer.Serialize(r, SchemaJsonContext.Default.SessionCreationRequestV1);
        using JsonDocument original = JsonDocument.Parse(Examples.SessionCreationRequest);
        using JsonDocument written = JsonDocument.Parse(json);
        Assert.True(JsonElement.DeepEquals(original.RootElement, written.RootElement), json);
    }

    [Fact]
    public void Unknown_members_survive_a_round_trip()
    {
        const string json = """{"session_id":"s1","brand_new":{"nested":[1,2,{"x":null}]},"another":"v"}""";
        SessionCreationResponseV1 r = SessionCreationResponseV1.Parse(Utf8(json));
        Assert.NotNull(r.AdditionalProperties);
        Assert.Equal(2, r.AdditionalProperties!.Count);
        string written = JsonSerializer.Serialize(r, SchemaJsonContext.Default.SessionCreationResponseV1);
        Assert.True(JsonElement.DeepEquals(JsonDocument.Parse(json).RootElement, JsonDocument.Parse(written).RootElement), written);
    }

    [Fact]
    public void Unknown_enum_value_is_kept_by_the_lenient_path_and_written_back_unchanged()
    {
        const string json = """{"session_id":"s1","status":"PAUSED_BY_BANK"}""";
        SessionResponseV1 r = JsonSerializer.Deserialize(json, SchemaJsonContext.Default.SessionResponseV1)!;
        Assert.Equal("PAUSED_BY_BANK", r.Status!.Value);
        Assert.False(r.Status.IsKnown);
        Assert.NotEqual(SessionResponseV1Status.Completed, r.Status);
        Assert.Contains("\"status\":\"PAUSED_BY_BANK\"", JsonSerializer.Serialize(r, SchemaJsonContext.Default.SessionResponseV1));
    }

    [Fact]
    public void Known_enum_values_deserialize_to_the_declared_instances()
    {
        SessionResponseV1 r = JsonSerializer.Deserialize("""{"status":"COMPLETED"}""", SchemaJsonContext.Default.SessionResponseV1)!;
        Assert.Same(SessionResponseV1Status.Completed, r.Status);
        Assert.True(r.Status!.IsKnown);
        Assert.Equal("COMPLETED", (string)r.Status);
    }

    [Fact]
    public void Required_members_are_required_and_non_nullable()
    {
        var request = new DistributionRequestV1
        {
            ContactInformation = new DistributionContactV1 { Email = "a@example.com" },
            Method = DistributionRequestV1Method.Email,
        };
        string json = JsonSerializer.Serialize(request, SchemaJsonContext.Default.DistributionRequestV1);
        Assert.True(DistributionRequestV1.Validate(JsonDocument.Parse(json).RootElement).IsValid, json);
        // Deserializing without a required member fails even on the lenient path: the type cannot hold it.
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize("""{"method":"sms"}""", SchemaJsonContext.Default.DistributionRequestV1));
    }

    [Fact]
    public void Malformed_json_throws_JsonException_from_Parse_and_is_an_error_from_TryParse()
    {
        byte[] bad = Utf8("""{"session_id": "x",""");
        JsonException e = Assert.ThrowsAny<JsonException>(() => SessionCreationResponseV1.Parse(bad));
        Assert.IsNotType<SchemaValidationException>(e);
        Assert.False(SessionCreationResponseV1.TryParse(bad, out SessionCreationResponseV1? value, out ValidationResult result));
        Assert.Null(value);
        Assert.Single(result.Errors);
        Assert.StartsWith("Malformed JSON", result.Errors[0].Message);
    }

    [Theory]
    [InlineData("{\"session_id\": 1} {}")]
    [InlineData("{\"session_id\": \"x\"} x")]
    public void Text_after_the_value_is_malformed_json_even_when_the_value_is_invalid(string json)
    {
        Assert.False(SessionCreationResponseV1.TryParse(Utf8(json), out _, out ValidationResult result));
        Assert.StartsWith("Malformed JSON", Assert.Single(result.Errors).Message);
        Assert.ThrowsAny<JsonException>(() => SessionCreationResponseV1.Parse(Utf8(json)));
    }

    [Fact]
    public void Parse_throws_SchemaValidationException_with_every_error()
    {
        byte[] invalid = Utf8("""{"session_id": 1, "expires_at": "soon"}""");
        SchemaValidationException e = Assert.Throws<SchemaValidationException>(() => SessionCreationResponseV1.Parse(invalid));
        Assert.Equal(2, e.Errors.Count);
        Assert.False(SessionCreationResponseV1.TryParse(invalid, out _, out ValidationResult result));
        Assert.Equal(2, result.Errors.Count);
    }

    [Fact]
    public void Generated_types_carry_their_schema_source()
    {
        var attr = (JsonSchemaSourceAttribute)Attribute.GetCustomAttribute(typeof(OptionsV1PurchaseType), typeof(JsonSchemaSourceAttribute))!;
#if HPP_OPENAPI
        // Generated from the one OpenAPI document (tests/HppSchemaGen.Hpp.OpenApi.Tests compiles these tests again).
        Assert.Equal("hpp-openapi.yml", attr.Document);
        Assert.Equal("/components/schemas/OptionsV1/properties/purchase_type", attr.Pointer);
#else
        Assert.Equal("#/components/schemas/OptionsV1", attr.Document);
        Assert.Equal("/properties/purchase_type", attr.Pointer);
#endif
    }
}
