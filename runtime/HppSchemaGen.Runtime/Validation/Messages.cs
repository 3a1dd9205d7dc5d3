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
        => JsonEquality.Parse(JsonSerializer.Serialize(member.Name, JsonStringContext.Default.String));
}
