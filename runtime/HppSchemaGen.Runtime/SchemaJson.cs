using System;
using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using HppSchemaGen.Validation;

namespace HppSchemaGen;

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
        T? value = JsonSerializer.Deserialize(utf8Json, typeInfo);
        return value ?? throw new JsonException("The JSON value is null.");
    }

    /// <summary>Validates and, when valid, deserializes; malformed JSON is reported in <paramref name="result"/>.</summary>
    public static bool TryParse<T>(ReadOnlySpan<byte> utf8Json, NodeValidator validator, JsonTypeInfo<T> typeInfo, out T? value, out ValidationResult result)
        where T : class
        => TryRead(utf8Json, validator, typeInfo, out value, out result) && value is not null;

    /// <summary><see cref="TryParse{T}"/> for value types (integer, number, boolean and JsonElement roots).</summary>
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
            if (!result.IsValid) return false;
            value = JsonSerializer.Deserialize(utf8Json, typeInfo);
            return true;
        }
        catch (JsonException e)
        {
            result = Malformed(e);
            return false;
        }
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
