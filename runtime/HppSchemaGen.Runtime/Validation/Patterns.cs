using System;
using System.Buffers;
using System.ComponentModel;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Threading;

namespace HppSchemaGen.Validation;

/// <summary>
/// <c>pattern</c> / <c>patternProperties</c> support: ECMA-262 patterns translated to .NET, compiled
/// once, run with <see cref="RegexOptions.NonBacktracking"/> when the pattern allows it (linear time,
/// no ReDoS) and otherwise with a match timeout.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class Patterns
{
    /// <summary>How long a backtracking pattern may run on one value before it counts as not matching.</summary>
    public static TimeSpan MatchTimeout { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The compiled regex for <paramref name="pattern"/>, cached in <paramref name="cache"/>; null when .NET cannot compile it.</summary>
    public static Regex? Get(ref Regex? cache, ref int state, string pattern)
    {
        if (Volatile.Read(ref state) == 0)
        {
            Regex? created = Create(pattern);
            Interlocked.CompareExchange(ref cache, created, null);
            Volatile.Write(ref state, 1);
        }
        return cache;
    }

    /// <summary>Compiles an ECMA-262 pattern; null when .NET cannot.</summary>
    public static Regex? Create(string pattern)
    {
        string translated = EcmaRegexTranslator.Translate(pattern);
        try
        {
            return new Regex(translated, RegexOptions.CultureInvariant | RegexOptions.NonBacktracking);
        }
        catch (NotSupportedException)
        {
        }
        catch (ArgumentException)
        {
        }
        try
        {
            return new Regex(translated, RegexOptions.CultureInvariant, MatchTimeout);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    /// <summary>True when the string value <paramref name="e"/> matches (searches, unanchored) <paramref name="regex"/>.</summary>
    public static bool IsMatch(JsonElement e, Regex? regex)
    {
        if (regex is null) return true; // reported at build time (HSG2003); an unusable pattern asserts nothing
        if (!JsonStrings.TryGetUtf8(e, out ReadOnlySpan<byte> utf8, out byte[]? rented)) return false;
        try
        {
            return IsMatch(utf8, regex);
        }
        finally
        {
            JsonStrings.Return(rented);
        }
    }

    /// <summary>True when the member name <paramref name="name"/> matches <paramref name="regex"/>.</summary>
    public static bool IsMatch(string name, Regex? regex)
    {
        if (regex is null) return true;
        try
        {
            return regex.IsMatch(name);
        }
        catch (RegexMatchTimeoutException)
        {
            return false;
        }
    }

    private static bool IsMatch(ReadOnlySpan<byte> utf8, Regex regex)
    {
        char[]? rentedChars = null;
        Span<char> chars = utf8.Length <= 256 ? stackalloc char[256] : (rentedChars = ArrayPool<char>.Shared.Rent(utf8.Length));
        try
        {
            int n = Encoding.UTF8.GetChars(utf8, chars);
            return regex.IsMatch(chars.Slice(0, n));
        }
        catch (RegexMatchTimeoutException)
        {
            return false;
        }
        finally
        {
            if (rentedChars is not null) ArrayPool<char>.Shared.Return(rentedChars);
        }
    }
}
