using System;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using HppSchemaGen.Tests.Infrastructure;
using Xunit;

namespace HppSchemaGen.Tests.Parsing;

/// <summary>
/// A list of records parsed from a seekable stream is read item by item: the same result and errors
/// as parsing the whole text, while the reads ask for one buffer's worth, never the document's size.
/// </summary>
public class StreamedListTests
{
    private const string Schema = """
        {
          "title": "People",
          "type": "array",
          "maxItems": 100000,
          "items": { "$ref": "#/$defs/Person" },
          "$defs": {
            "Person": {
              "type": "object",
              "required": ["name"],
              "properties": {
                "name": { "type": "string", "maxLength": 300000 },
                "age": { "type": "integer", "minimum": 0 },
                "tags": { "type": "array", "items": { "type": "string" } }
              }
            }
          }
        }
        """;

    private static readonly Lazy<Type> s_people = new(() =>
    {
        var result = GeneratorHarness.RunSingle(Schema, "/schemas/people.schema.json");
        var (assembly, diagnostics) = GeneratorHarness.Emit(result);
        Assert.Empty(diagnostics.Select(d => d.ToString()));
        return assembly!.GetType("Consumer.People", throwOnError: true)!;
    });

    private static string Document(int count, Func<int, string>? item = null)
    {
        var sb = new StringBuilder("[\n");
        for (int i = 0; i < count; i++)
        {
            if (i > 0) sb.Append(",\n");
            sb.Append(item?.Invoke(i) ?? "{\"name\": \"person " + i + "\", \"age\": " + (i % 90) + ", \"tags\": [\"a\", \"b\"]}");
        }
        return sb.Append("\n]\n").ToString();
    }

    /// <summary>The outcome of a call: the result written as JSON, or the exception's type and message.</summary>
    private static string Outcome(Func<object?> call)
    {
        try
        {
            object? value = call();
            return "value " + JsonSerializer.Serialize(value);
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            return Describe(e.InnerException);
        }
        catch (AggregateException e) when (e.InnerException is not null)
        {
            return Describe(e.InnerException);
        }
    }

    private static string Describe(Exception e)
        => e is SchemaValidationException invalid
            ? "invalid " + string.Join("; ", invalid.Errors.Select(x => x.InstanceLocation + " " + x.KeywordLocation + " " + x.Message).OrderBy(x => x, StringComparer.Ordinal))
            : e.GetType().Name + ": " + e.Message;

    private static object? ParseText(string json) => s_people.Value.GetMethod("Parse", new[] { typeof(string) })!.Invoke(null, new object[] { json });

    private static object? ParseAsync(Stream stream)
    {
        var task = (Task)s_people.Value.GetMethod("ParseAsync", new[] { typeof(Stream), typeof(CancellationToken) })!.Invoke(null, new object[] { stream, CancellationToken.None })!;
        task.Wait();
        return task.GetType().GetProperty("Result")!.GetValue(task);
    }

    private static object? ParseStream(Stream stream) => s_people.Value.GetMethod("Parse", new[] { typeof(Stream) })!.Invoke(null, new object[] { stream });

    /// <summary>TryParse's outcome: the value as JSON, or its errors.</summary>
    private static string TryParse(object input)
    {
        object?[] args = { input, null, null };
        bool ok = (bool)s_people.Value.GetMethod("TryParse", new[] { input.GetType() == typeof(string) ? typeof(string) : typeof(Stream), ListType().MakeByRefType(), typeof(ValidationResult).MakeByRefType() })!.Invoke(null, args)!;
        return ok ? "value " + JsonSerializer.Serialize(args[1]) : "invalid " + string.Join("; ", ((ValidationResult)args[2]!).Errors.Select(x => x.InstanceLocation + " " + x.KeywordLocation + " " + x.Message).OrderBy(x => x, StringComparer.Ordinal));
    }

    private static Type ListType() => s_people.Value.GetMethod("Parse", new[] { typeof(string) })!.ReturnType;

    public static TheoryData<string, int> Cases()
    {
        var data = new TheoryData<string, int>();
        foreach (int chunk in new[] { 1, 7, 4093, 1 << 20 })
        {
            foreach (string name in new[] { "valid", "invalid near the end", "truncated", "an item larger than the buffer", "text after the list", "not a list",
                "deep nesting in an item", "invalid UTF-8 in an item", "a duplicate member", "a huge number", "a null item", "empty" })
            {
                data.Add(name, chunk);
            }
        }
        return data;
    }

    private static byte[] Input(string name)
    {
        if (name == "invalid UTF-8 in an item")
        {
            byte[] bytes = Encoding.UTF8.GetBytes(Document(3000, i => i == 2000 ? "{\"name\": \"@@\"}" : null!));
            int at = Array.IndexOf(bytes, (byte)'@');
            bytes[at] = 0xC3; // a lead byte followed by '@': not UTF-8
            return bytes;
        }
        return Encoding.UTF8.GetBytes(name switch
        {
            "valid" => Document(3000),
            "invalid near the end" => Document(3000, i => i == 2990 ? "{\"name\": 5, \"age\": -1}" : null!),
            "truncated" => Document(3000)[..40_000],
            "an item larger than the buffer" => Document(40, i => i == 20 ? "{\"name\": \"" + new string('x', 200_000) + "\"}" : null!),
            "text after the list" => Document(3000) + "{}",
            "not a list" => "{\"name\": \"x\"}",
            "deep nesting in an item" => Document(100, i => i == 50 ? "{\"name\": \"x\", \"tags\": " + new string('[', 300) + new string(']', 300) + "}" : null!),
            "a duplicate member" => Document(3000, i => i == 1500 ? "{\"name\": \"a\", \"name\": \"b\"}" : null!),
            "a huge number" => Document(3000, i => i == 1500 ? "{\"name\": \"a\", \"age\": 1e400}" : null!),
            "a null item" => Document(3000, i => i == 1500 ? "null" : null!),
            "empty" => "",
            _ => throw new ArgumentOutOfRangeException(nameof(name)),
        });
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_seekable_stream_parses_as_the_whole_bytes_do(string name, int chunk)
    {
        byte[] bytes = Input(name);
        // The reference: a stream that cannot seek is read whole and parsed as bytes (ParseEquivalenceTests
        // holds that equal to Parse(ReadOnlySpan<byte>) and to validate-then-deserialize).
        string expected = Outcome(() => ParseStream(new SeekableTrickle(bytes, 1 << 20, seekable: false)));
        Assert.Equal(expected, Outcome(() => ParseAsync(new SeekableTrickle(bytes, chunk))));
        Assert.Equal(expected, Outcome(() => ParseStream(new SeekableTrickle(bytes, chunk))));
        Assert.Equal(TryParse(new SeekableTrickle(bytes, 1 << 20, seekable: false)), TryParse(new SeekableTrickle(bytes, chunk)));
        if (name == "valid")
        {
            Assert.StartsWith("value [", expected, StringComparison.Ordinal);
            Assert.Equal(expected, Outcome(() => ParseText(Encoding.UTF8.GetString(bytes))));
        }
        if (name == "invalid near the end") Assert.Contains("/2990/name", expected, StringComparison.Ordinal);
    }

    [Fact]
    public void The_reads_ask_for_a_buffer_not_the_document()
    {
        // ~250 KB of small items: read whole, the first read would ask for the document's length.
        byte[] bytes = Encoding.UTF8.GetBytes(Document(5000));
        var stream = new SeekableTrickle(bytes, 1 << 20);
        Assert.StartsWith("value [", Outcome(() => ParseAsync(stream)), StringComparison.Ordinal);
        Assert.InRange(stream.LargestRequest, 1, 64 * 1024);
        Assert.True(bytes.Length > 4 * 64 * 1024);
        // The check can fail: a stream that cannot seek is read whole.
        var whole = new SeekableTrickle(bytes, 1 << 20, seekable: false);
        Assert.StartsWith("value [", Outcome(() => ParseStream(whole)), StringComparison.Ordinal);
        Assert.True(whole.LargestRequest > 64 * 1024, whole.LargestRequest.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }
}

/// <summary>A stream over bytes that returns at most <c>chunk</c> bytes per read and records the largest read asked for.</summary>
internal sealed class SeekableTrickle : Stream
{
    private readonly byte[] _data;
    private readonly int _chunk;
    private readonly bool _seekable;
    private int _position;

    public SeekableTrickle(byte[] data, int chunk, bool seekable = true)
    {
        _data = data;
        _chunk = chunk;
        _seekable = seekable;
    }

    public int LargestRequest { get; private set; }

    public override bool CanRead => true;

    public override bool CanSeek => _seekable;

    public override bool CanWrite => false;

    public override long Length => _seekable ? _data.Length : throw new NotSupportedException();

    public override long Position
    {
        get => _seekable ? _position : throw new NotSupportedException();
        set => _position = _seekable ? (int)value : throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count)
    {
        LargestRequest = Math.Max(LargestRequest, count);
        int n = Math.Min(Math.Min(count, _chunk), _data.Length - _position);
        Array.Copy(_data, _position, buffer, offset, n);
        _position += n;
        return n;
    }

    public override long Seek(long offset, SeekOrigin origin)
    {
        if (!_seekable) throw new NotSupportedException();
        _position = (int)(origin switch { SeekOrigin.Begin => offset, SeekOrigin.Current => _position + offset, _ => _data.Length + offset });
        return _position;
    }

    public override void Flush()
    {
    }

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
