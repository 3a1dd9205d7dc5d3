using System;
using System.Collections.Generic;
using HppSchemaGen.Generator.Helpers;

namespace HppSchemaGen.Generator.Model;

/// <summary>One documented schema object of a file: its JSON Pointer, and its documentation.</summary>
internal sealed record DocEntry(string Pointer, DocSpec Spec);

/// <summary>A file's documentation, ordered by pointer (made by <see cref="ParsedFile.Read"/>).</summary>
internal sealed record FileDocs(string Path, EquatableArray<DocEntry> Entries)
{
    public DocSpec Find(string pointer)
    {
        int lo = 0, hi = Entries.Count - 1;
        while (lo <= hi)
        {
            int mid = (lo + hi) >> 1;
            int order = string.CompareOrdinal(Entries[mid].Pointer, pointer);
            if (order == 0) return Entries[mid].Spec;
            if (order < 0) lo = mid + 1;
            else hi = mid - 1;
        }
        return DocSpec.None;
    }
}

/// <summary>
/// Every file's documentation. Descriptions stay out of the model so that editing one leaves the
/// model cached; each type picks up its own here, and only a type whose text changed is re-emitted.
/// </summary>
internal sealed record DocIndex(EquatableArray<FileDocs> Files)
{
    private Dictionary<string, FileDocs>? _byPath;

    public static DocIndex From(IEnumerable<FileDocs> files) => new(files.ToEquatableArray());

    /// <summary>The type with every <see cref="DocSpec.At"/> replaced by the documentation found there (the same instance when it has none).</summary>
    public TypeSpec Attach(TypeSpec type)
    {
        DocSpec docs = Resolve(type.Docs);
        EquatableArray<PropertySpec> properties = ResolveAll(type.Properties, static p => p.Docs, static (p, d) => p with { Docs = d });
        EquatableArray<UnionCaseSpec> cases = ResolveAll(type.UnionCases, static c => c.Docs, static (c, d) => c with { Docs = d });
        bool changed = !ReferenceEquals(docs, type.Docs) || !properties.SameInstance(type.Properties) || !cases.SameInstance(type.UnionCases);
        return changed ? type with { Docs = docs, Properties = properties, UnionCases = cases } : type;
    }

    /// <summary>The items with their documentation looked up (the same array when none refers to any).</summary>
    private EquatableArray<T> ResolveAll<T>(EquatableArray<T> items, Func<T, DocSpec> docs, Func<T, DocSpec, T> with) where T : class, IEquatable<T>
        => items.Replace(x => docs(x) is { At: not null } d ? with(x, Resolve(d)) : x);

    private DocSpec Resolve(DocSpec docs)
    {
        if (docs.At is not { } at) return docs;
        _byPath ??= Index();
        return _byPath.TryGetValue(at.Path, out FileDocs? file) ? file.Find(at.Pointer) : DocSpec.None;
    }

    private Dictionary<string, FileDocs> Index()
    {
        var map = new Dictionary<string, FileDocs>(StringComparer.Ordinal);
        foreach (FileDocs f in Files) map[f.Path] = f;
        return map;
    }

    public bool Equals(DocIndex? other) => other is not null && Files.Equals(other.Files);

    public override int GetHashCode() => Files.GetHashCode();
}
