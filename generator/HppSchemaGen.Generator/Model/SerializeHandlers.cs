using System.Collections.Generic;
using System.Linq;

namespace HppSchemaGen.Generator.Model;

/// <summary>
/// Which records get the context's fast path (<see cref="TypeSpec.HasSerializeHandler"/>): straight
/// <c>Utf8JsonWriter</c> calls, for records whose members are all of kinds written the same way
/// System.Text.Json's converters write them. Decided here, over the whole set, so that each record's
/// metadata is emitted from its own <see cref="TypeSpec"/> alone.
/// </summary>
internal static class SerializeHandlers
{
    /// <summary>Every record, less those with a member that cannot be written (<see cref="RecordFixedPoint"/>: records refer to each other).</summary>
    public static List<TypeSpec> Mark(List<TypeSpec> types, Dictionary<(string, string), List<TypeSpec>> referrers)
    {
        var enums = new HashSet<(string, string)>(types.Where(t => t.Kind == TypeSpecKind.Enum).Select(t => (t.Namespace, t.Name)));
        var eligible = new HashSet<(string, string)>(types.Where(t => t.Kind == TypeSpecKind.Record).Select(t => (t.Namespace, t.Name)));
        RecordFixedPoint.Narrow(types, eligible, member => Writable(member, enums, eligible), referrers);
        // A type already marked as decided stays the same object (see ModelMerge.Presume).
        TypeSpec Marked(TypeSpec t)
        {
            bool writes = t.Kind == TypeSpecKind.Record && eligible.Contains((t.Namespace, t.Name));
            return t.HasSerializeHandler == writes ? t : t with { HasSerializeHandler = writes };
        }
        return types.Select(Marked).ToList();
    }

    private static bool Writable(TypeRef t, HashSet<(string, string)> enums, HashSet<(string, string)> records) => t.Kind switch
    {
        TypeRefKind.Primitive => t.Name is not "DateOnly",
        TypeRefKind.Enum => enums.Contains((t.Namespace, t.Name)),
        TypeRefKind.Record => records.Contains((t.Namespace, t.Name)),
        TypeRefKind.List or TypeRefKind.Dictionary => Writable(t.Arguments[0], enums, records),
        _ => false,
    };
}
