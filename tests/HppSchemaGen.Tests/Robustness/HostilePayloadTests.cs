using System;
using System.Diagnostics;
using System.Linq;
using System.Text;
using System.Text.Json;
using HppSchemaGen.Tests.Infrastructure;
using Xunit;

namespace HppSchemaGen.Tests.Robustness;

/// <summary>
/// Validators run on data from the network: crafted payloads must not hang, crash or bypass them.
/// Every test enforces its own time bound.
/// </summary>
[Collection(HppSchemaGen.Tests.Infrastructure.HeavyCollection.Name)]
public class HostilePayloadTests
{
    private static Func<JsonElement, ValidationResult> Compile(string schema, string type)
    {
        var result = GeneratorHarness.RunSingle(schema);
        Assert.Empty(result.CompileDiagnostics.Select(d => d.ToString()));
        return GeneratorHarness.Validator(GeneratorHarness.Load(result)!, type);
    }

    private static T Within<T>(TimeSpan limit, Func<T> action)
    {
        var watch = Stopwatch.StartNew();
        T value = action();
        Assert.True(watch.Elapsed < limit, $"took {watch.Elapsed}, limit {limit}");
        return value;
    }

    [Fact]
    public void Nesting_deeper_than_the_stack_allows_is_an_error_not_a_crash()
    {
        var validate = Compile("""{"title": "N", "type": "object", "properties": {"n": {"$ref": "#"}}}""", "N");
        const int depth = 50_000;
        var sb = new StringBuilder(depth * 7);
        for (int i = 0; i < depth; i++) sb.Append("{\"n\":");
        sb.Append("{}");
        sb.Append('}', depth);
        using JsonDocument doc = JsonDocument.Parse(sb.ToString(), new JsonDocumentOptions { MaxDepth = depth + 10 });
        // A small stack (as on a busy server's worker) makes the limit certain to be reached.
        ValidationResult? r = null;
        var thread = new System.Threading.Thread(() => r = validate(doc.RootElement), maxStackSize: 256 * 1024);
        Within(TimeSpan.FromSeconds(20), () => { thread.Start(); thread.Join(); return 0; });
        Assert.NotNull(r);
        Assert.False(r!.IsValid);
        Assert.Contains("nests too deeply", r.Errors[0].Message);
    }

    [Fact]
    public void Nesting_deeper_than_the_reader_max_depth_is_a_JsonException_from_Parse()
    {
        var result = GeneratorHarness.RunSingle("""{"title": "N", "type": "object", "properties": {"n": {"$ref": "#"}}}""");
        var parse = GeneratorHarness.Load(result)!.GetType("Consumer.N")!.GetMethod("Parse", new[] { typeof(System.ReadOnlySpan<byte>) })!;
        string json = string.Concat(Enumerable.Repeat("{\"n\":", 100)) + "{}" + new string('}', 100);
        Assert.ThrowsAny<JsonException>(() => InvokeParse(parse, Encoding.UTF8.GetBytes(json)));
    }

    private static object? InvokeParse(System.Reflection.MethodInfo parse, byte[] utf8)
    {
        // ReadOnlySpan<byte> cannot be boxed: build a delegate of the exact signature.
        var del = parse.CreateDelegate<ParseBytes>();
        return del(utf8);
    }

    private delegate object ParseBytes(ReadOnlySpan<byte> utf8);

    [Fact]
    public void Hundred_megabyte_string_is_checked_in_linear_time()
    {
        var validate = Compile("""{"title": "S", "type": "string", "maxLength": 1000, "pattern": "^[a-z]*$"}""", "S");
        string big = "\"" + new string('a', 100_000_000) + "\"";
        using JsonDocument doc = JsonDocument.Parse(big);
        ValidationResult r = Within(TimeSpan.FromSeconds(30), () => validate(doc.RootElement));
        Assert.False(r.IsValid);
        Assert.Single(r.Errors);
        Assert.EndsWith("/maxLength", r.Errors[0].KeywordLocation);
    }

    [Fact]
    public void UniqueItems_on_a_million_items_is_not_quadratic()
    {
        var validate = Compile("""{"title": "A", "type": "array", "uniqueItems": true}""", "A");
        var sb = new StringBuilder("[");
        for (int i = 0; i < 1_000_000; i++) sb.Append(i % 2 == 0 ? $"{i}," : $"{{\"k\":\"v{i}\"}},");
        sb.Append("{\"k\":\"v1\"}]"); // one duplicate, at the very end
        using JsonDocument doc = JsonDocument.Parse(sb.ToString());
        ValidationResult r = Within(TimeSpan.FromSeconds(30), () => validate(doc.RootElement));
        Assert.False(r.IsValid);
    }

    [Fact]
    public void Catastrophic_backtracking_pattern_does_not_hang()
    {
        var validate = Compile("""{"title": "P", "type": "string", "pattern": "^(a+)+$"}""", "P");
        string evil = "\"" + new string('a', 100_000) + "!\"";
        using JsonDocument doc = JsonDocument.Parse(evil);
        Assert.False(Within(TimeSpan.FromSeconds(10), () => validate(doc.RootElement)).IsValid);
    }

    [Fact]
    public void Backreference_pattern_runs_under_a_timeout()
    {
        var validate = Compile("""{"title": "B", "type": "string", "pattern": "^(a|aa)+(\\1)+$"}""", "B");
        string evil = "\"" + new string('a', 30_000) + "b\"";
        using JsonDocument doc = JsonDocument.Parse(evil);
        Assert.False(Within(TimeSpan.FromSeconds(15), () => validate(doc.RootElement)).IsValid);
    }

    [Fact]
    public void Every_duplicate_member_is_validated()
    {
        var validate = Compile("""{"title": "D", "type": "object", "properties": {"a": {"type": "integer"}}}""", "D");
        using JsonDocument first = JsonDocument.Parse("""{"a": "not a number", "a": 1}""");
        using JsonDocument last = JsonDocument.Parse("""{"a": 1, "a": "not a number"}""");
        Assert.False(validate(first.RootElement).IsValid);
        Assert.False(validate(last.RootElement).IsValid);
    }

    [Fact]
    public void Numbers_beyond_long_double_and_decimal_are_judged_exactly()
    {
        var integer = Compile("""{"title": "I", "type": "integer", "maximum": 1e300}""", "I");
        string digits400 = "1" + new string('0', 399);
        using (JsonDocument d = JsonDocument.Parse(digits400)) Assert.False(integer(d.RootElement).IsValid); // an integer, above the maximum
        using (JsonDocument d = JsonDocument.Parse("1e200")) Assert.True(integer(d.RootElement).IsValid);
        using (JsonDocument d = JsonDocument.Parse("1e400")) Assert.False(integer(d.RootElement).IsValid);
        using (JsonDocument d = JsonDocument.Parse("-1e400")) Assert.True(integer(d.RootElement).IsValid);
        using (JsonDocument d = JsonDocument.Parse("1.5e-400")) Assert.False(integer(d.RootElement).IsValid);
        var number = Compile("""{"title": "R", "type": "number", "exclusiveMinimum": 0}""", "R");
        using (JsonDocument d = JsonDocument.Parse("1e-400")) Assert.True(number(d.RootElement).IsValid);
        using (JsonDocument d = JsonDocument.Parse("-1e-400")) Assert.False(number(d.RootElement).IsValid);
    }

    [Fact]
    public void Invalid_utf8_is_malformed_not_a_crash()
    {
        var result = GeneratorHarness.RunSingle("""{"title": "U", "type": "object", "properties": {"s": {"type": "string"}}}""");
        var parse = GeneratorHarness.Load(result)!.GetType("Consumer.U")!.GetMethod("Parse", new[] { typeof(System.ReadOnlySpan<byte>) })!;
        byte[] bad = { (byte)'{', (byte)'"', (byte)'s', (byte)'"', (byte)':', (byte)'"', 0xC3, 0x28, (byte)'"', (byte)'}' };
        Assert.ThrowsAny<JsonException>(() => InvokeParse(parse, bad));
    }

    [Fact]
    public void Member_names_escaping_lone_surrogates_are_validated_not_a_crash()
    {
        var validate = Compile("""{"title": "L", "type": "object", "required": ["a"], "properties": {"a": {"type": "integer"}}, "patternProperties": {"^x": {"type": "string"}}, "propertyNames": {"maxLength": 3}, "additionalProperties": {"type": "integer"}}""", "L");
        using JsonDocument doc = JsonDocument.Parse("{\"\\ud800\": \"s\", \"a\": 1}");
        ValidationResult r = validate(doc.RootElement);
        Assert.False(r.IsValid); // additionalProperties: the odd member is not an integer
        Assert.Contains(r.Errors, e => e.KeywordLocation.EndsWith("/additionalProperties/type", System.StringComparison.Ordinal));
        using JsonDocument missing = JsonDocument.Parse("{\"\\ud800\": 1}");
        Assert.Contains(validate(missing.RootElement).Errors, e => e.KeywordLocation.EndsWith("/required", System.StringComparison.Ordinal));
    }
}
