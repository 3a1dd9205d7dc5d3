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
/// A property's CLR type as data: the namespace and name of the type (for a primitive, its CLR
/// name: <c>System.Int64</c>), and for collections the element type. Emit/CSharp.cs renders it.
/// </summary>
internal sealed record TypeRef(TypeRefKind Kind, string Namespace, string Name, bool IsValueType, EquatableArray<TypeRef> Arguments)
{
    private static TypeRef Primitive(string ns, string name, bool isValueType)
        => new(TypeRefKind.Primitive, ns, name, isValueType, EquatableArray<TypeRef>.Empty);

    public static readonly TypeRef String = Primitive("System", "String", false);
    public static readonly TypeRef Boolean = Primitive("System", "Boolean", true);
    public static readonly TypeRef Int32 = Primitive("System", "Int32", true);
    public static readonly TypeRef Int64 = Primitive("System", "Int64", true);
    public static readonly TypeRef Double = Primitive("System", "Double", true);
    public static readonly TypeRef Single = Primitive("System", "Single", true);
    public static readonly TypeRef Decimal = Primitive("System", "Decimal", true);
    public static readonly TypeRef DateTimeOffset = Primitive("System", "DateTimeOffset", true);
    public static readonly TypeRef DateOnly = Primitive("System", "DateOnly", true);
    public static readonly TypeRef Guid = Primitive("System", "Guid", true);
    public static readonly TypeRef JsonElement = Primitive("System.Text.Json", "JsonElement", true);

    /// <summary>Every primitive above.</summary>
    public static readonly TypeRef[] Primitives = { String, Boolean, Int32, Int64, Double, Single, Decimal, DateTimeOffset, DateOnly, Guid, JsonElement };

    /// <summary>An identifier for the type's metadata (<c>ListOfOptionsV1</c>), unique per type.</summary>
    public string MetadataName => Kind switch
    {
        TypeRefKind.List => "ListOf" + Arguments[0].MetadataName,
        TypeRefKind.Dictionary => "DictionaryOf" + Arguments[0].MetadataName,
        _ => Name,
    };

    public static TypeRef Generated(TypeRefKind kind, string ns, string name)
        => new(kind, ns, name, false, EquatableArray<TypeRef>.Empty);

    public static TypeRef ListOf(TypeRef element)
        => new(TypeRefKind.List, "System.Collections.Generic", "List", false, new[] { element }.ToEquatableArray());

    public static TypeRef DictionaryOf(TypeRef value)
        => new(TypeRefKind.Dictionary, "System.Collections.Generic", "Dictionary", false, new[] { value }.ToEquatableArray());
}
