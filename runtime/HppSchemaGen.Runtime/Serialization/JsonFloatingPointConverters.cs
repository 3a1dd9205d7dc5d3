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
        => FloatingPointReader.Text(ref reader, options) is { } text
            ? double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double parsed) && double.IsFinite(parsed) ? parsed : throw FloatingPointReader.Refused(text, "Double")
            : reader.TryGetDouble(out double value) && double.IsFinite(value) ? value : throw FloatingPointReader.Refused(null, "Double");

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, double value, JsonSerializerOptions options) => writer.WriteNumberValue(value);
}

/// <inheritdoc cref="JsonDoubleConverter"/>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class JsonSingleConverter : JsonConverter<float>
{
    /// <inheritdoc />
    public override float Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        => FloatingPointReader.Text(ref reader, options) is { } text
            ? float.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out float parsed) && float.IsFinite(parsed) ? parsed : throw FloatingPointReader.Refused(text, "Single")
            : reader.TryGetSingle(out float value) && float.IsFinite(value) ? value : throw FloatingPointReader.Refused(null, "Single");

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, float value, JsonSerializerOptions options) => writer.WriteNumberValue(value);
}

internal static class FloatingPointReader
{
    /// <summary>The text of a quoted number the options allow; null for a number token; anything else throws.</summary>
    public static string? Text(ref Utf8JsonReader reader, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.String && (options.NumberHandling & JsonNumberHandling.AllowReadingFromString) != 0) return reader.GetString() ?? string.Empty;
        if (reader.TokenType != JsonTokenType.Number) throw new JsonException("Expected a JSON number.");
        return null;
    }

    public static JsonException Refused(string? text, string typeName)
        => new(text is null ? $"The number does not fit in {typeName}." : $"The string '{text}' is not a number that fits in {typeName}.");
}
