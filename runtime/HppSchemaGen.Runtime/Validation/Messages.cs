using System.ComponentModel;
using System.Text.Json;

namespace HppSchemaGen.Validation;

/// <summary>Small helpers of generated validators.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class Messages
{
    /// <summary>The JSON Schema name of a value's type, for error messages.</summary>
    public static string KindOf(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.Object => "object",
        JsonValueKind.Array => "array",
        JsonValueKind.String => "string",
        JsonValueKind.Number => Numbers.IsInteger(e) ? "integer" : "number",
        JsonValueKind.True or JsonValueKind.False => "boolean",
        JsonValueKind.Null => "null",
        _ => "nothing",
    };

    /// <summary>Number of members of an object.</summary>
    public static int CountMembers(JsonElement e)
    {
        int n = 0;
        foreach (JsonProperty _ in e.EnumerateObject()) n++;
        return n;
    }

    /// <summary>A member name as a JSON string value, for <c>propertyNames</c>.</summary>
    public static JsonElement NameAsElement(JsonProperty member)
        => JsonEquality.Parse(JsonSerializer.Serialize(NameOf(member), JsonStringContext.Default.String));

    /// <summary>
    /// A member's name. A name that escapes a lone surrogate has no string form in System.Text.Json
    /// (reading it throws): such a name reads as its escaped JSON text where the runtime can see it
    /// (.NET 9+), else as U+FFFD, so a hostile name is an ordinary value, never a crash.
    /// </summary>
    public static string NameOf(JsonProperty member)
    {
        try
        {
            return member.Name;
        }
        catch (System.InvalidOperationException)
        {
#if NET9_0_OR_GREATER
            return System.Text.Encoding.UTF8.GetString(System.Runtime.InteropServices.JsonMarshal.GetRawUtf8PropertyName(member));
#else
            return "\uFFFD";
#endif
        }
    }
}
