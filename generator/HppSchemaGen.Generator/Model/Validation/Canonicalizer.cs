using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using HppSchemaGen.Generator.Helpers;
using HppSchemaGen.Generator.Resolution;

using HppSchemaGen.Validation;

namespace HppSchemaGen.Generator.Model.Validation;

/// <summary>
/// From node drafts to the methods that are emitted:
/// <list type="number">
/// <item>A node that is only a <c>$ref</c> gets no method: its callers call the target, adding
/// <c>/$ref</c> to the keyword location they pass (so errors read as before).</item>
/// <item>Only nodes reachable from a generated type are kept.</item>
/// <item>Structurally identical nodes of one namespace (same checks, subschemas identical in turn)
/// share one method: a partition refinement over the reference graph, so cycles are handled.</item>
/// <item>Each method is named once, from its first node in walk order: a descriptive name for
/// trivial shapes (<c>IsString</c>, <c>Any</c>), else the generated type's name or the owner's
/// name plus the schema path; a schema growing elsewhere never renames it.</item>
/// </list>
/// </summary>
internal sealed class Canonicalizer
{
    private readonly List<ValidatorBuilder.NodeDraft> _drafts;
    private readonly Func<SchemaDocument, string> _namespaceOf;
    private readonly Func<SchemaDocument, string> _ownerName;
    private readonly Func<SchemaNode, string?> _typeName;
    private readonly Func<SchemaNode, string> _absoluteOf;
    private readonly Dictionary<int, string> _absolute = new();
    private readonly (int Index, string Via)[] _resolved;
    private int[] _class = Array.Empty<int>();
    private readonly Dictionary<int, string> _names = new();
    private readonly HashSet<int> _shared = new();
    private readonly Func<SchemaNode, string?> _fixedName;
    private string?[] _fixed = Array.Empty<string?>(); // per live node, from Partition: a class of its own, and its method's name

    /// <param name="absoluteOf">The absolute URI of a node, for error locations after a reference (<see cref="AbsoluteLocations"/>).</param>
    /// <param name="fixedName">The method name of a node that another group calls, or that stands for another group's method
    /// (<see cref="Linking.ModelGroup"/>): such a node is a class of its own, named so, never renamed.</param>
    public Canonicalizer(List<ValidatorBuilder.NodeDraft> drafts, Func<SchemaDocument, string> namespaceOf, Func<SchemaDocument, string> ownerName, Func<SchemaNode, string?> typeName, Func<SchemaNode, string> absoluteOf, Func<SchemaNode, string?> fixedName)
    {
        _fixedName = fixedName;
        _drafts = drafts;
        _namespaceOf = namespaceOf;
        _ownerName = ownerName;
        _typeName = typeName;
        _absoluteOf = absoluteOf;
        _resolved = new (int, string)[drafts.Count];
        for (int i = 0; i < drafts.Count; i++) _resolved[i] = (i, null!);
        for (int i = 0; i < drafts.Count; i++) _resolved[i] = Follow(i);
    }

    private bool IsForwarder(int i)
    {
        ValidatorBuilder.NodeDraft d = _drafts[i];
        return d.Boolean is null && d.Enters.Count == 0 && d.Checks.Count == 1 && d.Checks[0] is RefCheck { Target.Kind: NodeRefKind.Node };
    }

    /// <summary>
    /// The node whose method stands for node <paramref name="i"/>, and the $ref path crossed to reach
    /// it. Memoized, so a chain of n forwarders costs O(n) steps, not O(n²).
    /// </summary>
    private (int Index, string Via) Follow(int i)
    {
        if (_resolved[i].Via is not null) return _resolved[i];
        var chain = new List<int>();
        int at = i;
        while (IsForwarder(at) && _resolved[at].Via is null && chain.Count <= _drafts.Count)
        {
            chain.Add(at);
            at = ((RefCheck)_drafts[at].Checks[0]).Target.Index;
        }
        (int Index, string Via) end = _resolved[at].Via is not null ? _resolved[at] : (at, string.Empty);
        _resolved[at] = end;
        for (int k = chain.Count - 1; k >= 0; k--)
        {
            var r = (RefCheck)_drafts[chain[k]].Checks[0];
            end = (end.Index, r.Keyword + end.Via);
            _resolved[chain[k]] = end;
        }
        return _resolved[i];
    }

    /// <summary>The absolute URI of the node a call reaches, when the call crosses a reference; else empty.</summary>
    /// <remarks>Memoized per node: partition refinement asks again for every check on every round.</remarks>
    private string AbsoluteOf(int index, string via, bool reference)
    {
        if (!reference && via.Length == 0) return string.Empty;
        if (!_absolute.TryGetValue(index, out string? absolute)) _absolute[index] = absolute = _absoluteOf(_drafts[index].Node);
        return absolute;
    }

    /// <summary>Canonicalizes the nodes reachable from <paramref name="entries"/> and returns the files to emit.</summary>
    public List<ValidatorFileSpec> Run(IReadOnlyCollection<int> entries, bool usesDynamicScope, Func<SchemaDocument, string> hintName)
    {
        bool[] live = Reachable(entries);
        var liveNodes = Enumerable.Range(0, _drafts.Count).Where(i => live[i]).ToList();
        Partition(liveNodes);

        // Representatives (first node of each class in walk order) name the methods.
        var representative = new Dictionary<int, int>();
        foreach (int i in liveNodes)
        {
            if (!representative.ContainsKey(_class[i])) representative[_class[i]] = i;
        }
        var taken = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        HashSet<string> Taken(string ns)
        {
            // "Main" is never a method name: a static method called Main is an entry point candidate,
            // and in a console project the compiler warns about it (CS7022/CS0028), failing the build.
            if (!taken.TryGetValue(ns, out HashSet<string>? set)) taken[ns] = set = new HashSet<string>(StringComparer.Ordinal) { "Main" };
            return set;
        }
        var names = _names;
        foreach (KeyValuePair<int, int> kv in representative)
        {
            if (_fixed[kv.Value] is string name) Taken(_namespaceOf(_drafts[kv.Value].Node.Document)).Add(name);
        }
        foreach (KeyValuePair<int, int> kv in representative.OrderBy(kv => kv.Value))
        {
            ValidatorBuilder.NodeDraft d = _drafts[kv.Value];
            if (_fixed[kv.Value] is string fixedName)
            {
                names[kv.Key] = fixedName;
                continue;
            }
            HashSet<string> set = Taken(_namespaceOf(d.Node.Document));
            (string wanted, bool descriptive) = MethodName(d);
            names[kv.Key] = Naming.Unique(wanted, set);
            if (descriptive) _shared.Add(kv.Key);
        }

        var entryClasses = new HashSet<int>(entries.Select(e => _class[_resolved[e].Index]));
        var perDocument = new Dictionary<SchemaDocument, List<ValidatorMethodSpec>>();
        var documents = new List<SchemaDocument>();
        // Methods named by their shape, not a location, live in one file per namespace, so they never
        // move between documents' files as schemas grow.
        var shared = new Dictionary<string, List<ValidatorMethodSpec>>(StringComparer.Ordinal);
        foreach (KeyValuePair<int, int> kv in representative.OrderBy(kv => kv.Value))
        {
            ValidatorBuilder.NodeDraft d = _drafts[kv.Value];
            if (d.External) continue;
            var checks = d.Checks.Select(c => c.MapTargets(t => Final(t, names, c.IsReference))).ToEquatableArray();
            string location = d.Node.Pointer.Length == 0 ? d.Node.Document.DisplayId : d.Node.Document.DisplayId + " " + d.Node.Pointer;
            var method = new ValidatorMethodSpec(names[kv.Key], new[] { location }.ToEquatableArray(), d.Boolean, checks, d.TracksEvaluated, entryClasses.Contains(kv.Key), d.Enters);
            method = method with { Blank = MethodSharing.ShapeOf(_namespaceOf(d.Node.Document), method) };
            if (_shared.Contains(kv.Key))
            {
                string ns = _namespaceOf(d.Node.Document);
                if (!shared.TryGetValue(ns, out List<ValidatorMethodSpec>? common)) shared[ns] = common = new List<ValidatorMethodSpec>();
                common.Add(method with { Locations = EquatableArray<string>.Empty });
                continue;
            }
            if (!perDocument.TryGetValue(d.Node.Document, out List<ValidatorMethodSpec>? list))
            {
                perDocument[d.Node.Document] = list = new List<ValidatorMethodSpec>();
                documents.Add(d.Node.Document);
            }
            list.Add(method);
        }
        var files = documents
            .OrderBy(doc => doc.Index)
            .Select(doc => new ValidatorFileSpec(_namespaceOf(doc), hintName(doc), doc.DisplayId, usesDynamicScope, perDocument[doc].ToEquatableArray()))
            .ToList();
        foreach (KeyValuePair<string, List<ValidatorMethodSpec>> kv in shared.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            // Shape-named methods in shape order, so the file does not change when schemas are reordered.
            var methods = kv.Value.OrderBy(m => m.Name, StringComparer.Ordinal).ToEquatableArray();
            files.Add(new ValidatorFileSpec(kv.Key, "__Validators." + kv.Key, string.Empty, usesDynamicScope, methods) { IsShared = true });
        }
        return files;

        NodeRef Final(NodeRef t, Dictionary<int, string> n, bool reference)
        {
            if (t.Kind != NodeRefKind.Node) return t;
            (int index, string via) = _resolved[t.Index];
            return NodeRef.To(_namespaceOf(_drafts[index].Node.Document), n[_class[index]], via, AbsoluteOf(index, via, reference));
        }
    }

    /// <summary>The method a generated type validates with node <paramref name="node"/> (after <see cref="Run"/>).</summary>
    public NodeRef EntryRef(int node)
    {
        (int index, string via) = _resolved[node];
        return _names.TryGetValue(_class[index], out string? name) ? NodeRef.To(_namespaceOf(_drafts[index].Node.Document), name, via, AbsoluteOf(index, via, false)) : NodeRef.Cycle;
    }

    private bool[] Reachable(IReadOnlyCollection<int> entries)
    {
        var live = new bool[_drafts.Count];
        var stack = new Stack<int>();
        foreach (int e in entries) stack.Push(_resolved[e].Index);
        while (stack.Count > 0)
        {
            int i = stack.Pop();
            if (live[i]) continue;
            live[i] = true;
            foreach (Check c in _drafts[i].Checks)
            {
                foreach (NodeRef t in c.Targets)
                {
                    if (t.Kind == NodeRefKind.Node) stack.Push(_resolved[t.Index].Index);
                }
            }
        }
        return live;
    }

    /// <summary>The identity of a node's shape given the current classes of its subschemas.</summary>
    private sealed record Signature(string Namespace, bool? Boolean, bool Tracks, EquatableArray<DynamicAnchorEntry> Enters, EquatableArray<Check> Checks, int Previous, string? Fixed);

    private void Partition(List<int> nodes)
    {
        _class = new int[_drafts.Count];
        _fixed = new string?[_drafts.Count];
        foreach (int i in nodes) _fixed[i] = _fixedName(_drafts[i].Node);
        int count = 1;
        while (true)
        {
            var ids = new Dictionary<Signature, int>();
            var next = new int[_drafts.Count];
            foreach (int i in nodes)
            {
                ValidatorBuilder.NodeDraft d = _drafts[i];
                var checks = d.Checks.Select(c => c.MapTargets(t =>
                {
                    if (t.Kind != NodeRefKind.Node) return t;
                    (int index, string via) = _resolved[t.Index];
                    // Where a call crosses a reference its absolute target is part of the shape: a
                    // shared method must name the same schema in every error it reports.
                    return new NodeRef(NodeRefKind.Node, _class[index], string.Empty, string.Empty, via, AbsoluteOf(index, via, c.IsReference));
                })).ToEquatableArray();
                var sig = new Signature(_namespaceOf(d.Node.Document), d.Boolean, d.TracksEvaluated, d.Enters, checks, _class[i], _fixed[i]);
                if (!ids.TryGetValue(sig, out int id)) ids[sig] = id = ids.Count;
                next[i] = id;
            }
            _class = next;
            if (ids.Count == count) break;
            count = ids.Count;
        }
    }

    /// <summary>The wanted method name, and whether it names the shape (not a location).</summary>
    private (string Name, bool Descriptive) MethodName(ValidatorBuilder.NodeDraft d)
    {
        if (d.Enters.Count == 0 && !d.TracksEvaluated)
        {
            if (d.Boolean is bool b) return (b ? "True" : "False", true);
            if (d.Checks.Count == 0) return ("Any", true);
            if (d.Checks.Count == 1 && d.Checks[0] is TypeCheck t) return ("Is" + TypeWords(t.Types), true);
        }
        if (_typeName(d.Node) is string typeName) return (typeName, false);
        var sb = new StringBuilder(_ownerName(d.Node.Document));
        foreach (string segment in d.Node.Pointer.Split('/'))
        {
            if (segment.Length == 0 || segment is "properties" or "$defs" or "definitions") continue;
            // A segment with no letters or digits (a pattern such as "[^]") contributes nothing.
            string word = Naming.ToPascalCase(segment.Replace("~1", "/").Replace("~0", "~"), "_").TrimStart('@', '_');
            if (word.Length == 0) continue;
            sb.Append('_').Append(word);
            if (sb.Length > 96) break;
        }
        return (sb.ToString(), false);
    }

    private static string TypeWords(JsonTypes types)
    {
        if (types == JsonTypes.None) return "Nothing";
        var words = new List<string>();
        foreach (JsonTypes t in new[] { JsonTypes.Object, JsonTypes.Array, JsonTypes.String, JsonTypes.Integer, JsonTypes.IntegerLiteral, JsonTypes.Number, JsonTypes.Boolean, JsonTypes.Null })
        {
            if ((types & t) != 0) words.Add(t.ToString());
        }
        return string.Join("Or", words);
    }
}
