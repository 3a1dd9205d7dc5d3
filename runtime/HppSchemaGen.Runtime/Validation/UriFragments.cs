using System.Text;

namespace HppSchemaGen.Validation;

/// <summary>
/// Percent-encodes a JSON Pointer for the fragment of a URI (RFC 6901 section 6, RFC 3986
/// <c>fragment</c>): characters a fragment may hold stay as they are, every other one becomes the
/// %XX of its UTF-8 bytes. Shared by the generator (the target of a <c>$ref</c>) and the runtime
/// (the path below it), so the two halves of an absolute keyword location are encoded alike.
/// </summary>
internal static class UriFragments
{
    public static string Encode(string pointer)
    {
        int i = 0;
        while (i < pointer.Length && IsAllowed(pointer[i])) i++;
        if (i == pointer.Length) return pointer;
        var sb = new StringBuilder(pointer.Length + 16);
        sb.Append(pointer, 0, i);
        // A lone surrogate (possible in a member name) becomes U+FFFD's bytes: never an exception.
        foreach (byte b in Encoding.UTF8.GetBytes(pointer.Substring(i)))
        {
            if (b < 0x80 && IsAllowed((char)b)) sb.Append((char)b);
            else sb.Append('%').Append(Hex[b >> 4]).Append(Hex[b & 0xF]);
        }
        return sb.ToString();
    }

    private const string Hex = "0123456789ABCDEF";

    // fragment = *( pchar / "/" / "?" ); pchar = unreserved / pct-encoded / sub-delims / ":" / "@".
    // '%' itself is encoded: a pointer's "%" is a character, not the start of an escape.
    private static bool IsAllowed(char c)
        => c is >= 'a' and <= 'z' or >= 'A' and <= 'Z' or >= '0' and <= '9'
            or '-' or '.' or '_' or '~' or '!' or '$' or '&' or '\'' or '(' or ')' or '*' or '+' or ',' or ';' or '='
            or ':' or '@' or '/' or '?';
}
