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

    /// <summary>Records one error.</summary>
    public void Add(string instanceLocation, string keywordLocation, string message)
        => _errors.Add(new ValidationError(instanceLocation, keywordLocation, message));

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
