using System;
using System.Collections.Generic;

namespace HppSchemaGen.Generator.Model;

/// <summary>
/// The greatest set of records whose members are all acceptable, where a member's acceptability may
/// depend on the set itself (a record refers to records that must stay in it: readers, fast paths).
/// Found with a worklist over who refers to whom, so a removal is propagated only to the records that
/// refer to the one removed: linear in types and references, where re-scanning every record until
/// nothing changes is quadratic along a chain of references (2,000 components in a ring).
/// </summary>
internal static class RecordFixedPoint
{
    /// <summary>For each record, the records that refer to it (a member of its type, element types included): built once per set, read by every <see cref="Narrow"/>.</summary>
    public static Dictionary<(string, string), List<TypeSpec>> Referrers(IEnumerable<TypeSpec> types)
    {
        var referrers = new Dictionary<(string, string), List<TypeSpec>>();
        foreach (TypeSpec t in types)
        {
            if (t.Kind != TypeSpecKind.Record) continue;
            foreach (PropertySpec p in t.Properties) AddReferrer(p.Type, t, referrers);
        }
        return referrers;
    }

    /// <summary>
    /// Removes from <paramref name="set"/> every record with a member <paramref name="memberOk"/>
    /// rejects, until none is left (<paramref name="referrers"/>: <see cref="Referrers"/> of the same types).
    /// </summary>
    public static void Narrow(IEnumerable<TypeSpec> types, HashSet<(string, string)> set, Func<TypeRef, bool> memberOk, Dictionary<(string, string), List<TypeSpec>> referrers)
    {
        var pending = new Queue<TypeSpec>();
        foreach (TypeSpec t in types)
        {
            if (set.Contains((t.Namespace, t.Name))) pending.Enqueue(t);
        }
        while (pending.Count > 0)
        {
            TypeSpec t = pending.Dequeue();
            if (!set.Contains((t.Namespace, t.Name)) || AllOk(t, memberOk)) continue;
            set.Remove((t.Namespace, t.Name));
            if (!referrers.TryGetValue((t.Namespace, t.Name), out List<TypeSpec>? up)) continue;
            foreach (TypeSpec u in up) pending.Enqueue(u);
        }
    }

    private static bool AllOk(TypeSpec t, Func<TypeRef, bool> memberOk)
    {
        foreach (PropertySpec p in t.Properties)
        {
            if (!memberOk(p.Type)) return false;
        }
        return true;
    }

    /// <summary>Records <paramref name="from"/> as referring to every record <paramref name="type"/> names, element types included.</summary>
    private static void AddReferrer(TypeRef type, TypeSpec from, Dictionary<(string, string), List<TypeSpec>> referrers)
    {
        if (type.Kind == TypeRefKind.Record)
        {
            if (!referrers.TryGetValue((type.Namespace, type.Name), out List<TypeSpec>? list)) referrers[(type.Namespace, type.Name)] = list = new List<TypeSpec>();
            list.Add(from);
        }
        foreach (TypeRef argument in type.Arguments) AddReferrer(argument, from, referrers);
    }
}
