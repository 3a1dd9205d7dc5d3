using System;
using System.Collections.Generic;
using System.Linq;
using HppSchemaGen.Generator.Helpers;

namespace HppSchemaGen.Generator.Model.Validation;

/// <summary>
/// Each group shares identical validator bodies within itself (<see cref="Canonicalizer"/>); this
/// does the same across groups, over the methods they made: a method of one namespace whose checks
/// equal an earlier method's (calls compared by what the callee became) becomes that one, and every
/// call and type refers to it.
/// </summary>
internal static class MethodSharing
{
    private sealed record Shape(string Namespace, bool? Boolean, bool Tracks, EquatableArray<DynamicAnchorEntry> Enters, EquatableArray<Check> Checks);

    /// <summary>The method's body with every call's target left out (its keyword path and absolute location kept).</summary>
    private static Shape ShapeOf(string ns, ValidatorMethodSpec m)
    {
        var blank = m.Checks.Select(c => c.MapTargets(t => t.Kind == NodeRefKind.Method
            ? new NodeRef(NodeRefKind.Node, -1, string.Empty, string.Empty, t.Via, t.Absolute) : t)).ToEquatableArray();
        return new Shape(ns, m.Boolean, m.TracksEvaluated, m.EntersAnchors, blank);
    }

    /// <summary>A hash of <see cref="ShapeOf"/>: equal shapes, equal hashes (within one process, where pipeline values live).</summary>
    public static int ShapeHash(string ns, ValidatorMethodSpec m) => ShapeOf(ns, m).GetHashCode();

    public static List<ValidatorFileSpec> Share(List<ValidatorFileSpec> files, ref List<TypeSpec> types)
    {
        var methods = new List<(string Namespace, ValidatorMethodSpec Method)>();
        var index = new Dictionary<(string, string), int>();
        foreach (ValidatorFileSpec f in files)
        {
            foreach (ValidatorMethodSpec m in f.Methods)
            {
                index[(f.Namespace, m.Name)] = methods.Count;
                methods.Add((f.Namespace, m));
            }
        }

        // Methods are compared only with those of the same namespace and shape hash (taken where they
        // were made, a cached step): a body equal to an earlier one's, once the methods it calls are
        // named by what they became, becomes that one. Repeated until nothing changes, so callers of
        // merged methods merge in turn (bottom-up; methods calling each other in a cycle across
        // groups stay apart, which costs bytes, never correctness).
        var buckets = new Dictionary<(string, int), List<int>>();
        for (int i = 0; i < methods.Count; i++)
        {
            (string ns, ValidatorMethodSpec m) = methods[i];
            if (!buckets.TryGetValue((ns, m.ShapeHash), out List<int>? list)) buckets[(ns, m.ShapeHash)] = list = new List<int>();
            list.Add(i);
        }
        int[] rep = Enumerable.Range(0, methods.Count).ToArray();
        // A method merged into one that later merged too: follow to the one that stays.
        int Root(int i)
        {
            while (rep[i] != i) i = rep[i];
            return i;
        }
        bool Renamed(NodeRef t) => t.Kind == NodeRefKind.Method && index.TryGetValue((t.Namespace, t.Method), out int j) && rep[j] != j;
        NodeRef Final(NodeRef t)
            => t.Kind == NodeRefKind.Method && index.TryGetValue((t.Namespace, t.Method), out int j) && rep[j] != j
                ? t with { Method = methods[Root(j)].Method.Name } : t;
        // One delegate for every rewrite (a method group converts anew at each call).
        Func<NodeRef, NodeRef> final = Final;
        EquatableArray<Check> Body(ValidatorMethodSpec m)
        {
            foreach (Check c in m.Checks)
            {
                foreach (NodeRef t in c.Targets)
                {
                    if (Renamed(t)) return m.Checks.Select(x => x.MapTargets(final)).ToEquatableArray();
                }
            }
            return m.Checks;
        }
        bool merged = false;
        for (bool changed = true; changed;)
        {
            changed = false;
            foreach (List<int> bucket in buckets.Values)
            {
                if (bucket.Count < 2) continue;
                // A dictionary, not a scan: a bucket holds thousands of bodies that differ only until
                // the methods they call have merged (an address object's in every component).
                var distinct = new Dictionary<Shape, int>();
                foreach (int i in bucket)
                {
                    if (rep[i] != i) continue;
                    (string ns, ValidatorMethodSpec m) = methods[i];
                    var body = new Shape(ns, m.Boolean, m.TracksEvaluated, m.EntersAnchors, Body(m));
                    if (!distinct.TryGetValue(body, out int same)) distinct[body] = i;
                    else
                    {
                        rep[i] = same;
                        changed = merged = true;
                    }
                }
            }
        }
        if (!merged) return files;
        var entry = new HashSet<int>();
        for (int i = 0; i < methods.Count; i++)
        {
            if (methods[i].Method.IsEntry) entry.Add(Root(i));
        }

        // Only what names a merged-away method is rewritten: the rest are the same objects as before.
        var result = new List<ValidatorFileSpec>();
        int at = 0;
        foreach (ValidatorFileSpec f in files)
        {
            var kept = new List<ValidatorMethodSpec>();
            bool changed = false;
            foreach (ValidatorMethodSpec m in f.Methods)
            {
                int i = at++;
                if (rep[i] != i)
                {
                    changed = true;
                    continue;
                }
                bool entryNow = entry.Contains(i);
                bool calls = false;
                foreach (Check c in m.Checks)
                {
                    foreach (NodeRef t in c.Targets) calls |= Renamed(t);
                }
                if (!calls && entryNow == m.IsEntry)
                {
                    kept.Add(m);
                    continue;
                }
                changed = true;
                kept.Add(m with { Checks = calls ? m.Checks.Select(c => c.MapTargets(final)).ToEquatableArray() : m.Checks, IsEntry = entryNow });
            }
            if (!changed) result.Add(f);
            else if (kept.Count > 0) result.Add(f with { Methods = kept.ToEquatableArray() });
        }
        types = types.Select(t => !Renamed(t.Validator) && !t.UnionCases.Any(c => Renamed(c.Validator)) ? t
            : t.MapValidators(final)).ToList();
        return result;
    }
}
