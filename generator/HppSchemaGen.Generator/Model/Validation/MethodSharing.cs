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
    /// <summary>The method's body with every call's target left out (its keyword path and absolute location kept); its hash is the same for equal shapes within one process, where pipeline values live.</summary>
    public static MethodShape ShapeOf(string ns, ValidatorMethodSpec m)
    {
        var blank = m.Checks.Select(c => c.MapTargets(t => t.Kind == NodeRefKind.Method
            ? new NodeRef(NodeRefKind.Node, -1, string.Empty, string.Empty, t.Via, t.Absolute) : t)).ToEquatableArray();
        return new MethodShape(ns, m.Boolean, m.TracksEvaluated, m.EntersAnchors, blank);
    }

    /// <summary>The files with the methods merged away left out and every call to them renamed; <paramref name="types"/>' validators are renamed in place.</summary>
    public static List<ValidatorFileSpec> Share(List<ValidatorFileSpec> files, List<TypeSpec> types)
    {
        var methods = new List<(string Namespace, ValidatorMethodSpec Method)>();
        foreach (ValidatorFileSpec f in files)
        {
            foreach (ValidatorMethodSpec m in f.Methods) methods.Add((f.Namespace, m));
        }
        var index = new Dictionary<(string, string), int>(methods.Count);
        for (int i = 0; i < methods.Count; i++) index[(methods[i].Namespace, methods[i].Method.Name)] = i;

        // Methods are compared only with those of the same namespace and shape hash (taken where they
        // were made, a cached step): a body equal to an earlier one's, once the methods it calls are
        // named by what they became, becomes that one (the earliest of a class stays, whatever order
        // the classes form in). Merging only ever makes more bodies equal, so a bucket is looked at
        // again only when a method it holds calls one that merged: callers of merged methods merge in
        // turn (bottom-up; methods calling each other in a cycle across groups stay apart, which costs
        // bytes, never correctness).
        var bucketOf = new Dictionary<(string, int), int>();
        var buckets = new List<List<int>>();
        int[] bucket = new int[methods.Count];
        for (int i = 0; i < methods.Count; i++)
        {
            (string ns, ValidatorMethodSpec m) = methods[i];
            if (!bucketOf.TryGetValue((ns, m.ShapeHash), out int b))
            {
                bucketOf[(ns, m.ShapeHash)] = b = buckets.Count;
                buckets.Add(new List<int>());
            }
            buckets[b].Add(i);
            bucket[i] = b;
        }

        // What each method calls, by index (-1: a method of no file here), looked up once: method i's
        // calls are callees[first[i]] to callees[first[i + 1] - 1].
        var callees = new List<int>(methods.Count * 2);
        int[] first = new int[methods.Count + 1];
        for (int i = 0; i < methods.Count; i++)
        {
            first[i] = callees.Count;
            AddCalls(methods[i].Method, index, callees);
        }
        first[methods.Count] = callees.Count;
        int[] rep = Enumerable.Range(0, methods.Count).ToArray();
        // A method merged into one that later merged too: follow to the one that stays.
        int Root(int i)
        {
            while (rep[i] != i) i = rep[i];
            return i;
        }

        // Only a method that shares its bucket can merge: those are hashed (their body with each
        // call named by what its callee became) and known to their callees.
        var callers = new Dictionary<int, List<int>>();
        int[] hash = new int[methods.Count];
        var pending = new Queue<int>();
        bool[] queued = new bool[buckets.Count];
        for (int b = 0; b < buckets.Count; b++)
        {
            if (buckets[b].Count < 2) continue;
            pending.Enqueue(b);
            queued[b] = true;
            foreach (int i in buckets[b])
            {
                hash[i] = HashOf(i);
                for (int k = first[i]; k < first[i + 1]; k++)
                {
                    int j = callees[k];
                    if (j < 0) continue;
                    if (!callers.TryGetValue(j, out List<int>? list)) callers[j] = list = new List<int>();
                    list.Add(i);
                }
            }
        }
        int HashOf(int i)
        {
            int h = methods[i].Method.ShapeHash;
            for (int k = first[i]; k < first[i + 1]; k++) h = unchecked(h * 31 + (callees[k] < 0 ? 0 : Root(callees[k])));
            return h;
        }

        // The method a call's target merged into, or -1 when it stays as it is.
        int MergedInto(NodeRef t) => t.Kind == NodeRefKind.Method && index.TryGetValue((t.Namespace, t.Method), out int j) && rep[j] != j ? Root(j) : -1;
        bool Renamed(NodeRef t) => MergedInto(t) >= 0;
        NodeRef Final(NodeRef t) => MergedInto(t) is int r and >= 0 ? t with { Method = methods[r].Method.Name } : t;
        // One delegate for every rewrite (a method group converts anew at each call).
        Func<NodeRef, NodeRef> final = Final;
        EquatableArray<Check> Rewritten(ValidatorMethodSpec m) => m.Checks.Select(c => c.MapTargets(final)).ToEquatableArray();
        bool Calls(int i)
        {
            for (int k = first[i]; k < first[i + 1]; k++)
            {
                if (callees[k] >= 0 && rep[callees[k]] != callees[k]) return true;
            }
            return false;
        }
        MethodShape Body(int i)
        {
            (string ns, ValidatorMethodSpec m) = methods[i];
            return new MethodShape(ns, m.Boolean, m.TracksEvaluated, m.EntersAnchors, Calls(i) ? Rewritten(m) : m.Checks);
        }
        // Two bodies with their calls renamed are equal when their bodies with the calls left out
        // are (made where the method was) and they call the same classes in the same places: no
        // renamed copy is made to compare.
        var blanks = new MethodShape?[methods.Count];
        MethodShape BlankOf(int i) => blanks[i] ??= methods[i].Method.Blank ?? ShapeOf(methods[i].Namespace, methods[i].Method);
        bool Same(int x, int y)
        {
            if (first[x + 1] - first[x] != first[y + 1] - first[y]) return false;
            for (int k = first[x], l = first[y]; k < first[x + 1]; k++, l++)
            {
                // A call to no method of these files keeps its name: compared on the bodies themselves.
                if (callees[k] < 0 || callees[l] < 0) return Body(x).Equals(Body(y));
                if (Root(callees[k]) != Root(callees[l])) return false;
            }
            return BlankOf(x).Equals(BlankOf(y));
        }

        // Two methods of a bucket are the same when their hashes are and, looked at closer, their bodies.
        var same = new BodyComparer(hash, Same);
        var members = new Dictionary<int, List<int>>();
        bool merged = false;
        while (pending.Count > 0)
        {
            int b = pending.Dequeue();
            queued[b] = false;
            var distinct = new Dictionary<int, int>(same);
            List<int>? moved = null;
            foreach (int i in buckets[b])
            {
                if (rep[i] != i) continue;
                if (!distinct.TryGetValue(i, out int earlier))
                {
                    distinct[i] = i;
                    continue;
                }
                rep[i] = earlier;
                merged = true;
                // The class of i is now called by the name of earlier's.
                if (!members.TryGetValue(earlier, out List<int>? into)) members[earlier] = into = new List<int> { earlier };
                moved ??= new List<int>();
                if (members.TryGetValue(i, out List<int>? mine))
                {
                    into.AddRange(mine);
                    moved.AddRange(mine);
                    members.Remove(i);
                }
                else
                {
                    into.Add(i);
                    moved.Add(i);
                }
            }
            if (moved is null) continue;
            // The methods that moved are now called by another name: their callers' bodies changed,
            // and their buckets are looked at again.
            foreach (int member in moved)
            {
                if (!callers.TryGetValue(member, out List<int>? up)) continue;
                foreach (int c in up)
                {
                    if (rep[c] != c) continue;
                    hash[c] = HashOf(c);
                    if (!queued[bucket[c]])
                    {
                        queued[bucket[c]] = true;
                        pending.Enqueue(bucket[c]);
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
                bool renames = Calls(i);
                if (!renames && entryNow == m.IsEntry)
                {
                    kept.Add(m);
                    continue;
                }
                changed = true;
                kept.Add(m with { Checks = renames ? Rewritten(m) : m.Checks, IsEntry = entryNow });
            }
            if (!changed) result.Add(f);
            else if (kept.Count > 0) result.Add(f with { Methods = kept.ToEquatableArray() });
        }
        for (int k = 0; k < types.Count; k++)
        {
            TypeSpec t = types[k];
            bool renamed = Renamed(t.Validator);
            foreach (UnionCaseSpec c in t.UnionCases) renamed |= Renamed(c.Validator);
            if (renamed) types[k] = t.MapValidators(final);
        }
        return result;
    }

    /// <summary>Adds the index of each method the body calls, in the order its checks name them (-1: not a method of these files).</summary>
    private static void AddCalls(ValidatorMethodSpec m, Dictionary<(string, string), int> index, List<int> into)
    {
        foreach (Check c in m.Checks)
        {
            foreach (NodeRef t in c.Targets)
            {
                if (t.Kind == NodeRefKind.Method) into.Add(index.TryGetValue((t.Namespace, t.Method), out int j) ? j : -1);
            }
        }
    }

    /// <summary>Methods by index: equal when their hashes are, and then their bodies (calls renamed).</summary>
    private sealed class BodyComparer : IEqualityComparer<int>
    {
        private readonly int[] _hash;
        private readonly Func<int, int, bool> _same;

        public BodyComparer(int[] hash, Func<int, int, bool> same)
        {
            _hash = hash;
            _same = same;
        }

        public bool Equals(int x, int y) => x == y || (_hash[x] == _hash[y] && _same(x, y));

        public int GetHashCode(int i) => _hash[i];
    }
}
