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
    public static ContextSpec From(GeneratorOptions options, IReadOnlyList<TypeSpec> types, string hintName)
    {
        // A member type is made into a spec only the first time it is met, not once per member.
        var seen = new HashSet<(TypeRef, bool)>();
        var members = new List<ContextMemberSpec>();
        void Add(TypeRef type, bool nullableValue)
        {
            if (seen.Add((type, nullableValue))) members.Add(new ContextMemberSpec(type, nullableValue));
        }
        var kinds = new ContextTypeSpec[types.Count];
        for (int i = 0; i < types.Count; i++)
        {
            TypeSpec t = types[i];
            kinds[i] = ContextTypeSpec.From(t);
            foreach (PropertySpec p in t.Properties) Add(p.Type, p.Type.IsValueType && p.IsNullable);
            if (t.ExtensionDataName is not null) Add(TypeRef.DictionaryOf(TypeRef.JsonElement), false);
            foreach (UnionCaseSpec c in t.UnionCases) Add(c.Type, false);
        }
        return new(options, kinds.ToEquatableArray(), members.ToEquatableArray(), hintName);
    }
}

/// <summary>One generated type as the context's root sees it.</summary>
internal sealed record ContextTypeSpec(TypeSpecKind Kind, TypeRef Type, TypeRef? ValueType, bool HasSerializeHandler)
{
    public static ContextTypeSpec From(TypeSpec t) => new(t.Kind, t.AsRef, t.ValueType, t.HasSerializeHandler);
}

/// <summary>A CLR type a member uses, and whether the member holds it as <c>Nullable&lt;T&gt;</c>.</summary>
internal sealed record ContextMemberSpec(TypeRef Type, bool NullableValue);
