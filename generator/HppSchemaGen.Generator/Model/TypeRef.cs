using HppSchemaGen.Generator.Helpers;

namespace HppSchemaGen.Generator.Model;

internal enum TypeRefKind
{
    /// <summary>A CLR type System.Text.Json has a converter for (string, long, DateTimeOffset, JsonElement ...).</summary>
    Primitive,
    Record,
    Enum,
    List,
    Dictionary,
    Union,
}

/// <summary>
/// A property's CLR type as data: its <c>global::</c>-qualified name, and for collections the
/// element type, so the context emitter can build metadata for every type reachable.
/// </summary>
internal sealed record TypeRef(TypeRefKind Kind, string FullName, bool IsValueType, string MetadataName, EquatableArray<TypeRef> Arguments)
{
    public static TypeRef Primitive(string fullName, bool isValueType, string metadataName)
        => new(TypeRefKind.Primitive, fullName, isValueType, metadataName, EquatableArray<TypeRef>.Empty);

    public static readonly TypeRef String = Primitive("string", false, "String");
    public static readonly TypeRef Boolean = Primitive("bool", true, "Boolean");
    public static readonly TypeRef Int32 = Primitive("int", true, "Int32");
    public static readonly TypeRef Int64 = Primitive("long", true, "Int64");
    public static readonly TypeRef Double = Primitive("double", true, "Double");
    public static readonly TypeRef Single = Primitive("float", true, "Single");
    public static readonly TypeRef Decimal = Primitive("decimal", true, "Decimal");
    public static readonly TypeRef DateTimeOffset = Primitive("global::System.DateTimeOffset", true, "DateTimeOffset");
    public static readonly TypeRef DateOnly = Primitive("global::System.DateOnly", true, "DateOnly");
    public static readonly TypeRef Guid = Primitive("global::System.Guid", true, "Guid");
    public static readonly TypeRef JsonElement = Primitive("global::System.Text.Json.JsonElement", true, "JsonElement");

    public static TypeRef Generated(TypeRefKind kind, string ns, string name)
        => new(kind, "global::" + ns + "." + name, false, name, EquatableArray<TypeRef>.Empty);

    public static TypeRef ListOf(TypeRef element)
        => new(TypeRefKind.List, "global::System.Collections.Generic.List<" + element.FullName + ">", false, "ListOf" + element.MetadataName, new[] { element }.ToEquatableArray());

    public static TypeRef DictionaryOf(TypeRef value)
        => new(TypeRefKind.Dictionary, "global::System.Collections.Generic.Dictionary<string, " + value.FullName + ">", false, "DictionaryOf" + value.MetadataName, new[] { value }.ToEquatableArray());
}
