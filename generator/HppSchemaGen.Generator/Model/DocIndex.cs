using System;
using System.Collections.Generic;
using HppSchemaGen.Generator.Helpers;

namespace HppSchemaGen.Generator.Model;

/// <summary>One documented schema object of a file: its offset in the canonical text, and its documentation.</summary>
internal sealed record DocEntry(int Offset, DocSpec Spec);

/// <summary>A file's documentation, in canonical-text order (made by <see cref="ParsedFile.Read"/>).</summary>
internal sealed record FileDocs(string Path, EquatableArray<DocEntry> Entries)
{
    public DocSpec Find(int offset)
    {
        int lo = 0, hi = Entries.Count - 1;
        while (lo <= hi)
        {
            int mid = (lo + hi) >> 1;
            int at = Entries[mid].Offset;
            if (at == offset) return Entries[mid].Spec;
            if (at < offset) lo = mid + 1;
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

    public static DocIndex From(System.Collections.Immutable.ImmutableArray<FileDocs> files) => new(files.ToEquatableArray());

    /// <summary>The type with every <see cref="DocSpec.At"/> replaced by the documentation found there (the same instance when it has none).</summary>
    public TypeSpec Attach(TypeSpec type)
    {
        DocSpec docs = Resolve(type.Docs);
        bool changed = !ReferenceEquals(docs, type.Docs);
        EquatableArray<PropertySpec> properties = type.Properties;
        if (Any(type.Properties, static p => p.Docs.At is not null))
        {
            var list = new PropertySpec[type.Properties.Count];
            for (int i = 0; i < list.Length; i++)
            {
                PropertySpec p = type.Properties[i];
                list[i] = p.Docs.At is null ? p : p with { Docs = Resolve(p.Docs) };
            }
            properties = list.ToEquatableArray();
            changed = true;
        }
        EquatableArray<UnionCaseSpec> cases = type.UnionCases;
        if (Any(type.UnionCases, static c => c.Docs.At is not null))
        {
            var list = new UnionCaseSpec[type.UnionCases.Count];
            for (int i = 0; i < list.Length; i++)
            {
                UnionCaseSpec c = type.UnionCases[i];
                list[i] = c.Docs.At is null ? c : c with { Docs = Resolve(c.Docs) };
            }
            cases = list.ToEquatableArray();
            changed = true;
        }
        return changed ? type with { Docs = docs, Properties = properties, UnionCases = cases } : type;
    }

    private DocSpec Resolve(DocSpec docs)
    {
        if (docs.At is not { } at) return docs;
        _byPath ??= Index();
        return _byPath.TryGetValue(at.Path, out FileDocs? file) ? file.Find(at.Offset) : DocSpec.None;
    }

    private Dictionary<string, FileDocs> Index()
    {
        var map = new Dictionary<string, FileDocs>(StringComparer.Ordinal);
        foreach (FileDocs f in Files) map[f.Path] = f;
        return map;
    }

    private static bool Any<T>(EquatableArray<T> items, Func<T, bool> test) where T : IEquatable<T>
    {
        foreach (T item in items)
        {
            if (test(item)) return true;
        }
        return false;
    }

    public bool Equals(DocIndex? other) => other is not null && Files.Equals(other.Files);

    public override int GetHashCode() => Files.GetHashCode();
}
