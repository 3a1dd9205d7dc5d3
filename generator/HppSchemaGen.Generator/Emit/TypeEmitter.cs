using System.Linq;
using HppSchemaGen.Generator.Model;
using HppSchemaGen.Generator.Model.Validation;

namespace HppSchemaGen.Generator.Emit;

/// <summary>
/// Emits one generated type's file: a record, an open string enum, or a validate-only schema class;
/// for a record also its part of the context (<see cref="ContextEmitter.EmitRecord"/>: metadata and
/// one-pass reader). Everything in the file comes from this type's spec alone.
/// </summary>
internal static class TypeEmitter
{
    private const string Json = "global::System.Text.Json";
    private const string Runtime = "global::HppSchemaGen";
    private const int MaxInlineEnumMatches = 64;

    public static string Emit(TypeSpec type)
    {
        var w = new SourceWriter();
        w.Header();
        w.Open("namespace " + type.Namespace);
        DocComments.Write(w, type.Docs);
        w.Line("[" + Runtime + ".JsonSchemaSource(" + CSharp.Literal(type.DocumentId) + ", " + CSharp.Literal(type.Pointer) + ")]");
        w.Line("[global::System.CodeDom.Compiler.GeneratedCode(\"HppSchemaGen\", \"" + ThisAssembly.Version + "\")]");
        switch (type.Kind)
        {
            case TypeSpecKind.Record:
                EmitRecord(w, type);
                break;
            case TypeSpecKind.Enum:
                EmitEnum(w, type);
                break;
            case TypeSpecKind.Union:
                EmitUnion(w, type);
                break;
            default:
                w.Open("public static partial class " + type.Name);
                EmitValidate(w, type);
                if (type.ValueType is not null)
                {
                    w.Line();
                    EmitParse(w, type);
                    if (type.HasReader) ReaderEmitter.EmitList(w, type);
                }
                w.Close();
                break;
        }
        w.Close();
        if (type.Kind == TypeSpecKind.Record) ContextEmitter.EmitRecord(w, type);
        return w.ToString();
    }

    private static void EmitRecord(SourceWriter w, TypeSpec type)
    {
        w.Open("public sealed partial record " + type.Name);
        foreach (PropertySpec p in type.Properties)
        {
            DocComments.Write(w, p.Docs);
            w.Line("[" + Json + ".Serialization.JsonPropertyName(" + CSharp.Literal(p.JsonName) + ")]");
            string required = p.IsRequired ? "required " : string.Empty;
            string initializer = p.Default is null ? string.Empty : " = " + CSharp.DefaultLiteral(p.Default, p.Type) + ";";
            w.Line("public " + required + CSharp.Declared(p.Type, p.IsNullable) + " " + p.Name + " { get; init; }" + initializer);
            w.Line();
        }
        if (type.ExtensionDataName is string ext)
        {
            w.Line("/// <summary>Members the schema does not name, kept so that a round trip loses nothing.</summary>");
            w.Line("[" + Json + ".Serialization.JsonExtensionData]");
            w.Line("public global::System.Collections.Generic.Dictionary<string, " + Json + ".JsonElement>? " + ext + " { get; init; }");
            w.Line();
        }
        EmitValidate(w, type);
        w.Line();
        EmitParse(w, type);
        w.Close();
    }

    /// <summary>Parse / TryParse: validate first, then deserialize through the generated context (bodies in HppSchemaGen.SchemaJson).</summary>
    private static void EmitParse(SourceWriter w, TypeSpec type)
    {
        // The parsed value: the type itself, or for a schema class the CLR type its values map to.
        string t = type.ValueType is TypeRef v ? CSharp.TypeName(v) : type.Name;
        string metadata = "global::" + type.ContextNamespace + "." + type.ContextName + ".Default." + type.Name;
        string tryParse = type.ValueType is { IsValueType: true } ? "TryParseValue" : "TryParse";
        w.Line("/// <summary>Validates <paramref name=\"utf8Json\"/> against the schema, then deserializes it.</summary>");
        w.Line("/// <exception cref=\"" + Runtime + ".SchemaValidationException\">The JSON is well-formed but does not satisfy the schema.</exception>");
        w.Line("/// <exception cref=\"" + Json + ".JsonException\">The text is not well-formed JSON, or it is valid but holds a value this type cannot (a number beyond its range).</exception>");
        // A record with a one-pass reader reads and judges in one go; the rest validate, then deserialize.
        string reader = type.ValueType is null ? ReaderEmitter.Of(type, type.AsRef) : ReaderEmitter.ListMethod;
        string fast = type.HasReader ? reader + ", " + ValueValidator(type) + ", " : string.Empty;
        w.Line("public static " + t + " Parse(global::System.ReadOnlySpan<byte> utf8Json) => " + Runtime + ".SchemaJson.Parse(utf8Json, " + fast + Validator(type.Validator) + ", " + metadata + ");");
        w.Line();
        w.Line("/// <summary>Validates <paramref name=\"utf8Json\"/> and, when it is valid, deserializes it. Malformed JSON is reported in <paramref name=\"result\"/>.</summary>");
        w.Line("public static bool TryParse(global::System.ReadOnlySpan<byte> utf8Json, [global::System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out " + t + "? value, out " + Runtime + ".ValidationResult result)");
        w.Line("    => " + Runtime + ".SchemaJson." + (type.HasReader ? "TryParse" : tryParse) + "(utf8Json, " + fast + Validator(type.Validator) + ", " + metadata + ", out value, out result);");
        // The same from a string and from a stream (read whole into a pooled buffer).
        string tv = type.ValueType is { IsValueType: true } ? t + "?" : t;
        string result = Runtime + ".ValidationResult result";
        string outValue = "[global::System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out " + t + "? value";
        w.Line();
        w.Line("/// <summary><see cref=\"Parse(global::System.ReadOnlySpan{byte})\"/> of a string, a stream, and a stream read asynchronously.</summary>");
        w.Line("public static " + t + " Parse(string json) => " + Runtime + ".SchemaJson.Parse<" + t + ">(json, Parse);");
        // A list of records with a reader streams its items (SchemaJson.ParseList ...): what it holds is
        // the records, not the document's bytes. Call(method) is the runtime call of a stream form.
        TypeRef? item = type.HasReader && type.ValueType is { Kind: TypeRefKind.List } list && list.Arguments[0].Kind == TypeRefKind.Record ? list.Arguments[0] : null;
        string Call(string method, string typeArgument) => Runtime + ".SchemaJson." + (item is null
            ? method + "<" + typeArgument + ">(utf8Json, "
            : method.Replace("Parse", "ParseList") + "<" + CSharp.TypeName(item) + ">(utf8Json, " + ReaderEmitter.Of(type, item) + ", " + ValueValidator(type) + ", ");
        w.Line("public static " + t + " Parse(global::System.IO.Stream utf8Json) => " + Call("Parse", t) + "Parse);");
        w.Line("public static global::System.Threading.Tasks.Task<" + t + "> ParseAsync(global::System.IO.Stream utf8Json, global::System.Threading.CancellationToken cancellationToken = default) => " + Call("ParseAsync", t) + "Parse, cancellationToken);");
        w.Line("/// <summary><see cref=\"TryParse(global::System.ReadOnlySpan{byte}, out " + DocComments.EscapeInline(tv) + ", out " + Runtime + ".ValidationResult)\"/> of a string and of a stream.</summary>");
        w.Line("public static bool TryParse(string json, " + outValue + ", out " + result + ") => " + Runtime + ".SchemaJson.TryParse<" + tv + ">(json, TryParse, out value, out result);");
        w.Line("public static bool TryParse(global::System.IO.Stream utf8Json, " + outValue + ", out " + result + ") => " + Call("TryParse", tv) + "TryParse, out value, out result);");
    }

    /// <summary>
    /// The validator a type runs, as a NodeValidator: the method itself, or when the schema is only
    /// a $ref (which has no method of its own) a static lambda that adds the $ref to keyword locations.
    /// </summary>
    private static string Validator(NodeRef target)
        => target.Via.Length == 0
            ? CSharp.Validator(target)
            : "static (e, c, ip, kp) => " + CSharp.Validator(target) + "(e, c, ip, " + ValidatorEmitter.KeywordLocation(Runtime + ".Validation.ValidationCollector", target, target.Via) + ")";

    private static void EmitValidate(SourceWriter w, TypeSpec type)
    {
        w.Line("/// <summary>Validates a JSON value against the schema; collects every error with its instance and keyword location.</summary>");
        w.Line("public static " + Runtime + ".ValidationResult Validate(" + Json + ".JsonElement instance)");
        w.Line("    => " + Runtime + ".Validation.ValidatorRunner.Run(instance, " + Validator(type.Validator) + ");");
        string? value = type.Kind switch
        {
            TypeSpecKind.Record or TypeSpecKind.Union => "this",
            TypeSpecKind.Schema when type.ValueValidator.Length > 0 => "value",
            _ => null,
        };
        if (value is null) return;
        w.Line();
        w.Line("/// <summary>Validates " + (value == "this" ? "this value" : "<paramref name=\"value\"/>") + " as the generated context would write it, without writing it: the same errors as <see cref=\"Validate(" + Json + ".JsonElement)\"/> on the JSON.</summary>");
        w.Line((value == "this"
            ? "public " + Runtime + ".ValidationResult Validate()"
            : "public static " + Runtime + ".ValidationResult Validate(" + CSharp.TypeName(type.ValueType!) + " value)")
            + " => " + Runtime + ".Validation.ValidatorRunner.RunValue(" + value + ", " + ValueValidator(type) + ");");
    }

    /// <summary>The value validator of a type as a ValueValidator: its planned method, or (none planned) validation of its JSON.</summary>
    private static string ValueValidator(TypeSpec type)
    {
        NodeRef target = type.Validator;
        if (type.ValueValidator.Length == 0)
        {
            string options = "global::" + type.ContextNamespace + "." + type.ContextName + ".Default.Options";
            return "static (v, c, ip, kp) => " + Runtime + ".Validation.ValueChecks.ViaJson(v, " + options + ", " + Validator(target) + ", c, ip, kp)";
        }
        string method = "global::" + target.Namespace + ".__ValueValidators." + type.ValueValidator;
        return target.Via.Length == 0
            ? method
            : "static (v, c, ip, kp) => " + method + "(v, c, ip, " + ValidatorEmitter.KeywordLocation(Runtime + ".Validation.ValidationCollector", target, target.Via) + ")";
    }

    private static void EmitUnion(SourceWriter w, TypeSpec type)
    {
        string t = type.Name;
        string meta = Json + ".Serialization.Metadata";
        w.Line("[" + Json + ".Serialization.JsonConverter(typeof(" + t + ".Converter))]");
        w.Open("public abstract partial record " + t);
        w.Line("private " + t + "() { }");
        w.Line();
        foreach (UnionCaseSpec c in type.UnionCases)
        {
            DocComments.Write(w, c.Docs);
            if (c.Docs.Title is null && c.Docs.Description is null)
                w.Line("/// <summary>The value matched this branch" + (c.DiscriminatorValue is null ? string.Empty : " (<c>" + DocComments.EscapeInline(type.Discriminator!) + "</c> is <c>" + DocComments.EscapeInline(c.DiscriminatorValue) + "</c>)") + ".</summary>");
            w.Line("public sealed partial record " + c.Name + "(" + CSharp.TypeName(c.Type) + " Value) : " + t + ";");
            w.Line();
        }
        w.Line("/// <summary>The value matched no branch (the lenient path keeps it exactly as received).</summary>");
        w.Line("public sealed partial record Unknown(" + Json + ".JsonElement Value) : " + t + ";");
        w.Line();
        EmitValidate(w, type);
        w.Line();
        EmitParse(w, type);
        w.Line();
        w.Line("/// <summary>Reads the branch a value belongs to (by its tag when the branches have one, else by their validators, in order) and writes the case's value.</summary>");
        w.Open("public sealed class Converter : " + Json + ".Serialization.JsonConverter<" + t + ">");
        w.Line("/// <inheritdoc/>");
        w.Open("public override " + t + " Read(ref " + Json + ".Utf8JsonReader reader, global::System.Type typeToConvert, " + Json + ".JsonSerializerOptions options)");
        w.Line(Json + ".JsonElement e = " + Json + ".JsonElement.ParseValue(ref reader);");
        if (type.Discriminator is string tag)
        {
            w.Open("if (e.ValueKind == " + Json + ".JsonValueKind.Object && e.TryGetProperty(" + CSharp.Utf8Literal(tag) + ", out " + Json + ".JsonElement tag) && tag.ValueKind == " + Json + ".JsonValueKind.String)");
            foreach (UnionCaseSpec c in type.UnionCases)
            {
                if (c.DiscriminatorValue is string value && !CSharp.HasLoneSurrogate(value))
                    w.Line("if (tag.ValueEquals(" + CSharp.Utf8Literal(value) + ")) return new " + CSharp.TypeName(type) + "." + c.Name + "(Read<" + CSharp.TypeName(c.Type) + ">(e, options));");
            }
            w.Close();
        }
        foreach (UnionCaseSpec c in type.UnionCases)
            w.Line("if (" + CSharp.Validator(c.Validator) + "(e, null, \"\", \"\")) return new " + CSharp.TypeName(type) + "." + c.Name + "(Read<" + CSharp.TypeName(c.Type) + ">(e, options));");
        w.Line("return new " + CSharp.TypeName(type) + ".Unknown(e);");
        w.Close();
        w.Line();
        w.Line("private static T Read<T>(" + Json + ".JsonElement e, " + Json + ".JsonSerializerOptions options)");
        w.Line("    => " + Json + ".JsonSerializer.Deserialize(e, (" + meta + ".JsonTypeInfo<T>)options.GetTypeInfo(typeof(T)))!;");
        w.Line();
        w.Line("/// <inheritdoc/>");
        w.Open("public override void Write(" + Json + ".Utf8JsonWriter writer, " + t + " value, " + Json + ".JsonSerializerOptions options)");
        w.Open("switch (value)");
        foreach (UnionCaseSpec c in type.UnionCases)
            w.Line("case " + CSharp.TypeName(type) + "." + c.Name + " v: " + Json + ".JsonSerializer.Serialize(writer, v.Value, (" + meta + ".JsonTypeInfo<" + CSharp.TypeName(c.Type) + ">)options.GetTypeInfo(typeof(" + CSharp.TypeName(c.Type) + "))); break;");
        w.Line("case " + CSharp.TypeName(type) + ".Unknown v: v.Value.WriteTo(writer); break;");
        w.Line("default: throw new " + Json + ".JsonException(\"Unsupported case of " + t + ".\");");
        w.Close();
        w.Close();
        w.Close();
        w.Close();
    }

    /// <summary>The fixed part of an open string enum; {T} is the type, {Validate} its validator.</summary>
    /// <summary>What an enum declares beside its values; Value, IsKnown, equality and the string conversion are <c>HppSchemaGen.OpenEnum</c>'s.</summary>
    private const string EnumTemplate = """
        private {T}(string value, bool known) : base(value, known) { }

        /// <summary>The instance for <paramref name="value"/>: a declared one when known, else a new one that keeps the value.</summary>
        public static {T} From(string value) => __Known(value ?? throw new global::System.ArgumentNullException(nameof(value))) ?? new {T}(value, false);

        /// <summary>See <see cref="From"/>.</summary>
        public static explicit operator {T}(string value) => From(value);

        """;

    private static void EmitEnum(SourceWriter w, TypeSpec type)
    {
        string t = type.Name;
        string self = CSharp.TypeName(type);
        w.Line("[" + Json + ".Serialization.JsonConverter(typeof(" + t + ".Converter))]");
        w.Open("public sealed partial class " + t + " : " + Runtime + ".OpenEnum<" + t + ">");
        foreach (EnumMemberSpec m in type.EnumMembers)
        {
            w.Line("/// <summary>The value <c>" + XmlText(m.Value) + "</c>.</summary>");
            w.Line("public static " + t + " " + m.Name + " { get; } = new " + t + "(" + CSharp.Literal(m.Value) + ", true);");
            w.Line();
        }
        w.Template(EnumTemplate.Replace("{T}", t));
        w.Line("/// <summary>Every value the schema declares.</summary>");
        w.Line("public static global::System.Collections.Generic.IReadOnlyList<" + t + "> KnownValues { get; } = new " + t + "[] { " + string.Join(", ", type.EnumMembers.Select(m => m.Name)) + " };");
        w.Line();
        if (type.EnumMembers.Count <= MaxInlineEnumMatches)
        {
            w.Open("private static " + t + "? __Known(string value) => value switch");
            foreach (EnumMemberSpec m in type.EnumMembers) w.Line(CSharp.Literal(m.Value) + " => " + m.Name + ",");
            w.Line("_ => null,");
            w.Close(";");
        }
        else
        {
            // A switch over thousands of strings takes the compiler minutes; a map built on first use does not.
            w.Line("private static global::System.Collections.Generic.Dictionary<string, " + t + ">? __knownMap;");
            w.Line();
            w.Open("private static " + t + "? __Known(string value)");
            w.Open("if (__knownMap is null)");
            w.Line("var map = new global::System.Collections.Generic.Dictionary<string, " + t + ">(global::System.StringComparer.Ordinal);");
            w.Line("foreach (" + t + " known in KnownValues) map[known.Value] = known;");
            w.Line("__knownMap = map;");
            w.Close();
            w.Line("return __knownMap.TryGetValue(value, out " + t + "? found) ? found : null;");
            w.Close();
        }
        w.Line();
        EmitValidate(w, type);
        w.Line();
        w.Line("/// <summary>Reads and writes the JSON string; unknown values are kept, never rejected.</summary>");
        w.Open("public sealed class Converter : " + Json + ".Serialization.JsonConverter<" + t + ">");
        w.Line("/// <inheritdoc/>");
        w.Open("public override " + t + " Read(ref " + Json + ".Utf8JsonReader reader, global::System.Type typeToConvert, " + Json + ".JsonSerializerOptions options)");
        w.Line("if (reader.TokenType != " + Json + ".JsonTokenType.String) throw new " + Json + ".JsonException(\"Expected a JSON string for " + t + ".\");");
        // Known values are matched on the UTF-8 bytes, allocating nothing; a very large enum goes through
        // the string switch instead, so the method stays small.
        if (type.EnumMembers.Count <= MaxInlineEnumMatches)
        {
            foreach (EnumMemberSpec m in type.EnumMembers)
            {
                // Qualified: inside the converter, a member named like a JsonConverter member (Type) would bind to that.
                if (!CSharp.HasLoneSurrogate(m.Value)) w.Line("if (reader.ValueTextEquals(" + CSharp.Utf8Literal(m.Value) + ")) return " + self + "." + m.Name + ";");
            }
        }
        w.Line("return " + self + ".From(reader.GetString()!);");
        w.Close();
        w.Line();
        w.Line("/// <inheritdoc/>");
        w.Line("public override void Write(" + Json + ".Utf8JsonWriter writer, " + t + " value, " + Json + ".JsonSerializerOptions options) => writer.WriteStringValue(value.Value);");
        w.Close();
        w.Close();
    }

    private static string XmlText(string value) => DocComments.EscapeInline(value);
}
