using System;
using System.Collections.Generic;
using System.Linq;
using HppSchemaGen.Generator.Helpers;

namespace HppSchemaGen.Generator.Model.Validation;

/// <summary>
/// Which records <c>Parse</c> reads in one pass (<see cref="TypeSpec.HasReader"/>): the generated
/// reader fills the record from a <c>Utf8JsonReader</c>, then the record's value validator judges
/// what was read. That equals validating the bytes only when reading loses nothing the schema
/// could judge, so a record gets a reader when every member is of a kind read exactly (strings,
/// integers, numbers, booleans, dates, uuids, open enums, <c>JsonElement</c>, records with readers,
/// lists of records, enums, strings or JSON values), it has at most 64 members (one bit each, to refuse duplicates), and its value
/// validators never fall back to serializing (see <see cref="ValuePlanner"/>). Whatever the reader
/// cannot take as is (an explicit null, a duplicate, <c>2.0</c> for a long, a non-RFC 3339 date)
/// makes it give up, and <c>Parse</c> takes the validate-then-deserialize path, errors and all.
/// </summary>
internal static class Readers
{
    public const int MaxMembers = 64;

    /// <summary>Marks the records that get a reader: a greatest fixed point (<see cref="RecordFixedPoint"/>), since records refer to each other.</summary>
    public static List<TypeSpec> Mark(List<TypeSpec> types, Func<TypeSpec, bool> validatedExactly, Dictionary<(string, string), List<TypeSpec>> referrers)
    {
        var candidates = new HashSet<(string, string)>(types
            .Where(t => t.Kind == TypeSpecKind.Record && t.ValueValidator.Length > 0 && t.Properties.Count <= MaxMembers && validatedExactly(t))
            .Select(t => (t.Namespace, t.Name)));
        RecordFixedPoint.Narrow(types, candidates, member => Readable(member, candidates), referrers);
        // A list root (a schema class of records, like a page of responses) reads as a list of them.
        bool ListRoot(TypeSpec t) => t is { Kind: TypeSpecKind.Schema, ValueType: { Kind: TypeRefKind.List } list }
            && t.ValueValidator.Length > 0 && list.Arguments[0].Kind == TypeRefKind.Record
            && candidates.Contains((list.Arguments[0].Namespace, list.Arguments[0].Name)) && validatedExactly(t);
        // A type already marked as decided stays the same object (see ModelMerge.Presume).
        TypeSpec Marked(TypeSpec t)
        {
            bool reads = candidates.Contains((t.Namespace, t.Name)) || ListRoot(t);
            return t.HasReader == reads ? t : t with { HasReader = reads };
        }
        return types.Select(Marked).ToList();
    }

    private static bool Readable(TypeRef t, HashSet<(string, string)> records) => t.Kind switch
    {
        TypeRefKind.Primitive => t.Name is "String" or "Int32" or "Int64" or "Double" or "Single" or "Decimal" or "Boolean" or "DateTimeOffset" or "Guid" or "JsonElement",
        TypeRefKind.Enum => true,
        TypeRefKind.Record => records.Contains((t.Namespace, t.Name)),
        // Lists of the kinds the runtime reads in one call (JsonReading): records, open enums, strings, JSON values.
        TypeRefKind.List => t.Arguments[0] is { Kind: TypeRefKind.Enum } or { Name: "String" or "JsonElement", Kind: TypeRefKind.Primitive }
                            || (t.Arguments[0].Kind == TypeRefKind.Record && records.Contains((t.Arguments[0].Namespace, t.Arguments[0].Name))),
        _ => false,
    };
}

