using System;
using System.Buffers;
using System.Collections.Generic;
using System.IO;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using HppSchemaGen.Validation;

namespace HppSchemaGen.Serialization;

/// <summary>
/// A list root read from a stream item by item, so that what is held is the records and one item's
/// bytes, not the whole document (as System.Text.Json's <c>DeserializeAsync</c> holds). Each item is
/// read by its record's one-pass reader and the finished list is judged by its value validator.
/// Anything the one-pass path cannot decide (an item the reader gives up on, malformed text, an
/// invalid list) makes the caller seek back and parse the whole document the two-step way, which
/// reports the errors exactly as <c>Parse(ReadOnlySpan&lt;byte&gt;)</c> does. So only seekable
/// streams are read this way; others are read whole first.
/// </summary>
internal sealed class ListStream<T>
    where T : class
{
    private const int InitialBuffer = 64 * 1024;

    private readonly FastReader<T> _item;
    private readonly List<T> _items = new();
    private JsonReaderState _state;
    private int _phase; // 0 before '[', 1 between items, 2 after ']'
    private byte[] _buffer = ArrayPool<byte>.Shared.Rent(InitialBuffer);
    private int _length;

    private ListStream(FastReader<T> item) => _item = item;

    private enum Status
    {
        NeedMore,
        Done,
        Fail,
    }

    /// <summary>
    /// The list; or null, the stream rewound to where it was, when the one-pass path could not decide
    /// (the caller then parses the stream whole); or null at once for a stream that cannot seek.
    /// </summary>
    public static List<T>? Read(Stream stream, FastReader<T> item, ValueValidator<List<T>> check)
    {
        if (stream is null || !stream.CanSeek) return null; // read whole by the caller, which also reports a null
        long start = stream.Position;
        var list = new ListStream<T>(item);
        try
        {
            while (true)
            {
                bool final = false;
                while (list._length < list._buffer.Length)
                {
                    int n = stream.Read(list._buffer, list._length, list._buffer.Length - list._length);
                    if (n == 0) { final = true; break; }
                    list._length += n;
                }
                if (list.Decided(final, check, out List<T>? result)) return result ?? Rewound(stream, start);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(list._buffer);
        }
    }

    /// <summary><see cref="Read"/>, reading the stream asynchronously.</summary>
    public static async Task<List<T>?> ReadAsync(Stream stream, FastReader<T> item, ValueValidator<List<T>> check, CancellationToken cancellationToken)
    {
        if (stream is null || !stream.CanSeek) return null; // read whole by the caller, which also reports a null
        long start = stream.Position;
        var list = new ListStream<T>(item);
        try
        {
            while (true)
            {
                bool final = false;
                while (list._length < list._buffer.Length)
                {
                    int n = await stream.ReadAsync(list._buffer.AsMemory(list._length), cancellationToken).ConfigureAwait(false);
                    if (n == 0) { final = true; break; }
                    list._length += n;
                }
                if (list.Decided(final, check, out List<T>? result)) return result ?? Rewound(stream, start);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(list._buffer);
        }
    }

    private static List<T>? Rewound(Stream stream, long start)
    {
        stream.Seek(start, SeekOrigin.Begin);
        return null;
    }

    /// <summary>
    /// After a fill (the buffer full, or the stream at its end): reads the items the buffer holds. True
    /// when that decided (<paramref name="result"/> the list, or null to fall back); false to read more,
    /// the unread rest (an incomplete item) moved to the buffer's front, the buffer grown if it is full.
    /// </summary>
    private bool Decided(bool final, ValueValidator<List<T>> check, out List<T>? result)
    {
        result = null;
        Status status = Feed(_buffer.AsSpan(0, _length), final, out int consumed);
        if (status == Status.Done) result = Judge(_items, check);
        if (status != Status.NeedMore) return true;
        Buffer.BlockCopy(_buffer, consumed, _buffer, 0, _length - consumed);
        _length -= consumed;
        if (_length == _buffer.Length) _buffer = SchemaJson.Grow(_buffer, _length);
        return false;
    }

    /// <summary>The list when its value validator finds it valid; null (fall back) otherwise, or when judging declines.</summary>
    private static List<T>? Judge(List<T> items, ValueValidator<List<T>> check)
    {
        try
        {
            return check(items, null, "", "") ? items : null;
        }
        catch (Exception e) when (SchemaJson.Declined(e))
        {
            return null;
        }
    }

    private Status Feed(ReadOnlySpan<byte> data, bool final, out int consumed)
    {
        var r = new Utf8JsonReader(data, final, _state);
        consumed = 0;
        try
        {
            while (true)
            {
                // Where to resume when an item is not all in the buffer yet.
                JsonReaderState resume = r.CurrentState;
                int at = (int)r.BytesConsumed;
                if (!r.Read())
                {
                    _state = resume;
                    consumed = at;
                    return final ? (_phase == 2 ? Status.Done : Status.Fail) : Status.NeedMore;
                }
                switch (_phase)
                {
                    case 0:
                        if (r.TokenType != JsonTokenType.StartArray) return Status.Fail;
                        _phase = 1;
                        break;
                    case 1:
                        if (r.TokenType == JsonTokenType.EndArray)
                        {
                            _phase = 2;
                            break;
                        }
                        if (r.TokenType == JsonTokenType.Null)
                        {
                            _items.Add(null!); // kept, and judged as null, as the list reader does
                            break;
                        }
                        if (r.TokenType != JsonTokenType.StartObject) return Status.Fail;
                        int start = (int)r.TokenStartIndex;
                        if (!r.TrySkip())
                        {
                            _state = resume;
                            consumed = at;
                            return Status.NeedMore;
                        }
                        var itemReader = new Utf8JsonReader(data.Slice(start, (int)r.BytesConsumed - start));
                        if (!itemReader.Read() || !_item(ref itemReader, out T? value)) return Status.Fail;
                        _items.Add(value);
                        break;
                    default:
                        return Status.Fail; // text after the array: the two-step path reports it
                }
            }
        }
        catch (Exception e) when (SchemaJson.Declined(e))
        {
            return Status.Fail;
        }
    }
}
