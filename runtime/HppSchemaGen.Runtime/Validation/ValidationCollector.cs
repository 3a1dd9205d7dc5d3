using System.Collections.Generic;
using System.ComponentModel;
using System.Globalization;

namespace HppSchemaGen.Validation;

/// <summary>
/// Collects errors for generated validators. Generated code first runs with no collector (a
/// boolean fast path that allocates nothing); only an invalid instance is walked again with a
/// collector, which is when locations are built as strings.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class ValidationCollector
{
    private readonly List<ValidationError> _errors = new();

    // Keyword location at which a reference was crossed -> absolute URI of the schema it led to.
    // A keyword location is the whole evaluation path from the root, so it fixes what each
    // reference on it resolved to (the dynamic scope included): a map keyed by it needs no stack.
    private Dictionary<string, string>? _crossed;

    /// <summary>Records one error; its absolute keyword location comes from the last reference crossed on its path.</summary>
    public void Add(string instanceLocation, string keywordLocation, string message)
        => _errors.Add(new ValidationError(instanceLocation, keywordLocation, message) { AbsoluteKeywordLocation = AbsoluteOf(keywordLocation) });

    /// <summary>
    /// The keyword location of a subschema reached through a reference (<paramref name="suffix"/> ends
    /// with <c>/$ref</c> or <c>/$dynamicRef</c>, or several when references lead to references);
    /// <paramref name="absoluteLocation"/> is the absolute URI of the schema finally reached. Unchanged
    /// (no allocation) on the fast path.
    /// </summary>
    public static string Ref(ValidationCollector? c, string location, string suffix, string absoluteLocation)
    {
        if (c is null) return location;
        string crossed = location + suffix;
        (c._crossed ??= new Dictionary<string, string>(System.StringComparer.Ordinal))[crossed] = absoluteLocation;
        return crossed;
    }

    /// <summary>The absolute location of a keyword: the longest prefix of its path that crossed a reference, and the rest below that schema.</summary>
    private string? AbsoluteOf(string keywordLocation)
    {
        if (_crossed is null) return null;
        for (int end = keywordLocation.Length; end > 0; end = keywordLocation.LastIndexOf('/', end - 1))
        {
            string prefix = end == keywordLocation.Length ? keywordLocation : keywordLocation.Substring(0, end);
            if (_crossed.TryGetValue(prefix, out string? target))
                return end == keywordLocation.Length ? target : target + UriFragments.Encode(keywordLocation.Substring(end));
        }
        return null;
    }

    /// <summary>The result for everything recorded.</summary>
    public ValidationResult ToResult() => _errors.Count == 0 ? ValidationResult.Valid : new ValidationResult(_errors.ToArray());

    /// <summary>The instance location of a member; unchanged (no allocation) on the fast path.</summary>
    public static string Member(ValidationCollector? c, string location, string name)
        => c is null ? location : location + "/" + EscapeToken(name);

    /// <summary>The instance location of a member; its name is only read (allocated) on the collect path.</summary>
    public static string Member(ValidationCollector? c, string location, System.Text.Json.JsonProperty member)
        => c is null ? location : location + "/" + EscapeToken(Messages.NameOf(member));

    /// <summary>The instance location of an array item; unchanged on the fast path.</summary>
    public static string Item(ValidationCollector? c, string location, int index)
        => c is null ? location : location + "/" + index.ToString(CultureInfo.InvariantCulture);

    /// <summary>A keyword location below <paramref name="location"/>; unchanged on the fast path.</summary>
    public static string Keyword(ValidationCollector? c, string location, string suffix)
        => c is null ? location : location + suffix;

    /// <summary>Escapes one JSON Pointer reference token (RFC 6901).</summary>
    public static string EscapeToken(string token)
        => token.IndexOf('~') < 0 && token.IndexOf('/') < 0 ? token : token.Replace("~", "~0").Replace("/", "~1");
}
