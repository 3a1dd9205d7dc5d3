using System;
using System.Linq;
using System.Reflection;
using System.Text.Json;
using HppSchemaGen.Tests.Infrastructure;
using Xunit;

namespace HppSchemaGen.Tests.Parsing;

/// <summary>
/// Values the schema accepts but the member's CLR type cannot hold: <c>Parse</c> refuses them with a
/// <see cref="JsonException"/> (as docs/security.md says) instead of holding a different value, and the
/// values next to them, which do fit, round-trip exactly.
/// </summary>
public class RepresentationTests
{
    private const string Schema = """
        {"title": "R", "type": "object", "properties": {
          "i": {"type": "integer"}, "n": {"type": "number"}, "f": {"type": "number", "format": "float"},
          "i32": {"type": "integer", "format": "int32"}}}
        """;

    private static readonly Lazy<Type> s_type = new(() =>
    {
        var result = GeneratorHarness.RunSingle(Schema);
        Assert.Empty(result.CompileDiagnostics.Select(d => d.ToString()));
        return GeneratorHarness.Load(result)!.GetType("Consumer.R")!;
    });

    private static object Parse(string json)
    {
        MethodInfo parse = s_type.Value.GetMethod("Parse", new[] { typeof(string) })!;
        try
        {
            return parse.Invoke(null, new object[] { json })!;
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            throw e.InnerException;
        }
    }

    private static object? Member(object value, string name) => value.GetType().GetProperty(name)!.GetValue(value);

    [Theory]
    [InlineData("9223372036854775808")]
    [InlineData("-9223372036854775809")]
    [InlineData("9223372036854776000")]
    [InlineData("9223372036854775808.0")]
    [InlineData("9.223372036854775808e18")]
    [InlineData("1e19")]
    public void An_integer_just_outside_long_is_refused_not_saturated(string number)
        => Assert.ThrowsAny<JsonException>(() => Parse("{\"i\": " + number + "}"));

    [Theory]
    [InlineData("9223372036854775807", long.MaxValue)]
    [InlineData("-9223372036854775808", long.MinValue)]
    [InlineData("9223372036854774784.0", 9223372036854774784L)]
    [InlineData("-9.223372036854775808e18", long.MinValue)]
    [InlineData("1e2", 100L)]
    public void An_integer_at_the_edge_of_long_keeps_its_value(string number, long expected)
        => Assert.Equal(expected, Member(Parse("{\"i\": " + number + "}"), "I"));

    [Theory]
    [InlineData("2147483648")]
    [InlineData("-2147483649")]
    [InlineData("2147483648.0")]
    public void An_integer_just_outside_int_is_refused(string number)
        => Assert.ThrowsAny<JsonException>(() => Parse("{\"i32\": " + number + "}"));

    [Theory]
    [InlineData("n", "1e400")]
    [InlineData("n", "-1e400")]
    [InlineData("f", "1e39")]
    [InlineData("f", "-3.5e38")]
    public void A_number_beyond_the_floating_point_range_is_refused_not_read_as_infinity(string member, string number)
        => Assert.ThrowsAny<JsonException>(() => Parse("{\"" + member + "\": " + number + "}"));

    [Fact]
    public void The_largest_finite_numbers_round_trip()
    {
        object value = Parse("{\"n\": 1.7976931348623157e308, \"f\": 3.4028235e38}");
        Assert.Equal(double.MaxValue, Member(value, "N"));
        Assert.Equal(float.MaxValue, Member(value, "F"));
    }

    /// <summary>A valid null root (the schema allows null): Parse says why it has no value, and TryParse's false comes with that error.</summary>
    [Fact]
    public void A_valid_null_root_is_reported_not_silently_false()
    {
        var result = GeneratorHarness.RunSingle("""{"title": "N", "type": ["object", "null"], "properties": {"a": {"type": "string"}}}""");
        Assert.Empty(result.CompileDiagnostics.Select(d => d.ToString()));
        Type n = GeneratorHarness.Load(result)!.GetType("Consumer.N")!;
        var args = new object?[] { "null", null, null };
        Assert.False((bool)n.GetMethod("TryParse", new[] { typeof(string), n.MakeByRefType(), typeof(ValidationResult).MakeByRefType() })!.Invoke(null, args)!);
        ValidationResult r = (ValidationResult)args[2]!;
        Assert.False(r.IsValid);
        Assert.StartsWith("The JSON is valid against the schema, but the generated type cannot hold it: the value is null", Assert.Single(r.Errors).Message);
        var e = Assert.Throws<TargetInvocationException>(() => n.GetMethod("Parse", new[] { typeof(string) })!.Invoke(null, new object[] { "null" }));
        Assert.StartsWith("The JSON is valid against the schema, but the generated type cannot hold it: the value is null", Assert.IsAssignableFrom<JsonException>(e.InnerException).Message);
    }
}
