using System;
using System.Collections.Generic;
using System.Linq;
using HppSchemaGen.Generator.Helpers;
using HppSchemaGen.Generator.Model;
using HppSchemaGen.Generator.Resolution;

namespace HppSchemaGen.Generator.Linking;

/// <summary>
/// The one step that sees every document, and only their summaries: it plans the root and
/// definition names (in the order the model always used, so names do not depend on which file
/// changed), and splits the set into groups. Two documents share a group when a reference between
/// them is anything but a value's plain reference to a record (the model would look into the
/// target), when they declare the same URI, or when both need the generator's meta-schemas; a whole
/// set with an OpenAPI document or a dynamic reference is one group. Each group is modeled on its
/// own, so an edit re-runs its group only, unless it changes what other groups were given.
/// It plans from the summaries' outlines (<see cref="SummarizedFile.Outline"/>: no text), so an
/// edit inside a document that leaves its outline as it was plans nothing again: only
/// <see cref="Attach"/> runs, which puts each document's text back in its group.
/// </summary>
internal static class Linker
{
    /// <summary>The plan with each group's documents, given by their index in <paramref name="summaries"/>, replaced by those summaries' files.</summary>
    public static LinkResult Attach(LinkPlan plan, EquatableArray<DocumentSummary> summaries)
        => new(plan.Groups.Select(g => g.Group with { Files = g.Files.Select(i => summaries[i].File).ToEquatableArray() }).ToEquatableArray(), plan.Names);

    public static LinkPlan Plan(EquatableArray<DocumentSummary> summaries, GeneratorOptions options)
    {
        // The model's document order: file name, then full path.
        List<int> order = Enumerable.Range(0, summaries.Count)
            .OrderBy(i => System.IO.Path.GetFileName(summaries[i].File.Path), StringComparer.Ordinal).ThenBy(i => summaries[i].File.Path, StringComparer.Ordinal).ToList();
        List<DocumentSummary> docs = order.Select(i => summaries[i]).ToList();
        if (docs.Count == 0) return new LinkPlan(EquatableArray<PlannedGroup>.Empty, EquatableArray<string>.Empty);
        var groups = new UnionFind(docs.Count);
        bool whole = docs.Any(d => d.Whole);

        var byResource = new Dictionary<string, int>(StringComparer.Ordinal);
        int meta = -1;
        for (int i = 0; i < docs.Count; i++)
        {
            foreach (string r in docs[i].Resources)
            {
                // A URI two documents declare: the model reports it, with both in view.
                if (byResource.TryGetValue(r, out int first)) groups.Union(first, i);
                else byResource[r] = i;
            }
            if (docs[i].MetaSchemas)
            {
                if (meta >= 0) groups.Union(meta, i);
                else meta = i;
            }
        }

        var links = new List<(int From, int To, Export Export)>();
        for (int i = 0; i < docs.Count && !whole; i++)
        {
            foreach (OutgoingReference r in docs[i].References)
            {
                (string resource, string fragment) = Uris.Split(r.Target);
                if (!byResource.TryGetValue(resource, out int j) || j == i) continue;
                string pointer = JsonPointer.PercentDecode(fragment);
                Export? export = r.Clean && docs[j].RootResource == resource && !IsMetaSchemaUri(resource)
                    ? docs[j].Exports.FirstOrDefault(e => e.Pointer == pointer) : null;
                if (export is null) groups.Union(i, j);
                else links.Add((i, j, export));
            }
        }
        if (whole)
        {
            for (int i = 1; i < docs.Count; i++) groups.Union(0, i);
        }

        var roots = new List<int>();
        var members = new Dictionary<int, List<int>>();
        for (int i = 0; i < docs.Count; i++)
        {
            int g = groups.Find(i);
            if (!members.TryGetValue(g, out List<int>? list))
            {
                members[g] = list = new List<int>();
                roots.Add(g);
            }
            list.Add(i);
        }
        if (roots.Count == 1)
        {
            // One group: the model plans every name itself, as it always has.
            var all = new ModelGroup(EquatableArray<SchemaFile>.Empty, EquatableArray<PlannedName>.Empty,
                EquatableArray<ExternalSchema>.Empty, EquatableArray<ExportedSchema>.Empty);
            return new LinkPlan(new[] { new PlannedGroup(all, order.ToEquatableArray()) }.ToEquatableArray(), EquatableArray<string>.Empty);
        }

        var planned = PlanNames(docs, options);
        string NamespaceOf(DocumentSummary d) => d.File.Namespace is { Length: > 0 } ns ? ns : options.Namespace;
        var externals = new Dictionary<int, List<ExternalSchema>>();
        var exports = new Dictionary<int, HashSet<ExportedSchema>>();
        foreach ((int from, int to, Export export) in links)
        {
            int g = groups.Find(from), h = groups.Find(to);
            if (g == h) continue;
            DocumentSummary target = docs[to];
            string name = planned[to].First(p => p.Pointer == export.Pointer).Name;
            if (!externals.TryGetValue(g, out List<ExternalSchema>? ext)) externals[g] = ext = new List<ExternalSchema>();
            ext.Add(new ExternalSchema(target.RootResource, export.Pointer, NamespaceOf(target), name, export.AllowsNull, export.Absolute));
            if (!exports.TryGetValue(h, out HashSet<ExportedSchema>? exp)) exports[h] = exp = new HashSet<ExportedSchema>();
            exp.Add(new ExportedSchema(target.File.Path, export.Pointer));
        }

        var result = new List<PlannedGroup>();
        foreach (int g in roots)
        {
            List<int> ids = members[g];
            result.Add(new PlannedGroup(new ModelGroup(
                EquatableArray<SchemaFile>.Empty,
                ids.SelectMany(i => planned[i]).ToEquatableArray(),
                externals.TryGetValue(g, out List<ExternalSchema>? ext)
                    ? ext.Distinct().OrderBy(e => e.Resource, StringComparer.Ordinal).ThenBy(e => e.Pointer, StringComparer.Ordinal).ToEquatableArray()
                    : EquatableArray<ExternalSchema>.Empty,
                exports.TryGetValue(g, out HashSet<ExportedSchema>? exp)
                    ? exp.OrderBy(e => e.Path, StringComparer.Ordinal).ThenBy(e => e.Pointer, StringComparer.Ordinal).ToEquatableArray()
                    : EquatableArray<ExportedSchema>.Empty),
                ids.Select(i => order[i]).ToEquatableArray()));
        }
        // Sorted (ordinal): each group's model searches it.
        var names = planned.SelectMany(p => p).Select(p => p.Name).OrderBy(n => n, StringComparer.Ordinal).ToEquatableArray();
        return new LinkPlan(result.ToEquatableArray(), names);
    }

    /// <summary>Roots first, then definitions, each document in order: the order the model names them in.</summary>
    private static List<PlannedName>[] PlanNames(List<DocumentSummary> docs, GeneratorOptions options)
    {
        var taken = new HashSet<string>(ModelBuilder.ReservedTypeNames, StringComparer.Ordinal) { options.ContextName };
        var planned = new List<PlannedName>[docs.Count];
        for (int i = 0; i < docs.Count; i++)
        {
            planned[i] = new List<PlannedName>();
            if (docs[i].RootName is string wanted) planned[i].Add(new PlannedName(docs[i].File.Path, string.Empty, wanted, Naming.Unique(wanted, taken)));
        }
        for (int i = 0; i < docs.Count; i++)
        {
            foreach (Definition d in docs[i].Definitions) planned[i].Add(new PlannedName(docs[i].File.Path, d.Pointer, d.Wanted, Naming.Unique(d.Wanted, taken)));
        }
        return planned;
    }

    private static bool IsMetaSchemaUri(string resource)
        => resource.StartsWith("http://json-schema.org/", StringComparison.Ordinal) || resource.StartsWith("https://json-schema.org/", StringComparison.Ordinal);

    private sealed class UnionFind
    {
        private readonly int[] _parent;

        public UnionFind(int n)
        {
            _parent = new int[n];
            for (int i = 0; i < n; i++) _parent[i] = i;
        }

        public int Find(int i)
        {
            while (_parent[i] != i) i = _parent[i] = _parent[_parent[i]];
            return i;
        }

        // The smaller index stays the root, so a group is known by its first document.
        public void Union(int a, int b)
        {
            int x = Find(a), y = Find(b);
            if (x < y) _parent[y] = x;
            else if (y < x) _parent[x] = y;
        }
    }
}
