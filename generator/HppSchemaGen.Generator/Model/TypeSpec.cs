using System.Linq;
using HppSchemaGen.Generator.Helpers;
using HppSchemaGen.Generator.Model.Validation;

namespace HppSchemaGen.Generator.Model;

internal enum TypeSpecKind
{
    /// <summary>An object schema: a sealed record with one init property per JSON member.</summary>
    Record,

    /// <summary>A string enum: an open, string-backed type that keeps values it does not know.</summary>
    Enum,

    /// <summary>Any other schema: a static class that validates (values are JsonElement or a primitive).</summary>
    Schema,

    /// <summary>oneOf/anyOf: an abstract record with one sealed case record per branch, and Unknown.</summary>
    Union,
}

/// <summary>Everything needed to emit one generated type's file; equatable so unchanged types are not re-emitted.</summary>
internal sealed record TypeSpec(
    TypeSpecKind Kind,
    string Namespace,
    string Name,
    string ContextNamespace,
    string ContextName,
    string DocumentId,
    string Pointer,
    DocSpec Docs,
    EquatableArray<PropertySpec> Properties,
    string? ExtensionDataName,
    EquatableArray<EnumMemberSpec> EnumMembers,
    NodeRef Validator)
{
    /// <summary>Cases of a union, in branch order.</summary>
    public EquatableArray<UnionCaseSpec> UnionCases { get; init; } = EquatableArray<UnionCaseSpec>.Empty;

    /// <summary>For a schema class (an array, map or primitive root): the CLR type its values map to.</summary>
    public TypeRef? ValueType { get; init; }

    /// <summary>A member whose constant value tells the union's branches apart, when there is one.</summary>
    public string? Discriminator { get; init; }

    /// <summary>
    /// The method of the <c>__ValueValidators</c> class of <see cref="Validator"/>'s namespace that
    /// validates a value of this type built in code (<see cref="ValuePlanner"/>); empty when there is none.
    /// </summary>
    public string ValueValidator { get; init; } = string.Empty;

    /// <summary>A record <c>Parse</c> reads in one pass (<see cref="Readers"/>).</summary>
    public bool HasReader { get; init; }

    /// <summary>A record the context writes through its fast path (<see cref="SerializeHandlers"/>).</summary>
    public bool HasSerializeHandler { get; init; }

    /// <summary>The generated file's hint name, unique ignoring case (assigned by the model through <see cref="HintNames"/>).</summary>
    public string HintName { get; init; } = string.Empty;

    /// <summary>The type with its validator and its union cases' validators mapped (to the methods canonicalization or sharing chose).</summary>
    public TypeSpec MapValidators(System.Func<Validation.NodeRef, Validation.NodeRef> map)
        => this with { Validator = map(Validator), UnionCases = UnionCases.Select(c => c with { Validator = map(c.Validator) }).ToEquatableArray() };

    /// <summary>This type as a reference.</summary>
    public TypeRef AsRef => TypeRef.Generated(Kind switch { TypeSpecKind.Record => TypeRefKind.Record, TypeSpecKind.Enum => TypeRefKind.Enum, _ => TypeRefKind.Union }, Namespace, Name);
}

/// <summary>One record property.</summary>
internal sealed record PropertySpec(string JsonName, string Name, TypeRef Type, bool IsRequired, bool IsNullable, DocSpec Docs)
{
    /// <summary>The schema's <c>default</c>, used as the initializer when the member is absent.</summary>
    public PropertyDefault? Default { get; init; }
}

/// <summary>
/// A <c>default</c> that is a constant of the property's own type: the JSON value's text (the
/// string itself for strings, the number as written, <c>true</c>/<c>false</c>), or for an enum the member.
/// </summary>
internal sealed record PropertyDefault(string Text, string? EnumMember);

/// <summary>One branch of a union: its case record wraps a value of <see cref="Type"/>.</summary>
internal sealed record UnionCaseSpec(string Name, TypeRef Type, NodeRef Validator, string? DiscriminatorValue, DocSpec Docs);

/// <summary>One known value of a string enum.</summary>
internal sealed record EnumMemberSpec(string Name, string Value);

/// <summary>
/// XML documentation text taken from title / description / examples (raw; escaped when emitted).
/// The model, which never sees descriptions, holds only <see cref="At"/>: where the schema object is;
/// <see cref="DocIndex"/> fills in the text just before the type is emitted.
/// </summary>
internal sealed record DocSpec(string? Title, string? Description, EquatableArray<string> Examples)
{
    public static readonly DocSpec None = new(null, null, EquatableArray<string>.Empty);

    /// <summary>The schema object whose documentation this is, until it is looked up.</summary>
    public DocRef? At { get; init; }
}

/// <summary>
/// A schema object: its file and its JSON Pointer there (not an offset: an edit earlier in the file
/// must not make every later type look changed).
/// </summary>
internal sealed record DocRef(string Path, string Pointer);
