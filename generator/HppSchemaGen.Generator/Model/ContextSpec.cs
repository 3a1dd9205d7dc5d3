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
internal sealed record ContextSpec(GeneratorOptions Options, EquatableArray<ContextTypeSpec> Types, EquatableArray<ContextMemberSpec> MemberTypes, string HintName)
{
    /// <remarks>
    /// Member types are kept once each, in the order first met (types by name, members in order):
    /// the root declares one metadata property per CLR type, so a member changing to a type the set
    /// already uses leaves the spec, and the root, as they were.
    /// </remarks>
    public static ContextSpec From(GeneratorOptions options, IEnumerable<TypeSpec> types, string hintName)
    {
        var list = types.ToList();
        var seen = new HashSet<ContextMemberSpec>();
        var members = new List<ContextMemberSpec>();
        foreach (TypeSpec t in list)
        {
            foreach (ContextMemberSpec m in MembersOf(t))
            {
                if (seen.Add(m)) members.Add(m);
            }
        }
        return new(options, list.Select(ContextTypeSpec.From).ToEquatableArray(), members.ToEquatableArray(), hintName);
    }

    private static IEnumerable<ContextMemberSpec> MembersOf(TypeSpec t)
    {
        foreach (PropertySpec p in t.Properties) yield return new ContextMemberSpec(p.Type, p.Type.IsValueType && p.IsNullable);
        if (t.ExtensionDataName is not null) yield return new ContextMemberSpec(TypeRef.DictionaryOf(TypeRef.JsonElement), false);
        foreach (UnionCaseSpec c in t.UnionCases) yield return new ContextMemberSpec(c.Type, false);
    }
}

/// <summary>One generated type as the context's root sees it.</summary>
internal sealed record ContextTypeSpec(TypeSpecKind Kind, TypeRef Type, TypeRef? ValueType, bool HasSerializeHandler)
{
    public static ContextTypeSpec From(TypeSpec t) => new(t.Kind, t.AsRef, t.ValueType, t.HasSerializeHandler);
}

/// <summary>A CLR type a member uses, and whether the member holds it as <c>Nullable&lt;T&gt;</c>.</summary>
internal sealed record ContextMemberSpec(TypeRef Type, bool NullableValue);
