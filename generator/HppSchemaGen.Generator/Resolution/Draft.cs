namespace HppSchemaGen.Generator.Resolution;

/// <summary>The JSON Schema dialect of a document, from its <c>$schema</c> (none means 2020-12).</summary>
internal enum Draft
{
    Draft4 = 4,
    Draft6 = 6,
    Draft7 = 7,
    Draft201909 = 2019,
    Draft202012 = 2020,
}

internal static class Drafts
{
    public static Draft FromSchemaUri(string? uri)
    {
        if (uri is null) return Draft.Draft202012;
        if (uri.Contains("draft-04")) return Draft.Draft4;
        if (uri.Contains("draft-06")) return Draft.Draft6;
        if (uri.Contains("draft-07")) return Draft.Draft7;
        if (uri.Contains("2019-09")) return Draft.Draft201909;
        return Draft.Draft202012;
    }

    /// <summary>Draft-04 spells <c>$id</c> as <c>id</c>.</summary>
    public static string IdKeyword(this Draft d) => d == Draft.Draft4 ? "id" : "$id";

    /// <summary>Before 2019-09, <c>$ref</c> replaces its siblings.</summary>
    public static bool RefOverridesSiblings(this Draft d) => d <= Draft.Draft7;
}
