using System.Collections.Generic;
using HppSchemaGen.Generator.Model;

namespace HppSchemaGen.Generator.Emit;

/// <summary>
/// The context's fast path (JsonObjectInfoValues.SerializeHandler): straight Utf8JsonWriter calls for
/// records whose members are all of kinds written the same way System.Text.Json's converters write
/// them (<see cref="SerializeHandlers"/> chose which). System.Text.Json uses it only with options equal
/// to the context's own; any other options, and records with other member kinds (DateOnly, unions),
/// keep the metadata path.
/// </summary>
internal sealed class SerializeHandlerEmitter
{
    private const string Json = "__J";

    private readonly SourceWriter _w;

    public SerializeHandlerEmitter(SourceWriter w) => _w = w;

    public void Emit(TypeSpec t)
    {
        _w.Line();
        _w.Open("internal static void Serialize(" + Json + ".Utf8JsonWriter writer, " + CSharp.TypeName(t) + "? value)");
        var fields = new List<string>();
        _w.Line("if (value is null) { writer.WriteNullValue(); return; }");
        _w.Line("writer.WriteStartObject();");
        foreach (PropertySpec p in t.Properties)
        {
            // Named after the member, not numbered: adding a property adds lines, it renames nothing.
            string name = "name_" + p.Name;
            fields.Add("internal static readonly " + Json + ".JsonEncodedText " + name + " = " + Json + ".JsonEncodedText.Encode(" + CSharp.Literal(p.JsonName) + ");");
            string access = "value." + p.Name;
            // Null optional members are not written (WhenWritingNull), as on the metadata path; that
            // includes a non-nullable reference set to null anyway (Validate() relies on the two agreeing).
            bool skipNull = !p.IsRequired && (p.IsNullable || !p.Type.IsValueType);
            string value = p.Type.IsValueType && p.IsNullable ? access + ".Value" : access;
            if (Simple(p.Type) is string method && (skipNull || !p.IsNullable))
            {
                string write = "writer." + method + "(" + name + ", " + value + ");";
                _w.Line(skipNull ? "if (" + access + " is not null) " + write : write);
            }
            else if (skipNull)
            {
                _w.Open("if (" + access + " is not null)");
                _w.Line("writer.WritePropertyName(" + name + ");");
                WriteValue(value, p.Type, nullableValueType: false, 0);
                _w.Close();
            }
            else
            {
                _w.Line("writer.WritePropertyName(" + name + ");");
                WriteValue(access, p.Type, nullableValueType: p.Type.IsValueType && p.IsNullable, 0);
            }
        }
        if (t.ExtensionDataName is string ext)
        {
            _w.Open("if (value." + ext + " is { } extension)");
            _w.Open("foreach (global::System.Collections.Generic.KeyValuePair<string, " + Json + ".JsonElement> member in extension)");
            _w.Line("writer.WritePropertyName(member.Key);");
            _w.Line("member.Value.WriteTo(writer);");
            _w.Close();
            _w.Close();
        }
        _w.Line("writer.WriteEndObject();");
        _w.Close();
        if (fields.Count == 0) return;
        _w.Line();
        foreach (string f in fields) _w.Line(f);
    }

    /// <summary>The Utf8JsonWriter method that writes a name and a value of this primitive in one call.</summary>
    private static string? Simple(TypeRef t) => t.Kind != TypeRefKind.Primitive ? null : t.Name switch
    {
        "String" or "DateTimeOffset" or "Guid" => "WriteString",
        "Boolean" => "WriteBoolean",
        "Int32" or "Int64" or "Double" or "Single" or "Decimal" => "WriteNumber",
        _ => null,
    };

    private void WriteValue(string expr, TypeRef t, bool nullableValueType, int depth)
    {
        if (nullableValueType)
        {
            _w.Line("if (" + expr + " is null) writer.WriteNullValue();");
            _w.Open("else");
            WriteValue(expr + ".Value", t, false, depth);
            _w.Close();
            return;
        }
        string item = "item" + depth.ToString(System.Globalization.CultureInfo.InvariantCulture);
        switch (t.Kind)
        {
            case TypeRefKind.Primitive:
                _w.Line(t.MetadataName switch
                {
                    "String" => "writer.WriteStringValue(" + expr + ");",
                    "Boolean" => "writer.WriteBooleanValue(" + expr + ");",
                    "DateTimeOffset" or "Guid" => "writer.WriteStringValue(" + expr + ");",
                    "JsonElement" => expr + ".WriteTo(writer);",
                    _ => "writer.WriteNumberValue(" + expr + ");",
                });
                break;
            case TypeRefKind.Enum:
                _w.Line("if (" + expr + " is null) writer.WriteNullValue(); else writer.WriteStringValue(" + expr + ".Value);");
                break;
            case TypeRefKind.Record:
                _w.Line(ContextEmitter.MembersOf(t.MetadataName) + ".Serialize(writer, " + expr + ");");
                break;
            case TypeRefKind.List:
                _w.Open("if (" + expr + " is null) writer.WriteNullValue(); else");
                _w.Line("writer.WriteStartArray();");
                _w.Open("foreach (" + CSharp.TypeName(t.Arguments[0]) + " " + item + " in " + expr + ")");
                WriteValue(item, t.Arguments[0], false, depth + 1);
                _w.Close();
                _w.Line("writer.WriteEndArray();");
                _w.Close();
                break;
            case TypeRefKind.Dictionary:
                _w.Open("if (" + expr + " is null) writer.WriteNullValue(); else");
                _w.Line("writer.WriteStartObject();");
                _w.Open("foreach (global::System.Collections.Generic.KeyValuePair<string, " + CSharp.TypeName(t.Arguments[0]) + "> " + item + " in " + expr + ")");
                _w.Line("writer.WritePropertyName(" + item + ".Key);");
                WriteValue(item + ".Value", t.Arguments[0], false, depth + 1);
                _w.Close();
                _w.Line("writer.WriteEndObject();");
                _w.Close();
                break;
        }
    }
}
