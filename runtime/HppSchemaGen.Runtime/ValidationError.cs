namespace HppSchemaGen;

/// <summary>One failed schema assertion.</summary>
/// <param name="InstanceLocation">JSON Pointer to the failing value in the instance ("" is the root).</param>
/// <param name="KeywordLocation">JSON Pointer to the failing keyword, following <c>$ref</c>s as they were evaluated.</param>
/// <param name="Message">What was expected.</param>
public sealed record ValidationError(string InstanceLocation, string KeywordLocation, string Message)
{
    /// <summary>
    /// The absolute URI of the failing keyword (the schema resource it is in, and a JSON Pointer
    /// fragment to it), set when the evaluation path crossed a <c>$ref</c>, <c>$dynamicRef</c> or
    /// <c>$recursiveRef</c>; null otherwise, when <see cref="KeywordLocation"/> already says where the
    /// keyword is. A schema known only by its file (no absolute <c>$id</c>, no
    /// <c>HppSchemaGenBaseUri</c>) is named <c>urn:hppschemagen:&lt;file name&gt;</c>, so build paths
    /// never enter generated code.
    /// </summary>
    public string? AbsoluteKeywordLocation { get; init; }

    /// <inheritdoc />
    public override string ToString() => (InstanceLocation.Length == 0 ? "(root)" : InstanceLocation) + ": " + Message;
}
