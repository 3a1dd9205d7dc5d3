using System;
using System.Collections.Generic;
using System.Text.Json.Serialization;

// Hand-written copies of the HPP records, for System.Text.Json's own source generator and its
// reflection serializer: the peers our generated context is measured against.
namespace HppSchemaGen.Benchmarks.HandWritten;

public sealed record SessionCreationResponse
{
    [JsonPropertyName("distribution_module")] public DistributionModule? DistributionModule { get; init; }
    [JsonPropertyName("distribution_url")] public string? DistributionUrl { get; init; }
    [JsonPropertyName("expires_at")] public DateTimeOffset? ExpiresAt { get; init; }
    [JsonPropertyName("manual_identification_check_url")] public string? ManualIdentificationCheckUrl { get; init; }
    [JsonPropertyName("qr_code_url")] public string? QrCodeUrl { get; init; }
    [JsonPropertyName("redirect_url")] public string? RedirectUrl { get; init; }
    [JsonPropertyName("session_id")] public string? SessionId { get; init; }
    [JsonPropertyName("session_url")] public string? SessionUrl { get; init; }
}

public sealed record DistributionModule
{
    [JsonPropertyName("generation_url")] public string? GenerationUrl { get; init; }
    [JsonPropertyName("standalone_url")] public string? StandaloneUrl { get; init; }
    [JsonPropertyName("token")] public string? Token { get; init; }
}

public sealed record SessionResponse
{
    [JsonPropertyName("authorization_token")] public string? AuthorizationToken { get; init; }
    [JsonPropertyName("customer")] public Customer? Customer { get; init; }
    [JsonPropertyName("expires_at")] public DateTimeOffset? ExpiresAt { get; init; }
    [JsonPropertyName("klarna_reference")] public string? KlarnaReference { get; init; }
    [JsonPropertyName("manual_identification")] public ManualIdentification? ManualIdentification { get; init; }
    [JsonPropertyName("order_id")] public string? OrderId { get; init; }
    [JsonPropertyName("session_id")] public string? SessionId { get; init; }
    [JsonPropertyName("status")] public string? Status { get; init; }
    [JsonPropertyName("updated_at")] public DateTimeOffset? UpdatedAt { get; init; }
}

public sealed record Customer
{
    [JsonPropertyName("date_of_birth")] public string? DateOfBirth { get; init; }
    [JsonPropertyName("family_name")] public string? FamilyName { get; init; }
    [JsonPropertyName("given_name")] public string? GivenName { get; init; }
    [JsonPropertyName("national_identification_number")] public string? NationalIdentificationNumber { get; init; }
    [JsonPropertyName("title")] public string? Title { get; init; }
}

public sealed record ManualIdentification
{
    [JsonPropertyName("challenge")] public string? Challenge { get; init; }
    [JsonPropertyName("customer")] public Customer? Customer { get; init; }
    [JsonPropertyName("customer_obfuscated")] public Customer? CustomerObfuscated { get; init; }
    [JsonPropertyName("expires_at")] public DateTimeOffset? ExpiresAt { get; init; }
}

[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(SessionCreationResponse))]
[JsonSerializable(typeof(List<SessionResponse>))]
internal sealed partial class HandWrittenContext : JsonSerializerContext
{
}
