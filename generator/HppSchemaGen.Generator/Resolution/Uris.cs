using System;

namespace HppSchemaGen.Generator.Resolution;

/// <summary>RFC 3986 resolution of <c>$id</c> and <c>$ref</c> values; fragments are kept apart and as written.</summary>
internal static class Uris
{
    public static string FileBase(string path)
    {
        string p = path.Replace('\\', '/');
        if (!p.StartsWith("/", StringComparison.Ordinal)) p = "/" + p;
        return Normalize("file://" + p) ?? "file:///schema.json";
    }

    /// <summary>Resolves <paramref name="reference"/> against <paramref name="baseUri"/>; null when it is not a URI.</summary>
    public static string? Resolve(string baseUri, string reference)
    {
        string baseResource = Split(baseUri).Resource;
        (string refResource, string refFragment) = Split(reference);
        string fragment = reference.IndexOf('#') >= 0 ? "#" + refFragment : string.Empty;
        if (refResource.Length == 0) return baseResource + fragment;
        string? resolved = null;
        try
        {
            // Only a reference with a scheme is absolute: .NET would read "/a/b.json" as a file path.
            if (HasScheme(refResource) && Uri.TryCreate(refResource, UriKind.Absolute, out Uri? absolute))
            {
                resolved = Normalize(absolute);
            }
            else if (Uri.TryCreate(baseResource, UriKind.Absolute, out Uri? b))
            {
                if (b.Scheme is "urn" or "tag") return null; // not hierarchical: only fragments resolve against it
                if (Uri.TryCreate(b, refResource, out Uri? combined)) resolved = Normalize(combined);
            }
        }
        catch (UriFormatException)
        {
        }
        catch (InvalidOperationException)
        {
        }
        return resolved is null ? null : resolved + fragment;
    }

    private static bool HasScheme(string reference)
    {
        int colon = reference.IndexOf(':');
        if (colon <= 0 || !IsAsciiLetter(reference[0])) return false;
        for (int i = 1; i < colon; i++)
        {
            char c = reference[i];
            if (!(IsAsciiLetter(c) || c is >= '0' and <= '9' or '+' or '-' or '.')) return false;
        }
        return true;
    }

    private static bool IsAsciiLetter(char c) => c is >= 'a' and <= 'z' or >= 'A' and <= 'Z';

    public static (string Resource, string Fragment) Split(string uri)
    {
        int hash = uri.IndexOf('#');
        return hash < 0 ? (uri, string.Empty) : (uri.Substring(0, hash), uri.Substring(hash + 1));
    }

    private static string? Normalize(string uri) => Uri.TryCreate(uri, UriKind.Absolute, out Uri? u) ? Normalize(u) : null;

    private static string Normalize(Uri u) => u.IsFile ? "file://" + u.AbsolutePath : u.AbsoluteUri;
}
