using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using HppSchemaGen.Generator.Diagnostics;
using HppSchemaGen.Generator.Helpers;
using HppSchemaGen.Generator.Parsing;
using HppSchemaGen.Generator.Resolution;

namespace HppSchemaGen.Generator.Model;

/// <summary>
/// Turns each schema node into a list of checks (one per keyword) for the validator emitter.
/// Subschemas are referred to by the fully-qualified name of their own validator method.
/// </summary>
internal sealed class ValidatorBuilder
{
    private readonly SchemaRegistry _registry;
    private readonly List<DiagnosticInfo> _diagnostics;
    private readonly bool _formatAssertion;
    private readonly Func<SchemaDocument, (string Namespace, string Owner)> _ownerOf;
    private readonly Dictionary<JsonNode, string> _methods = new(Resolution.ReferenceEqualityComparer.Instance);
    private readonly Dictionary<SchemaDocument, HashSet<string>> _methodNames = new();

    public ValidatorBuilder(SchemaRegistry registry, List<DiagnosticInfo> diagnostics, bool formatAssertion, Func<SchemaDocument, (string Namespace, string Owner)> ownerOf)
    {
        _registry = registry;
        _diagnostics = diagnostics;
        _formatAssertion = formatAssertion;
        _ownerOf = ownerOf;
    }

    /// <summary>The fully-qualified validator method of a schema node (named on first request, from its pointer).</summary>
    public string MethodFor(SchemaNode node)
    {
        if (_methods.TryGetValue(node.Json, out string? existing)) return existing;
        if (!_methodNames.TryGetValue(node.Document, out HashSet<string>? taken)) _methodNames[node.Document] = taken = new HashSet<string>(StringComparer.Ordinal);
        string name = Naming.Unique(MethodName(node.Pointer), taken);
        (string ns, string owner) = _ownerOf(node.Document);
        string full = "global::" + ns + "." + owner + ".__Schema." + name;
        _methods[node.Json] = full;
        return full;
    }

    public static string ShortName(string fullMethod) => fullMethod.Substring(fullMethod.LastIndexOf('.') + 1);

    private static string MethodName(string pointer)
    {
        if (pointer.Length == 0) return "Root";
        var sb = new StringBuilder("S");
        foreach (char c in pointer)
        {
            if (c < 128 && char.IsLetterOrDigit(c)) sb.Append(c);
            else if (sb[sb.Length - 1] != '_') sb.Append('_');
            if (sb.Length > 80) break;
        }
        return sb.ToString().TrimEnd('_');
    }

    // $dynamicAnchor names -> index in the packed dynamic scope; (name, node) -> id (1-255).
    private readonly Dictionary<string, int> _anchorNames = new(StringComparer.Ordinal);
    private readonly Dictionary<JsonNode, int> _anchorIds = new(Resolution.ReferenceEqualityComparer.Instance);
    private const int MaxAnchorNames = 8;
    private const int MaxAnchorIds = 255;

    private readonly Dictionary<SchemaDocument, (bool Validation, bool FormatAssertion)> _vocabularies = new();

    /// <summary>
    /// What the document's meta-schema (a document of the set, named by $schema) declares in
    /// $vocabulary: without the validation vocabulary its assertions (type, enum, bounds ...) do not
    /// apply; with format-assertion, format is asserted. Resolved once per document.
    /// </summary>
    private (bool Validation, bool FormatAssertion) Vocabularies(SchemaNode node)
    {
        if (_vocabularies.TryGetValue(node.Document, out var known)) return known;
        var result = (Validation: true, FormatAssertion: false);
        if (node.Document.Root.GetString("$schema") is string metaUri && _registry.Find(node.Document.Root) is SchemaNode root
            && _registry.Resolve(root, metaUri) is SchemaNode meta && meta.Json.Get("$vocabulary") is { Kind: JsonKind.Object } vocabulary)
        {
            result.Validation = vocabulary.Get("https://json-schema.org/draft/2020-12/vocab/validation") is not null
                || vocabulary.Get("https://json-schema.org/draft/2019-09/vocab/validation") is not null;
            result.FormatAssertion = vocabulary.Get("https://json-schema.org/draft/2020-12/vocab/format-assertion") is not null;
        }
        _vocabularies[node.Document] = result;
        return result;
    }

    private sealed class NodeDraft
    {
        public NodeDraft(SchemaNode node, string method, bool? boolean, List<CheckSpec> checks)
        {
            Node = node;
            Method = method;
            Boolean = boolean;
            Checks = checks;
        }

        public SchemaNode Node { get; }
        public string Method { get; }
        public bool? Boolean { get; }
        public List<CheckSpec> Checks { get; }
        public bool TracksEvaluated { get; set; }
    }

    /// <summary>Builds the validator classes for every document, visiting nodes until no new one appears.</summary>
    public List<ValidatorClassSpec> Build(IReadOnlyList<SchemaNode> nodes, Func<SchemaDocument, string> ownerDeclaration)
    {
        NumberDynamicAnchors();
        var drafts = new List<NodeDraft>();
        // Resolving a $ref can register new nodes (pointers into non-schema places), so walk by index.
        for (int i = 0; i < nodes.Count; i++) drafts.Add(BuildNode(nodes[i]));

        BreakInPlaceCycles(drafts);
        MarkEvaluatedTracking(drafts);
        bool dynamicScope = drafts.Any(d => d.Checks.Any(c => c.Kind == CheckKind.DynamicRef));

        var perDoc = new Dictionary<SchemaDocument, List<ValidatorNodeSpec>>();
        foreach (NodeDraft d in drafts)
        {
            if (!perDoc.TryGetValue(d.Node.Document, out List<ValidatorNodeSpec>? list)) perDoc[d.Node.Document] = list = new List<ValidatorNodeSpec>();
            EquatableArray<string> enters = dynamicScope ? AnchorsEnteredBy(d.Node) : EquatableArray<string>.Empty;
            list.Add(new ValidatorNodeSpec(ShortName(d.Method), d.Node.Pointer, d.Boolean, d.Checks.ToEquatableArray(), d.TracksEvaluated, enters));
        }
        var result = new List<ValidatorClassSpec>();
        foreach (SchemaDocument doc in _registry.Documents)
        {
            if (!perDoc.TryGetValue(doc, out List<ValidatorNodeSpec>? list)) continue;
            (string ns, string owner) = _ownerOf(doc);
            result.Add(new ValidatorClassSpec(ns, owner, ownerDeclaration(doc), doc.DisplayId, dynamicScope, list.ToEquatableArray()));
        }
        return result;
    }

    private void NumberDynamicAnchors()
    {
        var all = _registry.AllDynamicAnchors().ToList();
        foreach (string name in all.Select(a => a.Name).Distinct().OrderBy(n => n, StringComparer.Ordinal))
        {
            if (_anchorNames.Count == MaxAnchorNames)
            {
                // The packed scope holds 8 names: the rest resolve statically, and the user is told.
                (string _, JsonNode node) = all.First(a => a.Name == name);
                if (_registry.Find(node) is SchemaNode at)
                    _diagnostics.Add(at.Document.Lines.Diagnostic(DiagnosticDescriptors.UnsupportedKeyword, node.Start, node.Start + 1, "$dynamicAnchor beyond the 8th name ('" + name + "')"));
                continue;
            }
            _anchorNames[name] = _anchorNames.Count;
        }
        var next = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach ((string name, JsonNode node) in all)
        {
            if (!_anchorNames.ContainsKey(name) || _anchorIds.ContainsKey(node)) continue;
            next.TryGetValue(name, out int id);
            if (id == MaxAnchorIds) continue;
            next[name] = ++id;
            _anchorIds[node] = id;
        }
    }

    /// <summary>"name:id" for each dynamic anchor the node's resource declares.</summary>
    private EquatableArray<string> AnchorsEnteredBy(SchemaNode node)
    {
        var result = new List<string>();
        foreach ((string name, JsonNode anchor) in _registry.DynamicAnchorsIn(SchemaRegistry.ResourceOf(node)))
        {
            if (_anchorNames.TryGetValue(name, out int k) && _anchorIds.TryGetValue(anchor, out int id))
                result.Add(k.ToString(CultureInfo.InvariantCulture) + ":" + id.ToString(CultureInfo.InvariantCulture));
        }
        return result.ToEquatableArray();
    }

    private const string CycleTarget = "global::HppSchemaGen.Validation.SchemaCycle.Fail";

    private static bool IsInPlace(CheckKind kind)
        => kind is CheckKind.Ref or CheckKind.DynamicRef or CheckKind.AllOf or CheckKind.AnyOf or CheckKind.OneOf
            or CheckKind.Not or CheckKind.IfThenElse or CheckKind.DependentSchema;

    /// <summary>
    /// A cycle of in-place applicators ($ref, allOf, not ...) that never descends into the instance
    /// would recurse forever at run time. Each edge closing such a cycle is replaced by a validator
    /// that fails, and reported (HSG1004). Iterative, so a long chain cannot overflow the stack here.
    /// </summary>
    private void BreakInPlaceCycles(List<NodeDraft> drafts)
    {
        var byMethod = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < drafts.Count; i++) byMethod[drafts[i].Method] = i;
        var state = new byte[drafts.Count]; // 0 new, 1 on the stack, 2 done
        var stack = new Stack<(int Node, int Check, int Target)>();
        for (int root = 0; root < drafts.Count; root++)
        {
            if (state[root] != 0) continue;
            state[root] = 1;
            stack.Push((root, 0, 0));
            while (stack.Count > 0)
            {
                (int node, int check, int target) = stack.Pop();
                List<CheckSpec> checks = drafts[node].Checks;
                // Advance to the next in-place target of this node.
                while (check < checks.Count && (!IsInPlace(checks[check].Kind) || target >= checks[check].Targets.Count))
                {
                    check++;
                    target = 0;
                }
                if (check >= checks.Count)
                {
                    state[node] = 2;
                    continue;
                }
                stack.Push((node, check, target + 1));
                string method = checks[check].Targets[target];
                if (!byMethod.TryGetValue(method, out int next)) continue;
                if (state[next] == 1)
                {
                    var targets = checks[check].Targets.ToArray();
                    targets[target] = CycleTarget;
                    checks[check] = checks[check] with { Targets = targets.ToEquatableArray() };
                    SchemaNode at = drafts[node].Node;
                    _diagnostics.Add(at.Document.Lines.Diagnostic(DiagnosticDescriptors.RefCycle, at.Json.Start, at.Json.Start + 1, at.Document.DisplayId + "#" + at.Pointer));
                }
                else if (state[next] == 0)
                {
                    state[next] = 1;
                    stack.Push((next, 0, 0));
                }
            }
        }
    }

    /// <summary>
    /// Nodes with unevaluated* need to know what their in-place subschemas evaluated; so do those
    /// subschemas, transitively. Only these get the (slower) tracking variant.
    /// </summary>
    private static void MarkEvaluatedTracking(List<NodeDraft> drafts)
    {
        var byMethod = new Dictionary<string, NodeDraft>(StringComparer.Ordinal);
        foreach (NodeDraft d in drafts) byMethod[d.Method] = d;
        var queue = new Queue<NodeDraft>(drafts.Where(d => d.Checks.Any(c => c.Kind is CheckKind.UnevaluatedProperties or CheckKind.UnevaluatedItems)));
        foreach (NodeDraft d in queue) d.TracksEvaluated = true;
        while (queue.Count > 0)
        {
            NodeDraft d = queue.Dequeue();
            foreach (CheckSpec c in d.Checks)
            {
                if (c.Kind is not (CheckKind.Ref or CheckKind.DynamicRef or CheckKind.AllOf or CheckKind.AnyOf or CheckKind.OneOf or CheckKind.IfThenElse or CheckKind.DependentSchema)) continue;
                foreach (string t in c.Targets)
                {
                    if (t.Length > 0 && byMethod.TryGetValue(t, out NodeDraft? target) && !target.TracksEvaluated)
                    {
                        target.TracksEvaluated = true;
                        queue.Enqueue(target);
                    }
                }
            }
        }
    }

    private NodeDraft BuildNode(SchemaNode node)
    {
        string method = MethodFor(node);
        JsonNode j = node.Json;
        var checks = new List<CheckSpec>();
        if (j.Kind != JsonKind.Object) return new NodeDraft(node, method, j.Kind == JsonKind.True, checks);
        new NodeContext(this, node, checks).Build();
        return new NodeDraft(node, method, null, checks);
    }

    private sealed class NodeContext
    {
        private readonly ValidatorBuilder _b;
        private readonly SchemaNode _node;
        private readonly List<CheckSpec> _checks;
        private readonly JsonNode _j;
        private readonly Draft _draft;
        private readonly bool _validation;

        public NodeContext(ValidatorBuilder b, SchemaNode node, List<CheckSpec> checks)
        {
            _b = b;
            _node = node;
            _checks = checks;
            _j = node.Json;
            _draft = node.Draft;
            _validation = b.Vocabularies(node).Validation;
        }

        private void Add(CheckKind kind, string keyword, IEnumerable<string>? args = null, IEnumerable<string>? targets = null)
            => _checks.Add(new CheckSpec(kind, keyword, (args ?? Array.Empty<string>()).ToEquatableArray(), (targets ?? Array.Empty<string>()).ToEquatableArray()));

        private void Warn(string id, JsonNode at, params string[] args)
            => _b._diagnostics.Add(_node.Document.Lines.Diagnostic(id, at.Start, at.End, args));

        private string Child(JsonNode child)
        {
            SchemaNode? n = _b._registry.Find(child);
            return n is null ? string.Empty : _b.MethodFor(n);
        }

        public void Build()
        {
            if (_j.Get("$ref") is JsonNode reference)
            {
                AddRef("$ref", reference);
                if (_draft.RefOverridesSiblings()) return;
            }
            if (_j.Get("$dynamicRef") is JsonNode dynamicRef) AddDynamicRef(dynamicRef, "$dynamicRef");
            if (_j.Get("$recursiveRef") is JsonNode recursiveRef) AddDynamicRef(recursiveRef, "$recursiveRef");
            if (_validation)
            {
                AddType();
                AddEnumAndConst();
                AddStringChecks();
                AddNumberChecks();
            }
            // format belongs to its own vocabulary: asserted when the option says so or the meta-schema asks for it.
            if ((_b._formatAssertion || _b.Vocabularies(_node).FormatAssertion) && _j.Get("format") is { Kind: JsonKind.String } f)
                Add(CheckKind.Format, "/format", new[] { f.Text! });
            AddArrayChecks();
            AddObjectChecks();
            AddApplicators();
            // Last: they read what every other keyword of this schema evaluated.
            if (_draft >= Draft.Draft201909)
            {
                if (_j.Get("unevaluatedItems") is JsonNode ui && SchemaRegistry.IsSchema(ui))
                    Add(CheckKind.UnevaluatedItems, "/unevaluatedItems", null, new[] { Child(ui) });
                if (_j.Get("unevaluatedProperties") is JsonNode up && SchemaRegistry.IsSchema(up))
                    Add(CheckKind.UnevaluatedProperties, "/unevaluatedProperties", null, new[] { Child(up) });
            }
        }

        private void AddRef(string keyword, JsonNode reference)
        {
            if (ResolveOrFail(reference, keyword) is SchemaNode target) Add(CheckKind.Ref, "/" + keyword, null, new[] { _b.MethodFor(target) });
        }

        /// <summary>The schema a reference keyword points to; when it has none, a located diagnostic and a failing check.</summary>
        private SchemaNode? ResolveOrFail(JsonNode reference, string keyword)
        {
            if (reference.Kind != JsonKind.String)
            {
                Warn(DiagnosticDescriptors.InvalidKeywordValue, reference, keyword, "expected a string");
                return null;
            }
            SchemaNode? target = _b._registry.Resolve(_node, reference.Text!);
            if (target is null)
            {
                Warn(DiagnosticDescriptors.UnresolvedRef, reference, reference.Text!, _node.BaseUri);
                Add(CheckKind.AlwaysFail, "/" + keyword, new[] { "unresolved reference " + reference.Text });
            }
            return target;
        }

        /// <summary>
        /// $dynamicRef: resolved like $ref; when that target declares the same $dynamicAnchor name
        /// as the fragment, the outermost resource in the dynamic scope declaring it wins at run time.
        /// 2019-09's $recursiveRef works the same way, with "$recursiveAnchor": true as the anchor.
        /// </summary>
        private void AddDynamicRef(JsonNode reference, string keyword)
        {
            if (ResolveOrFail(reference, keyword) is not SchemaNode target) return;
            string anchor;
            bool dynamic;
            if (keyword == "$recursiveRef")
            {
                anchor = SchemaRegistry.RecursiveAnchorName;
                dynamic = target.Json.Get("$recursiveAnchor") is { Kind: JsonKind.True };
            }
            else
            {
                anchor = Uris.Split(reference.Text!).Fragment;
                dynamic = anchor.Length > 0 && anchor[0] != '/' && target.Json.GetString("$dynamicAnchor") == anchor;
            }
            if (!dynamic || !_b._anchorNames.TryGetValue(anchor, out int name))
            {
                Add(CheckKind.Ref, "/" + keyword, null, new[] { _b.MethodFor(target) });
                return;
            }
            var args = new List<string> { name.ToString(CultureInfo.InvariantCulture) };
            var targets = new List<string> { _b.MethodFor(target) };
            foreach ((string anchorName, JsonNode anchorNode) in _b._registry.AllDynamicAnchors())
            {
                if (anchorName != anchor || !_b._anchorIds.TryGetValue(anchorNode, out int id) || _b._registry.Find(anchorNode) is not SchemaNode candidate) continue;
                args.Add(id.ToString(CultureInfo.InvariantCulture));
                targets.Add(_b.MethodFor(candidate));
            }
            Add(CheckKind.DynamicRef, "/" + keyword, args, targets);
        }

        private void AddType()
        {
            JsonNode? type = _j.Get("type");
            if (type is null) return;
            var names = new List<string>();
            if (type.Kind == JsonKind.String) names.Add(type.Text!);
            else if (type.Kind == JsonKind.Array)
            {
                foreach (JsonNode t in type.Items)
                {
                    if (t.Kind == JsonKind.String) names.Add(t.Text!);
                }
            }
            names.RemoveAll(n => n is not ("object" or "array" or "string" or "number" or "integer" or "boolean" or "null"));
            if (names.Count == 0 && !(type.Kind == JsonKind.Array && type.Items.Count == 0))
            {
                Warn(DiagnosticDescriptors.InvalidKeywordValue, type, "type", "no known type name");
                return;
            }
            if (_j.Get("nullable") is { Kind: JsonKind.True } && !names.Contains("null")) names.Add("null");
            Add(CheckKind.Type, "/type", names);
        }

        private void AddEnumAndConst()
        {
            if (_j.Get("enum") is JsonNode e)
            {
                if (e.Kind != JsonKind.Array) Warn(DiagnosticDescriptors.InvalidKeywordValue, e, "enum", "expected an array");
                else
                {
                    var values = new List<string>();
                    foreach (JsonNode v in e.Items) values.Add(JsonWriter.Write(v));
                    if (_j.Get("nullable") is { Kind: JsonKind.True } && !values.Contains("null")) values.Add("null");
                    Add(CheckKind.Enum, "/enum", values);
                }
            }
            if (_j.Get("const") is JsonNode c) Add(CheckKind.Const, "/const", new[] { JsonWriter.Write(c) });
        }

        private bool TryCount(string keyword, out long value)
        {
            value = 0;
            if (_j.Get(keyword) is not JsonNode n) return false;
            if (n.Kind == JsonKind.Number && double.TryParse(n.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out double d) && d >= 0 && Math.Floor(d) == d)
            {
                value = d > long.MaxValue ? long.MaxValue : (long)d;
                return true;
            }
            Warn(DiagnosticDescriptors.InvalidKeywordValue, n, keyword, "expected a non-negative integer");
            return false;
        }

        private void AddCount(CheckKind kind, string keyword)
        {
            if (TryCount(keyword, out long v)) Add(kind, "/" + keyword, new[] { v.ToString(CultureInfo.InvariantCulture) });
        }

        private void AddStringChecks()
        {
            AddCount(CheckKind.MinLength, "minLength");
            AddCount(CheckKind.MaxLength, "maxLength");
            if (_j.Get("pattern") is JsonNode p)
            {
                if (p.Kind != JsonKind.String) Warn(DiagnosticDescriptors.InvalidKeywordValue, p, "pattern", "expected a string");
                else if (CheckPattern(p)) Add(CheckKind.Pattern, "/pattern", new[] { p.Text! });
            }
        }

        private bool CheckPattern(JsonNode p)
        {
            try
            {
                _ = new System.Text.RegularExpressions.Regex(HppSchemaGen.Validation.EcmaRegexTranslator.Translate(p.Text!), System.Text.RegularExpressions.RegexOptions.None, TimeSpan.FromSeconds(1));
                return true;
            }
            catch (ArgumentException e)
            {
                Warn(DiagnosticDescriptors.InvalidPattern, p, p.Text!, e.Message);
                return false;
            }
        }

        private void AddNumberChecks()
        {
            bool draft4 = _draft == Draft.Draft4;
            // Draft-04's boolean exclusiveMinimum/exclusiveMaximum make minimum/maximum exclusive.
            AddBound("minimum", draft4 && _j.Get("exclusiveMinimum") is { Kind: JsonKind.True } ? CheckKind.ExclusiveMinimum : CheckKind.Minimum);
            AddBound("maximum", draft4 && _j.Get("exclusiveMaximum") is { Kind: JsonKind.True } ? CheckKind.ExclusiveMaximum : CheckKind.Maximum);
            if (!draft4)
            {
                AddBound("exclusiveMinimum", CheckKind.ExclusiveMinimum);
                AddBound("exclusiveMaximum", CheckKind.ExclusiveMaximum);
            }
            if (_j.Get("multipleOf") is JsonNode m)
            {
                if (m.Kind == JsonKind.Number && double.TryParse(m.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out double d) && d > 0)
                    Add(CheckKind.MultipleOf, "/multipleOf", NumberArgs(m.Text!));
                else Warn(DiagnosticDescriptors.InvalidKeywordValue, m, "multipleOf", "expected a number greater than 0");
            }
        }

        private void AddBound(string keyword, CheckKind kind)
        {
            if (_j.Get(keyword) is not JsonNode n) return;
            if (n.Kind != JsonKind.Number)
            {
                if (!(n.IsBoolean && _draft == Draft.Draft4)) Warn(DiagnosticDescriptors.InvalidKeywordValue, n, keyword, "expected a number");
                return;
            }
            Add(kind, "/" + keyword, NumberArgs(n.Text!));
        }

        /// <summary>[decimal literal or "", double literal, original text].</summary>
        private static string[] NumberArgs(string text)
        {
            string dec = string.Empty;
            if (decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out decimal d) && (d != 0m || IsZero(text)))
                dec = d.ToString(CultureInfo.InvariantCulture) + "m";
            // .NET Framework hosts (Visual Studio) throw on overflow where .NET returns infinity.
            if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double x))
                x = text.StartsWith("-", StringComparison.Ordinal) ? double.NegativeInfinity : double.PositiveInfinity;
            string dbl = double.IsPositiveInfinity(x) ? "double.PositiveInfinity"
                : double.IsNegativeInfinity(x) ? "double.NegativeInfinity"
                : x.ToString("R", CultureInfo.InvariantCulture) + "d";
            return new[] { dec, dbl, text };
        }

        private static bool IsZero(string text)
        {
            foreach (char c in text)
            {
                if (c is 'e' or 'E') break;
                if (c is >= '1' and <= '9') return false;
            }
            return true;
        }

        private void AddArrayChecks()
        {
            if (_validation)
            {
                AddCount(CheckKind.MinItems, "minItems");
                AddCount(CheckKind.MaxItems, "maxItems");
                if (_j.Get("uniqueItems") is { Kind: JsonKind.True }) Add(CheckKind.UniqueItems, "/uniqueItems");
            }
            JsonNode? items = _j.Get("items");
            int prefixCount = 0;
            if (_j.Get("prefixItems") is { Kind: JsonKind.Array } prefix && _draft >= Draft.Draft202012)
            {
                for (int i = 0; i < prefix.Items.Count; i++)
                    Add(CheckKind.PrefixItem, "/prefixItems/" + i, new[] { i.ToString(CultureInfo.InvariantCulture) }, new[] { Child(prefix.Items[i]) });
                prefixCount = prefix.Items.Count;
            }
            if (items is { Kind: JsonKind.Array } && _draft < Draft.Draft202012)
            {
                for (int i = 0; i < items.Items.Count; i++)
                    Add(CheckKind.PrefixItem, "/items/" + i, new[] { i.ToString(CultureInfo.InvariantCulture) }, new[] { Child(items.Items[i]) });
                if (_j.Get("additionalItems") is JsonNode additional && SchemaRegistry.IsSchema(additional))
                    Add(CheckKind.Items, "/additionalItems", new[] { items.Items.Count.ToString(CultureInfo.InvariantCulture) }, new[] { Child(additional) });
            }
            else if (items is not null && SchemaRegistry.IsSchema(items))
            {
                Add(CheckKind.Items, "/items", new[] { prefixCount.ToString(CultureInfo.InvariantCulture) }, new[] { Child(items) });
            }
            if (_j.Get("contains") is JsonNode contains && SchemaRegistry.IsSchema(contains))
            {
                long min = 1;
                string max = string.Empty;
                if (_draft >= Draft.Draft201909)
                {
                    if (TryCount("minContains", out long mn)) min = mn;
                    if (TryCount("maxContains", out long mx)) max = mx.ToString(CultureInfo.InvariantCulture);
                }
                Add(CheckKind.Contains, "/contains", new[] { min.ToString(CultureInfo.InvariantCulture), max }, new[] { Child(contains) });
            }
        }

        private void AddObjectChecks()
        {
            if (_validation && _j.Get("required") is JsonNode required)
            {
                if (required.Kind == JsonKind.Array)
                {
                    var names = new List<string>();
                    foreach (JsonNode n in required.Items)
                    {
                        if (n.Kind == JsonKind.String) names.Add(n.Text!);
                    }
                    if (names.Count > 0) Add(CheckKind.Required, "/required", names);
                }
                else if (!(required.IsBoolean && _draft == Draft.Draft4)) Warn(DiagnosticDescriptors.InvalidKeywordValue, required, "required", "expected an array of strings");
            }
            if (_validation)
            {
                AddCount(CheckKind.MinProperties, "minProperties");
                AddCount(CheckKind.MaxProperties, "maxProperties");
            }
            AddDependencies(_validation ? "dependentRequired" : string.Empty, "dependentSchemas");
            // "dependencies" was split in 2019-09; later documents still use it, so it is honoured everywhere.
            AddDependencies(_validation ? "dependencies" : string.Empty, "dependencies");
            AddMembers();
            if (_j.Get("propertyNames") is JsonNode names2 && SchemaRegistry.IsSchema(names2))
                Add(CheckKind.PropertyNames, "/propertyNames", null, new[] { Child(names2) });
        }

        private void AddDependencies(string requiredKeyword, string schemaKeyword)
        {
            if (_j.Get(requiredKeyword) is { Kind: JsonKind.Object } req)
            {
                foreach (JsonMember m in req.Members)
                {
                    if (m.Value.Kind != JsonKind.Array) continue;
                    var args = new List<string> { m.Name };
                    foreach (JsonNode n in m.Value.Items)
                    {
                        if (n.Kind == JsonKind.String) args.Add(n.Text!);
                    }
                    Add(CheckKind.DependentRequired, "/" + requiredKeyword + "/" + JsonPointer.Escape(m.Name), args);
                }
            }
            if (_j.Get(schemaKeyword) is { Kind: JsonKind.Object } schemas)
            {
                foreach (JsonMember m in schemas.Members)
                {
                    if (!SchemaRegistry.IsSchema(m.Value)) continue;
                    Add(CheckKind.DependentSchema, "/" + schemaKeyword + "/" + JsonPointer.Escape(m.Name), new[] { m.Name }, new[] { Child(m.Value) });
                }
            }
        }

        /// <summary>properties / patternProperties / additionalProperties: one pass over the members.</summary>
        private void AddMembers()
        {
            var args = new List<string>();
            var targets = new List<string>();
            if (_j.Get("properties") is { Kind: JsonKind.Object } props)
            {
                foreach (JsonMember m in props.Members)
                {
                    if (!SchemaRegistry.IsSchema(m.Value)) continue;
                    args.Add("p" + m.Name);
                    targets.Add(Child(m.Value));
                }
            }
            if (_j.Get("patternProperties") is { Kind: JsonKind.Object } patterns)
            {
                foreach (JsonMember m in patterns.Members)
                {
                    if (!SchemaRegistry.IsSchema(m.Value)) continue;
                    try
                    {
                        _ = new System.Text.RegularExpressions.Regex(HppSchemaGen.Validation.EcmaRegexTranslator.Translate(m.Name));
                    }
                    catch (ArgumentException e)
                    {
                        Warn(DiagnosticDescriptors.InvalidPattern, m.Value, m.Name, e.Message);
                        continue;
                    }
                    args.Add("r" + m.Name);
                    targets.Add(Child(m.Value));
                }
            }
            if (_j.Get("additionalProperties") is JsonNode additional && SchemaRegistry.IsSchema(additional))
            {
                // "A": accepts everything; still marks members evaluated for unevaluatedProperties.
                args.Add(additional.Kind == JsonKind.True || additional.Kind == JsonKind.Object && additional.Members.Count == 0 ? "A" : "a");
                targets.Add(Child(additional));
            }
            if (args.Count > 0) Add(CheckKind.Members, string.Empty, args, targets);
        }

        private void AddApplicators()
        {
            foreach ((string kw, CheckKind kind) in new[] { ("allOf", CheckKind.AllOf), ("anyOf", CheckKind.AnyOf), ("oneOf", CheckKind.OneOf) })
            {
                if (_j.Get(kw) is not JsonNode list) continue;
                if (list.Kind != JsonKind.Array || list.Items.Count == 0)
                {
                    Warn(DiagnosticDescriptors.InvalidKeywordValue, list, kw, "expected a non-empty array of schemas");
                    continue;
                }
                var targets = new List<string>();
                foreach (JsonNode item in list.Items) targets.Add(SchemaRegistry.IsSchema(item) ? Child(item) : string.Empty);
                Add(kind, "/" + kw, null, targets);
            }
            if (_j.Get("not") is JsonNode not && SchemaRegistry.IsSchema(not)) Add(CheckKind.Not, "/not", null, new[] { Child(not) });
            if (_draft >= Draft.Draft7 && _j.Get("if") is JsonNode @if && SchemaRegistry.IsSchema(@if))
            {
                string then = _j.Get("then") is JsonNode t && SchemaRegistry.IsSchema(t) ? Child(t) : string.Empty;
                string @else = _j.Get("else") is JsonNode e && SchemaRegistry.IsSchema(e) ? Child(e) : string.Empty;
                // Even alone, "if" contributes annotations (for unevaluated*), so it is always recorded.
                Add(CheckKind.IfThenElse, string.Empty, null, new[] { Child(@if), then, @else });
            }
        }
    }
}
