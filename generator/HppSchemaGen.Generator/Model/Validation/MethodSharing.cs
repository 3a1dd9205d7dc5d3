using System;
using System.Collections.Generic;
using System.Linq;
using HppSchemaGen.Generator.Helpers;

namespace HppSchemaGen.Generator.Model.Validation;

/// <summary>
/// Each group shares identical validator bodies within itself (<see cref="Canonicalizer"/>); this
/// does the same across groups, over the methods they made: methods of one namespace with the same
/// checks, calling methods that are identical in turn, become the first of them (a partition
/// refinement, so cycles are handled), and every call and type refers to it.
/// </summary>
internal static class MethodSharing
{
    private sealed record Signature(string Namespace, bool? Boolean, bool Tracks, EquatableArray<DynamicAnchorEntry> Enters, EquatableArray<Check> Checks, int Previous);

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

        // First the shape of each body with the methods it calls left out: a method whose shape no
        // other method has can share with none, so only the others are refined (calls to a
        // method that cannot share keep its name, which tells it apart).
        int[] classes = new int[methods.Count];
        var shapes = new Dictionary<Signature, int>();
        var sizes = new List<int>();
        for (int i = 0; i < methods.Count; i++)
        {
            ValidatorMethodSpec m = methods[i].Method;
            var blank = m.Checks.Select(c => c.MapTargets(t => index.ContainsKey((t.Namespace, t.Method))
                ? new NodeRef(NodeRefKind.Node, -1, string.Empty, string.Empty, t.Via, t.Absolute) : t)).ToEquatableArray();
            var shape = new Signature(methods[i].Namespace, m.Boolean, m.TracksEvaluated, m.EntersAnchors, blank, 0);
            if (!shapes.TryGetValue(shape, out int id))
            {
                shapes[shape] = id = shapes.Count;
                sizes.Add(0);
            }
            classes[i] = id;
            sizes[id]++;
        }
        var candidates = Enumerable.Range(0, methods.Count).Where(i => sizes[classes[i]] > 1).ToList();
        if (candidates.Count == 0) return files;
        int count = shapes.Count;
        while (true)
        {
            var ids = new Dictionary<Signature, int>();
            int[] next = (int[])classes.Clone();
            foreach (int i in candidates)
            {
                ValidatorMethodSpec m = methods[i].Method;
                var checks = m.Checks.Select(c => c.MapTargets(t => index.TryGetValue((t.Namespace, t.Method), out int j)
                    ? new NodeRef(NodeRefKind.Node, classes[j], string.Empty, string.Empty, t.Via, t.Absolute) : t)).ToEquatableArray();
                var sig = new Signature(methods[i].Namespace, m.Boolean, m.TracksEvaluated, m.EntersAnchors, checks, classes[i]);
                if (!ids.TryGetValue(sig, out int id)) ids[sig] = id = shapes.Count + ids.Count;
                next[i] = id;
            }
            classes = next;
            int total = methods.Count - candidates.Count + ids.Count;
            if (total == count) break;
            count = total;
        }
        if (count == methods.Count) return files;

        // The first method of each class stands for it; an entry if any of them was.
        var first = new Dictionary<int, int>();
        var entry = new HashSet<int>();
        for (int i = 0; i < methods.Count; i++)
        {
            if (!first.ContainsKey(classes[i])) first[classes[i]] = i;
            if (methods[i].Method.IsEntry) entry.Add(classes[i]);
        }
        NodeRef Final(NodeRef t)
            => t.Kind == NodeRefKind.Method && index.TryGetValue((t.Namespace, t.Method), out int j)
                ? t with { Method = methods[first[classes[j]]].Method.Name } : t;

        var result = new List<ValidatorFileSpec>();
        int at = 0;
        foreach (ValidatorFileSpec f in files)
        {
            var kept = new List<ValidatorMethodSpec>();
            foreach (ValidatorMethodSpec m in f.Methods)
            {
                int i = at++;
                if (first[classes[i]] != i) continue;
                kept.Add(m with { Checks = m.Checks.Select(c => c.MapTargets(Final)).ToEquatableArray(), IsEntry = entry.Contains(classes[i]) });
            }
            if (kept.Count > 0) result.Add(f with { Methods = kept.ToEquatableArray() });
        }
        types = types.Select(t => t with { Validator = Final(t.Validator), UnionCases = t.UnionCases.Select(c => c with { Validator = Final(c.Validator) }).ToEquatableArray() }).ToList();
        return result;
    }
}
