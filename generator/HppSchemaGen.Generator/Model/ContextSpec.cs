using System.Collections.Generic;
using System.Linq;
using HppSchemaGen.Generator.Helpers;

namespace HppSchemaGen.Generator.Model;

/// <summary>
/// What the context's root file needs: the generated types' names and kinds and the CLR types their
/// members use, never documentation, defaults or validators. Each record's own metadata (property
/// list, accessors, fast path) is emitted in the record's file, so an edit to one schema re-emits
/// that type's file and leaves the root as it was unless the set of types or a member's type changed.
/// </summary>
internal sealed record ContextSpec(GeneratorOptions Options, EquatableArray<ContextTypeSpec> Types, string HintName)
{
    public static ContextSpec From(GeneratorOptions options, IEnumerable<TypeSpec> types, string hintName)
        => new(options, types.Select(ContextTypeSpec.From).ToEquatableArray(), hintName);
}

/// <summary>One generated type as the context's root sees it.</summary>
internal sealed record ContextTypeSpec(TypeSpecKind Kind, TypeRef Type, TypeRef? ValueType, EquatableArray<ContextMemberSpec> Members, bool HasSerializeHandler)
{
    public static ContextTypeSpec From(TypeSpec t)
    {
        var members = new List<ContextMemberSpec>();
        foreach (PropertySpec p in t.Properties) members.Add(new ContextMemberSpec(p.Type, p.Type.IsValueType && p.IsNullable));
        if (t.ExtensionDataName is not null) members.Add(new ContextMemberSpec(TypeRef.DictionaryOf(TypeRef.JsonElement), false));
        foreach (UnionCaseSpec c in t.UnionCases) members.Add(new ContextMemberSpec(c.Type, false));
        return new ContextTypeSpec(t.Kind, t.AsRef, t.ValueType, members.ToEquatableArray(), t.HasSerializeHandler);
    }
}

/// <summary>A CLR type a member uses, and whether the member holds it as <c>Nullable&lt;T&gt;</c>.</summary>
internal sealed record ContextMemberSpec(TypeRef Type, bool NullableValue);
