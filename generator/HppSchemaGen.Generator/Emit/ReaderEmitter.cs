using System.Globalization;
using System.Linq;
using HppSchemaGen.Generator.Model;
using HppSchemaGen.Generator.Model.Validation;

namespace HppSchemaGen.Generator.Emit;

/// <summary>
/// Emits one namespace's <c>__Readers</c>: for each record <see cref="Readers"/> chose, a method that
/// fills the record from a <c>Utf8JsonReader</c> in one pass, through the context's constructor and
/// setters. It returns false (and <c>Parse</c> falls back to validate-then-deserialize) on anything
/// it would have to interpret: a token of another type, an explicit null, a member seen twice, a
/// number the CLR type does not hold exactly, a date or uuid not in its RFC form, an unknown member
/// of a record without extension data. The value validator then judges the record it read.
/// </summary>
internal sealed class ReaderEmitter
{
    private const string J = "__J";

    private readonly SourceWriter _w = new();
    private readonly FieldTable _fields = new();
    private ReaderFileSpec _file = null!;

    public static string Emit(ReaderFileSpec spec) => new ReaderEmitter().Run(spec);

    private string Run(ReaderFileSpec spec)
    {
        _file = spec;
        _w.Header();
        _w.Open("namespace " + spec.Namespace);
        _w.Line("using " + J + " = global::System.Text.Json;");
        _w.Line("using " + R + " = global::HppSchemaGen.Serialization.JsonReading;");
        _w.Line();
        _w.Line("/// <summary>One-pass readers of <c>Parse</c>: false means \"validate the bytes first\", never \"invalid\".</summary>");
        _w.Open("internal static partial class __Readers");
        bool first = true;
        foreach (TypeSpec t in spec.Records)
        {
            if (!first) _w.Line();
            first = false;
            if (t.ValueType is TypeRef list) EmitList(t, list);
            else EmitRecord(t);
        }
        _fields.Write(_w);
        _w.Close();
        _w.Close();
        return _w.ToString();
    }

    private static string Reader(TypeRef record) => "global::" + record.Namespace + ".__Readers." + record.Name;

    private void EmitRecord(TypeSpec t)
    {
        SourceWriter w = _w;
        string type = CSharp.TypeName(t);
        string members = "global::" + _file.ContextNamespace + "." + _file.ContextName + "." + ContextEmitter.MembersOf(t.Name);
        string names = _fields.Get(t.Name, "global::HppSchemaGen.Validation.NameTable", "Names",
            "new(" + string.Join(", ", t.Properties.Select(p => CSharp.Literal(p.JsonName))) + ")");
        w.Open("internal static bool " + t.Name + "(ref " + J + ".Utf8JsonReader r, [global::System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out " + type + "? value)");
        w.Line("value = null;");
        w.Line("if (r.TokenType != " + J + ".JsonTokenType.StartObject) return false;");
        w.Line(type + " v = " + members + ".New();");
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
            w.Line("case " + index + ": if (" + read + ") return false; " + members + ".set_" + p.Name + "(v, " + local + "); continue;");
        }
        if (t.ExtensionDataName is not null) w.Line("case " + R + ".Unknown: if (!" + R + ".Extension(ref r, ref extension)) return false; continue;");
        // Unknown without extension data is a member the record would drop: the bytes must be validated.
        w.Line("default: return false;");
        w.Close();
        w.Close();
        if (t.ExtensionDataName is string ext) w.Line("if (extension is not null) " + members + ".set_" + ext + "(v, extension);");
        if (required != 0) w.Line("if ((seen & " + Hex(required) + ") != " + Hex(required) + ") return false;");
        w.Line("value = v;");
        w.Line("return true;");
        w.Close();
    }

    /// <summary>A list root: its items with their record's reader.</summary>
    private void EmitList(TypeSpec t, TypeRef list)
    {
        SourceWriter w = _w;
        w.Open("internal static bool " + t.Name + "(ref " + J + ".Utf8JsonReader r, [global::System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out " + CSharp.TypeName(list) + "? value)");
        w.Line("value = null;");
        w.Line("if (!" + Read(list, "items") + ") return false;");
        w.Line("value = items;");
        w.Line("return true;");
        w.Close();
    }

    private const string R = "__R";

    private static string Hex(ulong bits) => "0x" + bits.ToString("X", CultureInfo.InvariantCulture) + "UL";

    /// <summary>The call reading the current token into a new local (JsonReading), true when it could.</summary>
    private static string Read(TypeRef t, string local)
    {
        string name = CSharp.TypeName(t);
        switch (t.Kind)
        {
            case TypeRefKind.Enum:
                return R + ".Enum(ref r, " + name + ".From, out " + name + " " + local + ")";
            case TypeRefKind.Record:
                return Reader(t) + "(ref r, out " + name + "? " + local + ")";
            case TypeRefKind.List:
            {
                TypeRef item = t.Arguments[0];
                string list = " out " + name + " " + local + ")";
                return item.Kind switch
                {
                    TypeRefKind.Record => R + ".Records(ref r, " + Reader(item) + "," + list,
                    TypeRefKind.Enum => R + ".Enums(ref r, " + CSharp.TypeName(item) + ".From," + list,
                    _ => R + "." + (item == TypeRef.String ? "Strings" : "Elements") + "(ref r," + list,
                };
            }
            default:
                string method = t.Name == "JsonElement" ? "Element" : t.Name;
                return R + "." + method + "(ref r, out " + name + " " + local + ")";
        }
    }
}
