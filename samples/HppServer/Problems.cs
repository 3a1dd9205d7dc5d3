using System;
using System.IO;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Threading.Tasks;
using HppSchemaGen;
using Microsoft.AspNetCore.Http;

namespace HppServer;

/// <summary>
/// RFC 9457 problem details (<c>application/problem+json</c>), written with a <see cref="Utf8JsonWriter"/>:
/// no reflection serializer, and the member order is the RFC's. Each kind of problem has its own
/// <c>type</c> URI, so a merchant's test can assert on it instead of parsing <c>detail</c>.
/// </summary>
internal static class Problems
{
    public const string MediaType = "application/problem+json";

    // Problem types: URNs, not URLs, because this stand-in documents them in its README, not on the web.
    public const string InvalidBody = "urn:hppserver:problem:invalid-body";
    public const string MalformedJson = "urn:hppserver:problem:malformed-json";
    public const string EmptyBody = "urn:hppserver:problem:empty-body";
    public const string BodyTooLarge = "urn:hppserver:problem:body-too-large";
    public const string SessionNotFound = "urn:hppserver:problem:session-not-found";
    public const string DistributionContactMissing = "urn:hppserver:problem:distribution-contact-missing";

    // The body is JSON with its own media type, never inlined into HTML: readable quotes and
    // non-ASCII matter more to someone reading a failed test than HTML-safe escapes.
    private static readonly JsonWriterOptions s_writerOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, Indented = true };

    /// <summary>A problem with no extension members; <c>about:blank</c> when <paramref name="type"/> is null (RFC 9457 section 4.2.1).</summary>
    public static Task Write(HttpContext context, int status, string? type, string title, string detail)
        => Write(context, status, type, title, detail, null);

    /// <summary>
    /// A request body that is well-formed JSON but does not satisfy the schema: <c>errors</c> lists each
    /// failing value by JSON Pointer with its message and keyword locations; <c>output</c> is the same
    /// result in the JSON Schema "basic" output format.
    /// </summary>
    public static Task WriteInvalid(HttpContext context, string schemaName, ValidationResult result)
        => Write(context, StatusCodes.Status400BadRequest, InvalidBody, "The request body does not satisfy the schema.",
            $"The body is not a valid {schemaName}: {result.Errors.Count} error(s).",
            writer =>
            {
                writer.WriteStartArray("errors");
                foreach (ValidationError error in result.Errors)
                {
                    writer.WriteStartObject();
                    writer.WriteString("pointer", error.InstanceLocation);
                    writer.WriteString("detail", error.Message);
                    writer.WriteString("keywordLocation", error.KeywordLocation);
                    if (error.AbsoluteKeywordLocation is string absolute) writer.WriteString("absoluteKeywordLocation", absolute);
                    writer.WriteEndObject();
                }
                writer.WriteEndArray();
                writer.WritePropertyName("output");
                result.WriteBasicOutput(writer);
            });

    /// <summary>A 400 for a rule the schema cannot state (which contact a distribution method needs), in the same <c>errors</c> shape.</summary>
    public static Task WriteMissingContact(HttpContext context, string pointer, string detail)
        => Write(context, StatusCodes.Status400BadRequest, DistributionContactMissing, "The distribution method needs a contact detail.", detail,
            writer =>
            {
                writer.WriteStartArray("errors");
                writer.WriteStartObject();
                writer.WriteString("pointer", pointer);
                writer.WriteString("detail", detail);
                writer.WriteEndObject();
                writer.WriteEndArray();
            });

    private static async Task Write(HttpContext context, int status, string? type, string title, string detail, Action<Utf8JsonWriter>? extensions)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, s_writerOptions))
        {
            writer.WriteStartObject();
            writer.WriteString("type", type ?? "about:blank");
            writer.WriteString("title", title);
            writer.WriteNumber("status", status);
            writer.WriteString("detail", detail);
            writer.WriteString("instance", context.Request.Path.Value ?? string.Empty);
            extensions?.Invoke(writer);
            writer.WriteEndObject();
        }
        context.Response.StatusCode = status;
        context.Response.ContentType = MediaType;
        context.Response.ContentLength = buffer.Length;
        await context.Response.Body.WriteAsync(buffer.GetBuffer().AsMemory(0, (int)buffer.Length), context.RequestAborted);
    }
}
