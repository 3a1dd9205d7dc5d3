using System;
using System.Buffers;
using System.Collections.Generic;
using System.ComponentModel;
using System.Diagnostics.CodeAnalysis;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using HppSchemaGen.Validation;

namespace HppSchemaGen;

/// <summary>A generated one-pass reader (<c>Read</c> of a record's metadata class in the context): false means "validate the bytes first", never "invalid".</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public delegate bool FastReader<T>(ref Utf8JsonReader reader, [NotNullWhen(true)] out T? value) where T : class;

/// <summary>A generated <c>Parse(ReadOnlySpan&lt;byte&gt;)</c>.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public delegate T SpanParser<T>(ReadOnlySpan<byte> utf8Json);

/// <summary>A generated <c>TryParse(ReadOnlySpan&lt;byte&gt;, ...)</c>.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public delegate bool SpanTryParser<T>(ReadOnlySpan<byte> utf8Json, out T? value, out ValidationResult result);

/// <summary>
/// The bodies of every generated <c>Parse</c>/<c>TryParse</c>: validate the bytes, then deserialize
/// them through the generated context. One copy here instead of one per generated type.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class SchemaJson
{
    /// <summary>Validates, then deserializes; throws <see cref="SchemaValidationException"/> or <see cref="JsonException"/>.</summary>
    public static T Parse<T>(ReadOnlySpan<byte> utf8Json, NodeValidator validator, JsonTypeInfo<T> typeInfo)
    {
        ValidationResult result = Validate(utf8Json, validator);
        if (!result.IsValid) throw new SchemaValidationException(result.Errors);
        T? value = Deserialize(utf8Json, typeInfo);
        return value ?? throw new JsonException(UnrepresentablePrefix + NullValue);
    }

    /// <summary>Validates and, when valid, deserializes; malformed JSON is reported in <paramref name="result"/>.</summary>
    public static bool TryParse<T>(ReadOnlySpan<byte> utf8Json, NodeValidator validator, JsonTypeInfo<T> typeInfo, out T? value, out ValidationResult result)
        where T : class
    {
        if (!TryRead(utf8Json, validator, typeInfo, out value, out result)) return false;
        if (value is not null) return true;
        // A valid null root (a schema that allows null): false must come with an error that says why.
        result = new(new[] { new ValidationError("", "", UnrepresentablePrefix + NullValue) });
        return false;
    }

    /// <summary><c>TryParse</c> for value types (integer, number, boolean and JsonElement roots).</summary>
    public static bool TryParseValue<T>(ReadOnlySpan<byte> utf8Json, NodeValidator validator, JsonTypeInfo<T> typeInfo, out T? value, out ValidationResult result)
        where T : struct
    {
        bool ok = TryRead(utf8Json, validator, typeInfo, out T read, out result);
        value = ok ? read : null;
        return ok;
    }

    private static bool TryRead<T>(ReadOnlySpan<byte> utf8Json, NodeValidator validator, JsonTypeInfo<T> typeInfo, out T? value, out ValidationResult result)
    {
        value = default;
        try
        {
            result = Validate(utf8Json, validator);
        }
        catch (JsonException e)
        {
            result = Malformed(e);
            return false;
        }
        if (!result.IsValid) return false;
        try
        {
            value = Deserialize(utf8Json, typeInfo);
            return true;
        }
        catch (JsonException e)
        {
            result = Undecodable(e) ? Malformed(e) : new(new[] { new ValidationError("", "", e.Message) });
            return false;
        }
    }

    private const string UnrepresentablePrefix = "The JSON is valid against the schema, but the generated type cannot hold it: ";

    private const string NullValue = "the value is null (Parse returns a value; validate a document that may be null with Validate).";

    /// <summary>
    /// Deserializes JSON the validator has accepted. What fails here is well-formed and valid, but a
    /// value the generated type cannot hold (a number beyond its range, a string where a schema with
    /// <c>properties</c> and no <c>type</c> was typed as a record): said so, not called malformed.
    /// </summary>
    private static T? Deserialize<T>(ReadOnlySpan<byte> utf8Json, JsonTypeInfo<T> typeInfo)
    {
        try
        {
            return JsonSerializer.Deserialize(utf8Json, typeInfo);
        }
        catch (JsonException e) when (!Undecodable(e))
        {
            throw new JsonException(UnrepresentablePrefix + e.Message, e.Path, e.LineNumber, e.BytePositionInLine, e);
        }
    }

    /// <summary>
    /// Text the validator could not judge because it cannot be decoded (invalid UTF-8 or a lone
    /// surrogate in a string, which the document model leaves undecoded until a string is read): malformed.
    /// </summary>
    private static bool Undecodable(JsonException e) => e.InnerException is InvalidOperationException or System.Text.DecoderFallbackException or ArgumentException;

    /// <summary>
    /// <c>Parse</c> of a record with a one-pass reader: read the record and judge what was read
    /// (one pass over the bytes, nothing built but the record); when the reader gives up or the
    /// record is invalid, the bytes are validated and deserialized as in the two-step form, whose
    /// errors and exceptions are the ones reported.
    /// </summary>
    public static T Parse<T>(ReadOnlySpan<byte> utf8Json, FastReader<T> read, ValueValidator<T> check, NodeValidator validator, JsonTypeInfo<T> typeInfo)
        where T : class
        => TryRead(utf8Json, read, check, out T? value) ? value : Parse(utf8Json, validator, typeInfo);

    /// <summary><c>TryParse</c> of a record with a one-pass reader (see the <c>Parse</c> above).</summary>
    public static bool TryParse<T>(ReadOnlySpan<byte> utf8Json, FastReader<T> read, ValueValidator<T> check, NodeValidator validator, JsonTypeInfo<T> typeInfo, [NotNullWhen(true)] out T? value, out ValidationResult result)
        where T : class
    {
        if (TryRead(utf8Json, read, check, out value))
        {
            result = ValidationResult.Valid;
            return true;
        }
        return TryParse(utf8Json, validator, typeInfo, out value, out result);
    }

    private static bool TryRead<T>(ReadOnlySpan<byte> utf8Json, FastReader<T> read, ValueValidator<T> check, [NotNullWhen(true)] out T? value)
        where T : class
    {
        value = null;
        try
        {
            var reader = new Utf8JsonReader(utf8Json);
            // Text after the value throws here, as in the two-step form.
            if (!reader.Read() || !read(ref reader, out T? read1) || reader.Read()) return false;
            if (!check(read1, null, "", "")) return false;
            value = read1;
            return true;
        }
        catch (Exception e) when (Declined(e))
        {
            return false;
        }
    }

    /// <summary>
    /// What makes the one-pass path decline and leave the document to the two-step path, which reports
    /// it: malformed text, a string that cannot be decoded (a lone surrogate, also in extension data
    /// the value validator writes), nesting beyond the stack.
    /// </summary>
    internal static bool Declined(Exception e) => e is JsonException or InvalidOperationException or InsufficientExecutionStackException;

    /// <summary><c>Parse(string)</c>: the UTF-8 of <paramref name="json"/>, in a pooled buffer.</summary>
    public static T Parse<T>(string json, SpanParser<T> parse)
    {
        byte[] buffer = ArrayPool<byte>.Shared.Rent(System.Text.Encoding.UTF8.GetMaxByteCount((json ?? throw new ArgumentNullException(nameof(json))).Length));
        try
        {
            return parse(buffer.AsSpan(0, System.Text.Encoding.UTF8.GetBytes(json, 0, json.Length, buffer, 0)));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary><c>TryParse(string, ...)</c>.</summary>
    public static bool TryParse<T>(string json, SpanTryParser<T> parse, out T? value, out ValidationResult result)
    {
        byte[] buffer = ArrayPool<byte>.Shared.Rent(System.Text.Encoding.UTF8.GetMaxByteCount((json ?? throw new ArgumentNullException(nameof(json))).Length));
        try
        {
            return parse(buffer.AsSpan(0, System.Text.Encoding.UTF8.GetBytes(json, 0, json.Length, buffer, 0)), out value, out result);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>
    /// <c>Parse(Stream)</c>: the stream is read to its end into a pooled buffer (a document is judged
    /// whole: its schema errors may come from anywhere in it), then parsed as bytes. A stream that
    /// ends early is malformed JSON, as for bytes.
    /// </summary>
    public static T Parse<T>(Stream utf8Json, SpanParser<T> parse)
    {
        byte[] buffer = ReadAll(utf8Json, out int length);
        try
        {
            return parse(buffer.AsSpan(0, length));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>
    /// <c>Parse(Stream)</c> of a list of records with a one-pass reader: a seekable stream is read item
    /// by item (<see cref="Serialization.ListStream{T}"/>), holding the records and one item's bytes
    /// rather than the whole document; when that path cannot decide, it rewinds the stream and it is
    /// parsed whole, with the same errors. Other streams are read whole.
    /// </summary>
    public static List<T> ParseList<T>(Stream utf8Json, FastReader<T> item, ValueValidator<List<T>> check, SpanParser<List<T>> parse)
        where T : class
        => Serialization.ListStream<T>.Read(utf8Json, item, check) ?? Parse(utf8Json, parse);

    /// <summary><c>TryParse(Stream, ...)</c> of a list of records, read as <see cref="ParseList{T}"/> reads it.</summary>
    public static bool TryParseList<T>(Stream utf8Json, FastReader<T> item, ValueValidator<List<T>> check, SpanTryParser<List<T>> parse, [NotNullWhen(true)] out List<T>? value, out ValidationResult result)
        where T : class
    {
        value = Serialization.ListStream<T>.Read(utf8Json, item, check);
        if (value is null) return TryParse(utf8Json, parse, out value, out result) && value is not null;
        result = ValidationResult.Valid;
        return true;
    }

    /// <summary><c>ParseAsync(Stream, CancellationToken)</c> of a list of records, read as <see cref="ParseList{T}"/> reads it.</summary>
    public static async Task<List<T>> ParseListAsync<T>(Stream utf8Json, FastReader<T> item, ValueValidator<List<T>> check, SpanParser<List<T>> parse, CancellationToken cancellationToken)
        where T : class
        => await Serialization.ListStream<T>.ReadAsync(utf8Json, item, check, cancellationToken).ConfigureAwait(false)
            ?? await ParseAsync(utf8Json, parse, cancellationToken).ConfigureAwait(false);

    /// <summary><c>TryParse(Stream, ...)</c>.</summary>
    public static bool TryParse<T>(Stream utf8Json, SpanTryParser<T> parse, out T? value, out ValidationResult result)
    {
        byte[] buffer = ReadAll(utf8Json, out int length);
        try
        {
            return parse(buffer.AsSpan(0, length), out value, out result);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary><c>ParseAsync(Stream, CancellationToken)</c>: reads asynchronously, then parses as <c>Parse(Stream)</c> does.</summary>
    public static async Task<T> ParseAsync<T>(Stream utf8Json, SpanParser<T> parse, CancellationToken cancellationToken)
    {
        (byte[] buffer, int length) = await ReadAllAsync(utf8Json, cancellationToken).ConfigureAwait(false);
        try
        {
            return parse(buffer.AsSpan(0, length));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static byte[] ReadAll(Stream stream, out int length)
    {
        if (stream is null) throw new ArgumentNullException(nameof(stream));
        byte[] buffer = ArrayPool<byte>.Shared.Rent(stream.CanSeek ? (int)Math.Min(Math.Max(stream.Length - stream.Position + 1, 256), Array.MaxLength) : 16_384);
        length = 0;
        int n;
        while ((n = stream.Read(buffer, length, buffer.Length - length)) > 0)
        {
            length += n;
            if (length == buffer.Length) buffer = Grow(buffer, length);
        }
        return buffer;
    }

    private static async Task<(byte[], int)> ReadAllAsync(Stream stream, CancellationToken cancellationToken)
    {
        if (stream is null) throw new ArgumentNullException(nameof(stream));
        byte[] buffer = ArrayPool<byte>.Shared.Rent(stream.CanSeek ? (int)Math.Min(Math.Max(stream.Length - stream.Position + 1, 256), Array.MaxLength) : 16_384);
        int length = 0;
        int n;
        while ((n = await stream.ReadAsync(buffer.AsMemory(length), cancellationToken).ConfigureAwait(false)) > 0)
        {
            length += n;
            if (length == buffer.Length) buffer = Grow(buffer, length);
        }
        return (buffer, length);
    }

    /// <summary>A pooled buffer twice as large holding the first <paramref name="length"/> bytes (the old one returned).</summary>
    internal static byte[] Grow(byte[] buffer, int length)
    {
        byte[] larger = ArrayPool<byte>.Shared.Rent(buffer.Length >= Array.MaxLength / 2 ? Array.MaxLength : buffer.Length * 2);
        if (larger.Length <= length) throw new JsonException("The document is larger than an array can hold.");
        Buffer.BlockCopy(buffer, 0, larger, 0, length);
        ArrayPool<byte>.Shared.Return(buffer);
        return larger;
    }

    /// <summary>Validates UTF-8 JSON (one value); malformed text throws <see cref="JsonException"/>.</summary>
    public static ValidationResult Validate(ReadOnlySpan<byte> utf8Json, NodeValidator validator)
    {
        var reader = new Utf8JsonReader(utf8Json);
        using JsonDocument document = JsonDocument.ParseValue(ref reader);
        // Text after the value ("{} {}") is malformed whatever the value is: the reader throws on it
        // here, before schema errors about the first value could be reported instead.
        reader.Read();
        return ValidatorRunner.Run(document.RootElement, validator);
    }

    private static ValidationResult Malformed(JsonException e)
        => new(new[] { new ValidationError("", "", "Malformed JSON: " + e.Message) });
}
