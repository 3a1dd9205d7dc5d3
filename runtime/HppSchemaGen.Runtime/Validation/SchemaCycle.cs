using System.ComponentModel;
using System.Text.Json;

namespace HppSchemaGen.Validation;

/// <summary>
/// Stands in for a subschema reached through a reference cycle that never moves into the instance
/// (<c>{"$ref": "#"}</c>): evaluating it would recurse forever, so it fails instead (the generator
/// reports HSG1004). Overloads match every validator signature.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class SchemaCycle
{
    private const string Message = "The schema refers to itself without consuming the instance (reference cycle); no value can be validated.";

    /// <summary>Always fails.</summary>
    public static bool Fail(JsonElement e, ValidationCollector? c, string ip, string kp)
    {
        c?.Add(ip, kp, Message);
        return false;
    }

    /// <summary>Always fails.</summary>
    public static bool Fail(JsonElement e, ValidationCollector? c, string ip, string kp, ulong ds) => Fail(e, c, ip, kp);

    /// <summary>Always fails.</summary>
    public static bool Fail_E(JsonElement e, ValidationCollector? c, string ip, string kp, ref EvaluatedSet ev) => Fail(e, c, ip, kp);

    /// <summary>Always fails.</summary>
    public static bool Fail_E(JsonElement e, ValidationCollector? c, string ip, string kp, ulong ds, ref EvaluatedSet ev) => Fail(e, c, ip, kp);
}
