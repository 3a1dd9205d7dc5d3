using System;
using System.ComponentModel;
using System.Text;
using System.Text.Json;
#if NET9_0_OR_GREATER
using System.Runtime.InteropServices;
#endif

namespace HppSchemaGen.Validation;

/// <summary>
/// A fixed list of member names (a schema's <c>properties</c>, <c>required</c> ...), built once.
/// <see cref="Find(JsonProperty)"/> maps a member to its position without comparing every name in turn: on .NET 9+
/// it hashes the member's raw UTF-8 name (no allocation); escaped names and older runtimes compare.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class NameTable
{
    private readonly string[] _names;
    private readonly byte[][] _utf8;
    private readonly bool[] _lone; // names with lone surrogates have no UTF-8 form: compared as strings
    private readonly int[] _buckets; // open addressing: index + 1, 0 = empty
    private readonly int _mask;

    /// <summary>Creates the table; positions follow the order given.</summary>
    public NameTable(params string[] names)
    {
        _names = names;
        _utf8 = new byte[names.Length][];
        _lone = new bool[names.Length];
        for (int i = 0; i < names.Length; i++)
        {
            _lone[i] = Utf16.HasLoneSurrogate(names[i]);
            _utf8[i] = Encoding.UTF8.GetBytes(names[i]);
        }
        int size = 4;
        while (size < names.Length * 2) size <<= 1;
        _buckets = new int[size];
        _mask = size - 1;
        for (int i = 0; i < names.Length; i++)
        {
            if (_lone[i]) continue;
            int slot = Hash(_utf8[i]) & _mask;
            while (_buckets[slot] != 0)
            {
                if (_utf8[_buckets[slot] - 1].AsSpan().SequenceEqual(_utf8[i])) break; // a duplicate keeps its first position
                slot = (slot + 1) & _mask;
            }
            if (_buckets[slot] == 0) _buckets[slot] = i + 1;
        }
    }

    /// <summary>Number of names.</summary>
    public int Count => _names.Length;

    /// <summary>The name at <paramref name="index"/>.</summary>
    public string this[int index] => _names[index];

    /// <summary>The position of <paramref name="member"/>'s name, or -1.</summary>
    public int Find(JsonProperty member)
    {
#if NET9_0_OR_GREATER
        ReadOnlySpan<byte> raw = JsonMarshal.GetRawUtf8PropertyName(member);
        if (raw.IndexOf((byte)'\\') < 0)
        {
            int found = Find(raw);
            return found >= 0 ? found : FindLone(member);
        }
#endif
        try
        {
            for (int i = 0; i < _names.Length; i++)
            {
                if (_lone[i] ? member.NameEquals(_names[i]) : member.NameEquals(_utf8[i])) return i;
            }
        }
        catch (InvalidOperationException)
        {
            // The member's name escapes a lone surrogate: it has no text to compare, so it is no known name.
        }
        return -1;
    }

    /// <summary>
    /// The position of the name whose UTF-8 form is <paramref name="utf8"/> (an unescaped name), or -1.
    /// Names with lone surrogates have no UTF-8 form and are never found this way.
    /// </summary>
    public int Find(ReadOnlySpan<byte> utf8)
    {
        if (_names.Length <= LinearLimit)
        {
            // A few names: comparing spans (length first) beats hashing.
            for (int i = 0; i < _utf8.Length; i++)
            {
                if (!_lone[i] && utf8.SequenceEqual(_utf8[i])) return i;
            }
            return -1;
        }
        int slot = Hash(utf8) & _mask;
        while (true)
        {
            int entry = _buckets[slot];
            if (entry == 0) return -1;
            if (utf8.SequenceEqual(_utf8[entry - 1])) return entry - 1;
            slot = (slot + 1) & _mask;
        }
    }

    private int FindLone(JsonProperty member)
    {
        for (int i = 0; i < _names.Length; i++)
        {
            if (_lone[i]) return Find(member, i);
        }
        return -1;
    }

    private int Find(JsonProperty member, int from)
    {
        try
        {
            for (int i = from; i < _names.Length; i++)
            {
                if (_lone[i] && member.NameEquals(_names[i])) return i;
            }
        }
        catch (InvalidOperationException)
        {
        }
        return -1;
    }

    /// <summary>True when the object <paramref name="e"/> has the member at <paramref name="index"/>.</summary>
    public bool IsPresent(JsonElement e, int index)
    {
        try
        {
            return _lone[index] ? e.TryGetProperty(_names[index], out _) : e.TryGetProperty(_utf8[index], out _);
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException)
        {
            // A member of the object escapes a lone surrogate (System.Text.Json refuses to read its
            // name): compare member by member, that one never equal.
            return Scan(e, index);
        }
    }

    private bool Scan(JsonElement e, int index)
    {
        foreach (JsonProperty member in e.EnumerateObject())
        {
            try
            {
                if (_lone[index] ? member.NameEquals(_names[index]) : member.NameEquals(_utf8[index])) return true;
            }
            catch (InvalidOperationException)
            {
            }
        }
        return false;
    }

    private const int LinearLimit = 8;

    private static int Hash(ReadOnlySpan<byte> bytes)
    {
        // Length and three sampled bytes: constant time whatever the name's length; names that agree
        // on all four only cost a probe.
        int n = bytes.Length;
        uint h = (uint)n * 0x9E3779B1u;
        if (n > 0) h ^= (bytes[0] * 0x85EBCA77u) ^ (bytes[n - 1] * 0xC2B2AE3Du) ^ (bytes[n / 2] * 0x27D4EB2Fu);
        return (int)(h ^ (h >> 15));
    }
}
