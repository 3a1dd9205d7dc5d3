using System;
using System.ComponentModel;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace HppSchemaGen.Serialization;

/// <summary>
/// JSON Schema numbers as <c>double</c>: a number beyond its range (<c>1e400</c>, valid for a schema
/// that sets no bound) is a <see cref="JsonException"/>, not infinity, which System.Text.Json's own
/// converter reads and then cannot write back.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class JsonDoubleConverter : JsonConverter<double>
{
    /// <inheritdoc />
    public override double Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.String && (options.NumberHandling & JsonNumberHandling.AllowReadingFromString) != 0)
        {
            string? text = reader.GetString();
            if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double parsed) && double.IsFinite(parsed)) return parsed;
            throw new JsonException($"The string '{text}' is not a number that fits in Double.");
        }
        if (reader.TokenType == JsonTokenType.Number && reader.TryGetDouble(out double value) && double.IsFinite(value)) return value;
        throw new JsonException(reader.TokenType == JsonTokenType.Number ? "The number does not fit in Double." : "Expected a JSON number for Double.");
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, double value, JsonSerializerOptions options) => writer.WriteNumberValue(value);
}

/// <inheritdoc cref="JsonDoubleConverter"/>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class JsonSingleConverter : JsonConverter<float>
{
    /// <inheritdoc />
    public override float Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.String && (options.NumberHandling & JsonNumberHandling.AllowReadingFromString) != 0)
        {
            string? text = reader.GetString();
            if (float.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out float parsed) && float.IsFinite(parsed)) return parsed;
            throw new JsonException($"The string '{text}' is not a number that fits in Single.");
        }
        if (reader.TokenType == JsonTokenType.Number && reader.TryGetSingle(out float value) && float.IsFinite(value)) return value;
        throw new JsonException(reader.TokenType == JsonTokenType.Number ? "The number does not fit in Single." : "Expected a JSON number for Single.");
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, float value, JsonSerializerOptions options) => writer.WriteNumberValue(value);
}
