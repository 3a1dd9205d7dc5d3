using System.Globalization;
using System.Text;
using HppSchemaGen.Generator.Model;

namespace HppSchemaGen.Generator.Emit;

/// <summary>
/// Safe C# text from schema text. Every character outside printable ASCII becomes an escape, so
/// no schema string (quotes, newlines, bidi controls, lone surrogates) can end a literal early or
/// reorder what a reviewer sees.
/// </summary>
internal static class CSharp
{
    public static string Literal(string value)
    {
        var sb = new StringBuilder(value.Length + 2);
        sb.Append('"');
        foreach (char c in value)
        {
            switch (c)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                default:
                    if (c < ' ' || c > '~') sb.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
                    else sb.Append(c);
                    break;
            }
        }
        sb.Append('"');
        return sb.ToString();
    }

    /// <summary>A UTF-8 literal (<c>"..."u8</c>) when the text has a UTF-8 form, else a plain string literal.</summary>
    public static string Utf8Literal(string value) => HasLoneSurrogate(value) ? Literal(value) : Literal(value) + "u8";

    public static bool HasLoneSurrogate(string value) => HppSchemaGen.Validation.Utf16.HasLoneSurrogate(value);

    /// <summary>A property type as declared: nullable annotation when null (or absence) is possible.</summary>
    public static string Declared(TypeRef type, bool nullable) => nullable ? TypeName(type) + "?" : TypeName(type);

    /// <summary>The C# name of a type: a keyword for the built-in ones, else <c>global::</c>-qualified.</summary>
    public static string TypeName(TypeRef type) => type.Kind switch
    {
        TypeRefKind.List => "global::System.Collections.Generic.List<" + TypeName(type.Arguments[0]) + ">",
        TypeRefKind.Dictionary => "global::System.Collections.Generic.Dictionary<string, " + TypeName(type.Arguments[0]) + ">",
        TypeRefKind.Primitive when type.Namespace == "System" => type.Name switch
        {
            "String" => "string",
            "Boolean" => "bool",
            "Int32" => "int",
            "Int64" => "long",
            "Double" => "double",
            "Single" => "float",
            "Decimal" => "decimal",
            _ => "global::System." + type.Name,
        },
        _ => "global::" + type.Namespace + "." + type.Name,
    };

    /// <summary>The <c>global::</c>-qualified name of a generated type.</summary>
    public static string TypeName(TypeSpec type) => "global::" + type.Namespace + "." + type.Name;

    /// <summary>The C# literal of a property's default for a property of <paramref name="type"/>.</summary>
    public static string DefaultLiteral(PropertyDefault value, TypeRef type)
    {
        if (value.EnumMember is string member) return TypeName(type) + "." + member;
        if (type == TypeRef.String) return Literal(value.Text);
        if (type == TypeRef.Int64) return value.Text + "L";
        if (type == TypeRef.Double) return value.Text + "d";
        if (type == TypeRef.Single) return value.Text + "f";
        if (type == TypeRef.Decimal) return value.Text + "m";
        return value.Text; // bool, int
    }

    /// <summary>The validator method a type or union case calls, qualified.</summary>
    public static string Validator(Model.Validation.NodeRef target)
        => target.Kind == Model.Validation.NodeRefKind.Method
            ? "global::" + target.Namespace + ".__Validators." + target.Method
            : "global::HppSchemaGen.Validation.SchemaCycle.Fail";
}
