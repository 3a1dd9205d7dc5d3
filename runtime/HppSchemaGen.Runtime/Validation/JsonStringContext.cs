using System.Text.Json.Serialization;

namespace HppSchemaGen.Validation;

// Serializing a name to a JSON string literal without reflection (trim- and AOT-safe).
[JsonSerializable(typeof(string))]
internal sealed partial class JsonStringContext : JsonSerializerContext
{
}
