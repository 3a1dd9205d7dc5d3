using System;
using System.ComponentModel;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace HppSchemaGen.Serialization;

/// <summary>
/// JSON Schema integers: <c>2.0</c> and <c>1e2</c> are integers, which System.Text.Json's own
/// converters refuse. Integral values are accepted whatever their spelling; fractions and values
/// outside the CLR type's range are a <see cref="JsonException"/>.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class JsonInt64Converter : JsonConverter<long>
{
    /// <inheritdoc />
    public override long Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        => IntegerReader.Read(ref reader, options, long.MinValue, long.MaxValue, "Int64");

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, long value, JsonSerializerOptions options) => writer.WriteNumberValue(value);
}

/// <inheritdoc cref="JsonInt64Converter"/>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class JsonInt32Converter : JsonConverter<int>
{
    /// <inheritdoc />
    public override int Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        => (int)IntegerReader.Read(ref reader, options, int.MinValue, int.MaxValue, "Int32");

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, int value, JsonSerializerOptions options) => writer.WriteNumberValue(value);
}

internal static class IntegerReader
{
    public static long Read(ref Utf8JsonReader reader, JsonSerializerOptions options, long min, long max, string typeName)
    {
        if (reader.TokenType == JsonTokenType.String && (options.NumberHandling & JsonNumberHandling.AllowReadingFromString) != 0)
        {
            string? text = reader.GetString();
            if (long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out long parsed) && parsed >= min && parsed <= max) return parsed;
            throw new JsonException($"The string '{text}' is not an integer that fits in {typeName}.");
        }
        if (reader.TokenType != JsonTokenType.Number) throw new JsonException($"Expected a JSON number for {typeName}.");
        if (reader.TryGetInt64(out long value) && value >= min && value <= max) return value;
        // An integer written with a fraction or exponent (2.0, 1e2) is read exactly as a decimal. A number
        // beyond decimal's range is beyond long's too; a double would round 2^63 + 1 to 2^63 and saturate.
        if (reader.TryGetDecimal(out decimal d) && d == decimal.Truncate(d) && d >= min && d <= max) return (long)d;
        throw new JsonException($"The number is not an integer that fits in {typeName}.");
    }
}
