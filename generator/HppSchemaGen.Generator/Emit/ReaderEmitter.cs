using System.Globalization;
using System.Linq;
using HppSchemaGen.Generator.Model;
using HppSchemaGen.Generator.Model.Validation;

namespace HppSchemaGen.Generator.Emit;

/// <summary>
/// Emits the one-pass reader of a record <see cref="Readers"/> chose: a method <c>Read</c> of the
/// record's metadata class in the context (<c>__T_</c> and the record's name, in the record's own
/// file, beside the constructor and setters it calls), that
/// fills the record from a <c>Utf8JsonReader</c> in one pass. It returns false (and <c>Parse</c>
/// falls back to validate-then-deserialize) on anything
/// it would have to interpret: a token of another type, an explicit null, a member seen twice, a
/// number the CLR type does not hold exactly, a date or uuid not in its RFC form, an unknown member
/// of a record without extension data. The value validator then judges the record it read. A list
/// root's reader (<see cref="ListMethod"/>) is a member of its schema class.
/// </summary>
internal sealed class ReaderEmitter
{
    private const string J = "__J";

    /// <summary>A list root's reader, a member of its schema class.</summary>
    public const string ListMethod = "__Read";

    private readonly SourceWriter _w;
    private readonly FieldTable _fields = new();

    private ReaderEmitter(SourceWriter w) => _w = w;

    /// <summary>Writes the reader of a record inside its metadata class (whose file aliases <c>__J</c> and <c>__R</c>).</summary>
    public static void EmitRecord(SourceWriter w, TypeSpec record)
    {
        var e = new ReaderEmitter(w);
        w.Line();
        e.EmitRecord(record);
        e._fields.Write(w);
    }

    /// <summary>Writes the reader of a list root inside its schema class (fully qualified names only).</summary>
    public static void EmitList(SourceWriter w, TypeSpec root)
    {
        TypeRef list = root.ValueType!;
        w.Line();
        w.Line("/// <summary>The one-pass reader of <c>Parse</c>: false means \"validate the bytes first\", never \"invalid\".</summary>");
        w.Line("internal static bool " + ListMethod + "(ref global::System.Text.Json.Utf8JsonReader r, [global::System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out " + CSharp.TypeName(list) + "? value)");
        w.Line("    => global::HppSchemaGen.Serialization.JsonReading.Records<" + CSharp.TypeName(list.Arguments[0]) + ">(ref r, " + Of(root, list.Arguments[0]) + ", out value);");
    }

    /// <summary>The reader method of a record, from a type of the same compilation (all share one context).</summary>
    public static string Of(TypeSpec from, TypeRef record) => "global::" + from.ContextNamespace + "." + from.ContextName + "." + ContextEmitter.MembersOf(record.Name) + ".Read";

    private TypeSpec _from = null!;

    private void EmitRecord(TypeSpec t)
    {
        SourceWriter w = _w;
        _from = t;
        string type = CSharp.TypeName(t);
        string names = _fields.Get("Read", "global::HppSchemaGen.Validation.NameTable", "Names",
            "new(" + string.Join(", ", t.Properties.Select(p => CSharp.Literal(p.JsonName))) + ")");
        w.Line("/// <summary>The one-pass reader of <c>Parse</c>: false means \"validate the bytes first\", never \"invalid\".</summary>");
        w.Open("internal static bool Read(ref " + J + ".Utf8JsonReader r, [global::System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out " + type + "? value)");
        w.Line("value = null;");
        w.Line("if (r.TokenType != " + J + ".JsonTokenType.StartObject) return false;");
        w.Line(type + " v = New();");
        w.Line("ulong seen = 0;");
        if (t.ExtensionDataName is not null) w.Line("global::System.Collections.Generic.Dictionary<string, " + J + ".JsonElement>? extension = null;");
        // Next finds the member by its name's hash (not comparing every name in turn), sets its bit in
        // seen and gives up on a duplicate: one call per member, one case per property.
        w.Open("for (int i; (i = " + R + ".Next(ref r, " + names + ", ref seen)) != " + R + ".End;)");
        w.Open("switch (i)");
        ulong required = 0;
        for (int i = 0; i < t.Properties.Count; i++)
        {
            PropertySpec p = t.Properties[i];
            // Members that cannot be absent from the record (required, a default, a non-nullable value):
            // absent from the bytes, the record would hold a value the bytes lack, so the reader gives up.
            if (p.IsRequired || p.Default is not null || (p.Type.IsValueType && !p.IsNullable)) required |= 1UL << i;
            string index = i.ToString(CultureInfo.InvariantCulture);
            string local = "x" + index;
            // A null is an explicit null the schema must judge (a JsonElement member holds it as a value).
            string read = (p.Type == TypeRef.JsonElement && p.IsNullable ? "r.TokenType == " + J + ".JsonTokenType.Null || " : string.Empty) + "!" + Read(p.Type, local);
            w.Line("case " + index + ": if (" + read + ") return false; set_" + p.Name + "(v, " + local + "); continue;");
        }
        if (t.ExtensionDataName is not null) w.Line("case " + R + ".Unknown: if (!" + R + ".Extension(ref r, ref extension)) return false; continue;");
        // Unknown without extension data is a member the record would drop: the bytes must be validated.
        w.Line("default: return false;");
        w.Close();
        w.Close();
        if (t.ExtensionDataName is string ext) w.Line("if (extension is not null) set_" + ext + "(v, extension);");
        if (required != 0) w.Line("if ((seen & " + Hex(required) + ") != " + Hex(required) + ") return false;");
        w.Line("value = v;");
        w.Line("return true;");
        w.Close();
    }

    internal const string R = "__R";

    private static string Hex(ulong bits) => "0x" + bits.ToString("X", CultureInfo.InvariantCulture) + "UL";

    /// <summary>The call reading the current token into a new local (JsonReading), true when it could.</summary>
    private string Read(TypeRef t, string local)
    {
        string name = CSharp.TypeName(t);
        switch (t.Kind)
        {
            // Type arguments are explicit: inferring them from a method group costs the compiler a
            // second overload pass per call, which 200 components pay thousands of times.
            case TypeRefKind.Enum:
                return R + ".Enum<" + name + ">(ref r, " + name + ".From, out " + name + " " + local + ")";
            case TypeRefKind.Record:
                return Of(_from, t) + "(ref r, out " + name + "? " + local + ")";
            case TypeRefKind.List:
            {
                TypeRef item = t.Arguments[0];
                string list = " out " + name + " " + local + ")";
                return item.Kind switch
                {
                    TypeRefKind.Record => R + ".Records<" + CSharp.TypeName(item) + ">(ref r, " + Of(_from, item) + "," + list,
                    TypeRefKind.Enum => R + ".Enums<" + CSharp.TypeName(item) + ">(ref r, " + CSharp.TypeName(item) + ".From," + list,
                    _ => R + "." + (item == TypeRef.String ? "Strings" : "Elements") + "(ref r," + list,
                };
            }
            default:
                string method = t.Name == "JsonElement" ? "Element" : t.Name;
                return R + "." + method + "(ref r, out " + name + " " + local + ")";
        }
    }
}
