namespace HppSchemaGen;

/// <summary>One failed schema assertion.</summary>
/// <param name="InstanceLocation">JSON Pointer to the failing value in the instance ("" is the root).</param>
/// <param name="KeywordLocation">JSON Pointer to the failing keyword, following <c>$ref</c>s as they were evaluated.</param>
/// <param name="Message">What was expected.</param>
public sealed record ValidationError(string InstanceLocation, string KeywordLocation, string Message)
{
    /// <inheritdoc />
    public override string ToString() => (InstanceLocation.Length == 0 ? "(root)" : InstanceLocation) + ": " + Message;
}
