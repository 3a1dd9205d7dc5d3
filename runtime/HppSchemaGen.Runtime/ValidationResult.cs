using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Json;

namespace HppSchemaGen;

/// <summary>The outcome of validating one instance: valid, or every error found.</summary>
public sealed class ValidationResult
{
    /// <summary>The shared result of every valid instance: validation allocates nothing then.</summary>
    public static ValidationResult Valid { get; } = new(Array.Empty<ValidationError>());

    /// <summary>Creates a result from the errors found (none means valid).</summary>
    public ValidationResult(IReadOnlyList<ValidationError> errors)
    {
        Errors = errors ?? throw new ArgumentNullException(nameof(errors));
    }

    /// <summary>True when the instance satisfies the schema.</summary>
    public bool IsValid => Errors.Count == 0;

    /// <summary>Every error found, in document order of evaluation.</summary>
    public IReadOnlyList<ValidationError> Errors { get; }

    /// <summary>
    /// Writes the result in the JSON Schema 2020-12 "basic" output format (Core, section 12.4.2): one
    /// object with <c>valid</c>, the root's <c>keywordLocation</c> and <c>instanceLocation</c> (both
    /// <c>""</c>), and when invalid an <c>errors</c> list, one unit per error with <c>valid</c>
    /// (false), <c>keywordLocation</c>, <c>absoluteKeywordLocation</c> (only when the path crossed a
    /// reference, see <see cref="ValidationError.AbsoluteKeywordLocation"/>), <c>instanceLocation</c>
    /// and <c>error</c>. The root carries the locations too, so the document satisfies the
    /// <c>basic</c> definition of the official output schema, not only <c>flag</c>.
    /// </summary>
    /// <param name="writer">Where to write; strings are escaped by its encoder. It is not flushed.</param>
    public void WriteBasicOutput(Utf8JsonWriter writer)
    {
        if (writer is null) throw new ArgumentNullException(nameof(writer));
        writer.WriteStartObject();
        writer.WriteBoolean("valid", IsValid);
        writer.WriteString("keywordLocation", string.Empty);
        writer.WriteString("instanceLocation", string.Empty);
        if (!IsValid)
        {
            writer.WritePropertyName("errors");
            WriteBasicOutputUnits(writer);
        }
        writer.WriteEndObject();
    }

    /// <summary>
    /// Writes only the error units of the "basic" output format as a JSON array (the <c>errors</c>
    /// of <see cref="WriteBasicOutput"/>), for embedding in a document of your own, such as an RFC 9457
    /// problem response. An empty array when valid.
    /// </summary>
    /// <param name="writer">Where to write; it is not flushed.</param>
    public void WriteBasicOutputUnits(Utf8JsonWriter writer)
    {
        if (writer is null) throw new ArgumentNullException(nameof(writer));
        writer.WriteStartArray();
        foreach (ValidationError error in Errors)
        {
            writer.WriteStartObject();
            writer.WriteBoolean("valid", false);
            writer.WriteString("keywordLocation", error.KeywordLocation);
            if (error.AbsoluteKeywordLocation is string absolute) writer.WriteString("absoluteKeywordLocation", absolute);
            writer.WriteString("instanceLocation", error.InstanceLocation);
            writer.WriteString("error", error.Message);
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
    }

    /// <summary>The "basic" output of <see cref="WriteBasicOutput"/> as UTF-8 JSON.</summary>
    /// <param name="options">Indentation and encoder; the default writes compact JSON escaped by <see cref="System.Text.Encodings.Web.JavaScriptEncoder.Default"/>.</param>
    public byte[] ToBasicOutputUtf8(JsonWriterOptions options = default)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, options)) WriteBasicOutput(writer);
        return buffer.ToArray();
    }

    /// <summary>The "basic" output of <see cref="WriteBasicOutput"/> as a JSON string.</summary>
    /// <param name="options">Indentation and encoder, as for <see cref="ToBasicOutputUtf8"/>.</param>
    public string ToBasicOutputJson(JsonWriterOptions options = default) => System.Text.Encoding.UTF8.GetString(ToBasicOutputUtf8(options));

    /// <inheritdoc />
    public override string ToString() => IsValid ? "valid" : string.Join(Environment.NewLine, Errors);
}
