using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using HppSchemaGen.Generator.Diagnostics;
using HppSchemaGen.Generator.Helpers;
using HppSchemaGen.Generator.Parsing;
using HppSchemaGen.Generator.Resolution;

using HppSchemaGen.Validation;

namespace HppSchemaGen.Generator.Model.Validation;

/// <summary>
/// Turns each schema node into its checks (the IR of ValidatorIr.cs), subschemas referred to by
/// node index; then cuts in-place reference cycles, marks the nodes that must report what they
/// evaluated, and hands the drafts to the <see cref="Canonicalizer"/>.
/// </summary>
internal sealed class ValidatorBuilder
{
    private readonly SchemaRegistry _registry;
    private readonly List<DiagnosticInfo> _diagnostics;
    private readonly bool _formatAssertion;
    private readonly IReadOnlyList<SchemaNode> _nodes;
    private readonly Dictionary<SchemaNode, int> _index = new();
    private int _indexed;

    private readonly Func<SchemaNode, bool> _external;

    /// <param name="external">Whether a node stands for a schema of another group (see <see cref="Linking.ModelGroup"/>): its validator is emitted there.</param>
    public ValidatorBuilder(SchemaRegistry registry, List<DiagnosticInfo> diagnostics, bool formatAssertion, IReadOnlyList<SchemaNode> nodes, Func<SchemaNode, bool> external)
    {
        _registry = registry;
        _diagnostics = diagnostics;
        _formatAssertion = formatAssertion;
        _nodes = nodes;
        _external = external;
    }

    /// <summary>A reference to a node's validator, by its index in the walk (resolved to a method by the canonicalizer).</summary>
    public NodeRef Ref(SchemaNode node)
    {
        // The walk only appends, so the index catches up lazily.
        while (!_index.ContainsKey(node) && _indexed < _nodes.Count)
        {
            _index[_nodes[_indexed]] = _indexed;
            _indexed++;
        }
        return _index.TryGetValue(node, out int i) ? NodeRef.Node(i) : NodeRef.Cycle;
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

    /// <summary>Whether <c>format</c> is an assertion for this node (the option, or its meta-schema's format-assertion vocabulary).</summary>
    public bool AssertsFormat(SchemaNode node) => _formatAssertion || Vocabularies(node).FormatAssertion;

    /// <summary>One node's checks while the set is built.</summary>
    internal sealed class NodeDraft
    {
        public NodeDraft(SchemaNode node, bool? boolean, List<Check> checks)
        {
            Node = node;
            Boolean = boolean;
            Checks = checks;
        }

        public SchemaNode Node { get; }
        public bool? Boolean { get; }
        public List<Check> Checks { get; }
        public bool TracksEvaluated { get; set; }

        /// <summary>A schema of another group: no checks here, a call to its method by name.</summary>
        public bool External { get; init; }
        public EquatableArray<DynamicAnchorEntry> Enters { get; set; } = EquatableArray<DynamicAnchorEntry>.Empty;
    }

    /// <summary>Drafts every node (resolving a $ref can register new nodes, so the list is walked by index).</summary>
    public (List<NodeDraft> Drafts, bool UsesDynamicScope) Build()
    {
        NumberDynamicAnchors();
        var drafts = new List<NodeDraft>();
        for (int i = 0; i < _nodes.Count; i++)
            drafts.Add(_external(_nodes[i]) ? new NodeDraft(_nodes[i], null, new List<Check>()) { External = true } : BuildNode(_nodes[i]));

        BreakInPlaceCycles(drafts);
        MarkEvaluatedTracking(drafts);
        bool dynamicScope = drafts.Any(d => d.Checks.Any(c => c is DynamicRefCheck));
        if (dynamicScope)
        {
            foreach (NodeDraft d in drafts) d.Enters = AnchorsEnteredBy(d.Node);
        }
        return (drafts, dynamicScope);
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

    /// <summary>The dynamic anchors the node's resource declares.</summary>
    private EquatableArray<DynamicAnchorEntry> AnchorsEnteredBy(SchemaNode node)
    {
        var result = new List<DynamicAnchorEntry>();
        foreach ((string name, JsonNode anchor) in _registry.DynamicAnchorsIn(SchemaRegistry.ResourceOf(node)))
        {
            if (_anchorNames.TryGetValue(name, out int k) && _anchorIds.TryGetValue(anchor, out int id)) result.Add(new DynamicAnchorEntry(k, id));
        }
        return result.ToEquatableArray();
    }

    /// <summary>
    /// A cycle of in-place applicators ($ref, allOf, not ...) that never descends into the instance
    /// would recurse forever at run time. Each edge closing such a cycle is replaced by a reference
    /// that fails, and reported (HSG1004). Iterative, so a long chain cannot overflow the stack here.
    /// </summary>
    private void BreakInPlaceCycles(List<NodeDraft> drafts)
    {
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
                List<Check> checks = drafts[node].Checks;
                // Advance to the next in-place target of this node.
                while (check < checks.Count && (!checks[check].InPlace || target >= checks[check].Targets.Count()))
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
                NodeRef edge = checks[check].Targets.ElementAt(target);
                if (edge.Kind != NodeRefKind.Node) continue;
                int next = edge.Index;
                if (state[next] == 1)
                {
                    int seen = 0;
                    checks[check] = checks[check].MapTargets(r => seen++ == target ? NodeRef.Cycle : r);
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
        var queue = new Queue<NodeDraft>(drafts.Where(d => d.Checks.Any(c => c is UnevaluatedCheck)));
        foreach (NodeDraft d in queue) d.TracksEvaluated = true;
        while (queue.Count > 0)
        {
            NodeDraft d = queue.Dequeue();
            foreach (Check c in d.Checks)
            {
                if (!c.InPlace || c is NotCheck) continue;
                foreach (NodeRef t in c.Targets)
                {
                    if (t.Kind != NodeRefKind.Node) continue;
                    NodeDraft target = drafts[t.Index];
                    if (target.TracksEvaluated) continue;
                    target.TracksEvaluated = true;
                    queue.Enqueue(target);
                }
            }
        }
    }

    private NodeDraft BuildNode(SchemaNode node)
    {
        JsonNode j = node.Json;
        var checks = new List<Check>();
        // true asserts nothing, exactly like {}: one shape, so the two share a method.
        if (j.Kind != JsonKind.Object) return new NodeDraft(node, j.Kind == JsonKind.True ? null : false, checks);
        new NodeContext(this, node, checks).Build();
        return new NodeDraft(node, null, checks);
    }

    private sealed class NodeContext
    {
        private readonly ValidatorBuilder _b;
        private readonly SchemaNode _node;
        private readonly List<Check> _checks;
        private readonly JsonNode _j;
        private readonly Draft _draft;
        private readonly bool _validation;

        public NodeContext(ValidatorBuilder b, SchemaNode node, List<Check> checks)
        {
            _b = b;
            _node = node;
            _checks = checks;
            _j = node.Json;
            _draft = node.Draft;
            _validation = b.Vocabularies(node).Validation;
        }

        private void Add(Check check) => _checks.Add(check);

        private void Warn(Microsoft.CodeAnalysis.DiagnosticDescriptor id, JsonNode at, params string[] args)
            => _b._diagnostics.Add(_node.Document.Lines.Diagnostic(id, at.Start, at.End, args));

        private NodeRef Child(JsonNode child)
        {
            SchemaNode? n = _b._registry.Find(child);
            // Every subschema was registered by the walk; a miss would be our bug: fail loudly but safely.
            return n is null ? NodeRef.Cycle : _b.Ref(n);
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
            if (_b.AssertsFormat(_node) && _j.Get("format") is { Kind: JsonKind.String } f)
                // Draft-04 and -06 define hostname by RFC 1123 (later drafts by IDNA2008, which forbids "--" in positions 3-4).
                Add(new FormatCheck(f.Text == "hostname" && _draft <= Draft.Draft6 ? "hostname (RFC 1123)" : f.Text!));
            if (_draft == Draft.Draft7)
            {
                bool base64 = _j.GetString("contentEncoding") == "base64";
                bool json = _j.GetString("contentMediaType") == "application/json";
                if (base64 || json) Add(new ContentCheck(base64, json));
            }
            AddArrayChecks();
            AddObjectChecks();
            AddApplicators();
            // Last: they read what every other keyword of this schema evaluated.
            if (_draft >= Draft.Draft201909)
            {
                if (_j.Get("unevaluatedItems") is JsonNode ui && SchemaRegistry.IsSchema(ui))
                    Add(new UnevaluatedCheck(true, Child(ui)));
                if (_j.Get("unevaluatedProperties") is JsonNode up && SchemaRegistry.IsSchema(up))
                    Add(new UnevaluatedCheck(false, Child(up)));
            }
        }

        private void AddRef(string keyword, JsonNode reference)
        {
            if (ResolveOrFail(reference, keyword) is SchemaNode target) Add(new RefCheck("/" + keyword, _b.Ref(target)));
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
                Add(new NeverCheck("/" + keyword, "unresolved reference " + reference.Text));
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
                Add(new RefCheck("/" + keyword, _b.Ref(target)));
                return;
            }
            var candidates = new List<DynamicCandidate>();
            foreach ((string anchorName, JsonNode anchorNode) in _b._registry.AllDynamicAnchors())
            {
                if (anchorName != anchor || !_b._anchorIds.TryGetValue(anchorNode, out int id) || _b._registry.Find(anchorNode) is not SchemaNode candidate) continue;
                candidates.Add(new DynamicCandidate(id, _b.Ref(candidate)));
            }
            Add(new DynamicRefCheck("/" + keyword, name, _b.Ref(target), candidates.ToEquatableArray()));
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
            if (_j.Get("nullable") is { Kind: JsonKind.True }) names.Add("null");
            var set = JsonTypes.None;
            foreach (string n in names)
            {
                set |= n switch
                {
                    "object" => JsonTypes.Object,
                    "array" => JsonTypes.Array,
                    "string" => JsonTypes.String,
                    "number" => JsonTypes.Number,
                    // Draft-04: 1.0 is a number but not an integer (from draft-06 on it is both). OpenAPI 3.0
                    // schemas are read as draft-04 otherwise, but count 1.0 as an integer like every later draft.
                    "integer" => _draft == Draft.Draft4 && _node.Document.OpenApi is null ? JsonTypes.IntegerLiteral : JsonTypes.Integer,
                    "boolean" => JsonTypes.Boolean,
                    _ => JsonTypes.Null,
                };
            }
            // number already admits every integer.
            if ((set & JsonTypes.Number) != 0) set &= ~(JsonTypes.Integer | JsonTypes.IntegerLiteral);
            Add(new TypeCheck(set));
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
                    Add(new EnumCheck("/enum", values.ToEquatableArray(), false));
                }
            }
            if (_j.Get("const") is JsonNode c) Add(new EnumCheck("/const", new[] { JsonWriter.Write(c) }.ToEquatableArray(), true));
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

        private void AddCount(CountKind kind, string keyword)
        {
            if (TryCount(keyword, out long v)) Add(new CountCheck(kind, v));
        }

        private void AddStringChecks()
        {
            AddCount(CountKind.MinLength, "minLength");
            AddCount(CountKind.MaxLength, "maxLength");
            if (_j.Get("pattern") is JsonNode p)
            {
                if (p.Kind != JsonKind.String) Warn(DiagnosticDescriptors.InvalidKeywordValue, p, "pattern", "expected a string");
                else if (CheckPattern(p)) Add(new PatternCheck(p.Text!));
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
            AddBound("minimum", draft4 && _j.Get("exclusiveMinimum") is { Kind: JsonKind.True } ? BoundKind.ExclusiveMinimum : BoundKind.Minimum);
            AddBound("maximum", draft4 && _j.Get("exclusiveMaximum") is { Kind: JsonKind.True } ? BoundKind.ExclusiveMaximum : BoundKind.Maximum);
            if (!draft4)
            {
                AddBound("exclusiveMinimum", BoundKind.ExclusiveMinimum);
                AddBound("exclusiveMaximum", BoundKind.ExclusiveMaximum);
            }
            if (_j.Get("multipleOf") is JsonNode m)
            {
                if (m.Kind == JsonKind.Number && double.TryParse(m.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out double d) && d > 0)
                    Add(new BoundCheck("/multipleOf", BoundKind.MultipleOf, NumberValue.Parse(m.Text!)));
                else Warn(DiagnosticDescriptors.InvalidKeywordValue, m, "multipleOf", "expected a number greater than 0");
            }
        }

        private void AddBound(string keyword, BoundKind kind)
        {
            if (_j.Get(keyword) is not JsonNode n) return;
            if (n.Kind != JsonKind.Number)
            {
                if (!(n.IsBoolean && _draft == Draft.Draft4)) Warn(DiagnosticDescriptors.InvalidKeywordValue, n, keyword, "expected a number");
                return;
            }
            Add(new BoundCheck("/" + keyword, kind, NumberValue.Parse(n.Text!)));
        }

        private void AddArrayChecks()
        {
            if (_validation)
            {
                AddCount(CountKind.MinItems, "minItems");
                AddCount(CountKind.MaxItems, "maxItems");
                if (_j.Get("uniqueItems") is { Kind: JsonKind.True }) Add(new UniqueItemsCheck());
            }
            JsonNode? items = _j.Get("items");
            int prefixCount = 0;
            if (_j.Get("prefixItems") is { Kind: JsonKind.Array } prefix && _draft >= Draft.Draft202012)
            {
                for (int i = 0; i < prefix.Items.Count; i++)
                    Add(new PrefixItemCheck("/prefixItems/" + i.ToString(CultureInfo.InvariantCulture), i, Child(prefix.Items[i])));
                prefixCount = prefix.Items.Count;
            }
            if (items is { Kind: JsonKind.Array } && _draft < Draft.Draft202012)
            {
                for (int i = 0; i < items.Items.Count; i++)
                    Add(new PrefixItemCheck("/items/" + i.ToString(CultureInfo.InvariantCulture), i, Child(items.Items[i])));
                if (_j.Get("additionalItems") is JsonNode additional && SchemaRegistry.IsSchema(additional))
                    Add(new ItemsCheck("/additionalItems", items.Items.Count, Child(additional)));
            }
            else if (items is not null && SchemaRegistry.IsSchema(items))
            {
                Add(new ItemsCheck("/items", prefixCount, Child(items)));
            }
            if (_j.Get("contains") is JsonNode contains && SchemaRegistry.IsSchema(contains))
            {
                long min = 1;
                long? max = null;
                if (_draft >= Draft.Draft201909)
                {
                    if (TryCount("minContains", out long mn)) min = mn;
                    if (TryCount("maxContains", out long mx)) max = mx;
                }
                Add(new ContainsCheck(min, max, Child(contains)));
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
                    if (names.Count > 0) Add(new RequiredCheck(names.ToEquatableArray()));
                }
                else if (!(required.IsBoolean && _draft == Draft.Draft4)) Warn(DiagnosticDescriptors.InvalidKeywordValue, required, "required", "expected an array of strings");
            }
            if (_validation)
            {
                AddCount(CountKind.MinProperties, "minProperties");
                AddCount(CountKind.MaxProperties, "maxProperties");
            }
            // dependentRequired / dependentSchemas are 2019-09 keywords: in an older draft they are unknown words.
            if (_draft >= Draft.Draft201909) AddDependencies(_validation ? "dependentRequired" : string.Empty, "dependentSchemas");
            // "dependencies" was split in 2019-09; later documents still use it, so it is honoured everywhere.
            AddDependencies(_validation ? "dependencies" : string.Empty, "dependencies");
            AddMembers();
            if (_j.Get("propertyNames") is JsonNode names2 && SchemaRegistry.IsSchema(names2))
                Add(new PropertyNamesCheck(Child(names2)));
        }

        private void AddDependencies(string requiredKeyword, string schemaKeyword)
        {
            if (_j.Get(requiredKeyword) is { Kind: JsonKind.Object } req)
            {
                foreach (JsonMember m in req.Members)
                {
                    if (m.Value.Kind != JsonKind.Array) continue;
                    var names = new List<string>();
                    foreach (JsonNode n in m.Value.Items)
                    {
                        if (n.Kind == JsonKind.String) names.Add(n.Text!);
                    }
                    Add(new DependentRequiredCheck("/" + requiredKeyword + "/" + JsonPointer.Escape(m.Name), m.Name, names.ToEquatableArray()));
                }
            }
            if (_j.Get(schemaKeyword) is { Kind: JsonKind.Object } schemas)
            {
                foreach (JsonMember m in schemas.Members)
                {
                    if (!SchemaRegistry.IsSchema(m.Value)) continue;
                    Add(new DependentSchemaCheck("/" + schemaKeyword + "/" + JsonPointer.Escape(m.Name), m.Name, Child(m.Value)));
                }
            }
        }

        /// <summary>properties / patternProperties / additionalProperties: one pass over the members.</summary>
        private void AddMembers()
        {
            var properties = new List<PropertyEntry>();
            var patterns = new List<PatternEntry>();
            if (_j.Get("properties") is { Kind: JsonKind.Object } props)
            {
                foreach (JsonMember m in props.Members)
                {
                    if (SchemaRegistry.IsSchema(m.Value)) properties.Add(new PropertyEntry(m.Name, Child(m.Value)));
                }
            }
            if (_j.Get("patternProperties") is { Kind: JsonKind.Object } patternMap)
            {
                foreach (JsonMember m in patternMap.Members)
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
                    patterns.Add(new PatternEntry(m.Name, Child(m.Value)));
                }
            }
            NodeRef? additional = null;
            bool trivial = false;
            if (_j.Get("additionalProperties") is JsonNode a && SchemaRegistry.IsSchema(a))
            {
                additional = Child(a);
                // Accepts everything; still marks members evaluated for unevaluatedProperties.
                trivial = a.Kind == JsonKind.True || a.Kind == JsonKind.Object && a.Members.Count == 0;
            }
            if (properties.Count > 0 || patterns.Count > 0 || additional is not null)
                Add(new MembersCheck(properties.ToEquatableArray(), patterns.ToEquatableArray(), additional, trivial));
        }

        private void AddApplicators()
        {
            foreach ((string kw, CombinatorKind kind) in new[] { ("allOf", CombinatorKind.AllOf), ("anyOf", CombinatorKind.AnyOf), ("oneOf", CombinatorKind.OneOf) })
            {
                if (_j.Get(kw) is not JsonNode list) continue;
                if (list.Kind != JsonKind.Array || list.Items.Count == 0)
                {
                    Warn(DiagnosticDescriptors.InvalidKeywordValue, list, kw, "expected a non-empty array of schemas");
                    continue;
                }
                var branches = new List<BranchRef>();
                foreach (JsonNode item in list.Items) branches.Add(new BranchRef(SchemaRegistry.IsSchema(item) ? Child(item) : null));
                Add(new CombinatorCheck("/" + kw, kind, branches.ToEquatableArray()));
            }
            if (_j.Get("not") is JsonNode not && SchemaRegistry.IsSchema(not)) Add(new NotCheck(Child(not)));
            if (_draft >= Draft.Draft7 && _j.Get("if") is JsonNode @if && SchemaRegistry.IsSchema(@if))
            {
                NodeRef? then = _j.Get("then") is JsonNode t && SchemaRegistry.IsSchema(t) ? Child(t) : null;
                NodeRef? @else = _j.Get("else") is JsonNode e && SchemaRegistry.IsSchema(e) ? Child(e) : null;
                // Even alone, "if" contributes annotations (for unevaluated*), so it is always recorded.
                Add(new IfThenElseCheck(Child(@if), then, @else));
            }
        }
    }
}
