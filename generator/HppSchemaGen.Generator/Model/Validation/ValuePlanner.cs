using System;
using System.Collections.Generic;
using System.Linq;
using HppSchemaGen.Generator.Helpers;

using HppSchemaGen.Validation;

namespace HppSchemaGen.Generator.Model.Validation;

/// <summary>How a value built in code is judged: by its CLR type, which fixes how the context writes it.</summary>
internal enum ValueKind
{
    /// <summary>A string, or an open string enum (its <c>Value</c>).</summary>
    String,
    /// <summary><c>int</c>/<c>long</c>: written as digits, so bounds are exact.</summary>
    Integer,
    /// <summary><c>double</c>/<c>float</c>/<c>decimal</c>: their text decides integrality and bounds, so only <c>type: number</c> is judged directly.</summary>
    Float,
    Boolean,
    /// <summary><c>DateTimeOffset</c>/<c>Guid</c>/<c>DateOnly</c>: strings the serializer formats, always valid for their own format.</summary>
    Formatted,
    /// <summary>A <c>JsonElement</c>: the element validator itself.</summary>
    Element,
    Record,
    Union,
    List,
    Dictionary,
}

/// <summary>
/// One validator of values built in code: the checks of <see cref="Node"/> applied to a value of
/// <see cref="Type"/>. <see cref="ViaJson"/>: some check cannot be judged on the value (it needs
/// the JSON text: <c>uniqueItems</c>, <c>unevaluated*</c>, non-integer bounds ...), so the method
/// serializes the value with the context and runs the element validator: slower, never different.
/// <see cref="Shape"/> is the record or union the type stands for.
/// </summary>
internal sealed record ValueMethodSpec(string Name, TypeRef Type, NodeRef NodeRef, ValidatorMethodSpec Node, TypeSpec? Shape, bool ViaJson)
{
    /// <summary>A generated type's <c>Validate()</c> calls it (in a set with a dynamic scope it gets an overload that starts the scope empty).</summary>
    public bool IsEntry { get; init; }

    /// <summary>The pairs this method would call that pass every non-null value (<see cref="ValuePlanner.NoOp"/>): it skips those calls.</summary>
    public EquatableArray<string> NoOpCalls { get; init; } = EquatableArray<string>.Empty;
}

/// <summary>The value validators whose node is in one namespace: its <c>__ValueValidators</c> class.</summary>
internal sealed record ValueValidatorFileSpec(string Namespace, string HintName, string ContextNamespace, string ContextName, bool UsesDynamicScope, EquatableArray<ValueMethodSpec> Methods);

/// <summary>
/// Plans the validators of values built in code (<c>record.Validate()</c>): from each record,
/// union and typed schema class, the pairs (schema node, CLR type) its checks reach, closed over
/// references, applicators, members and items. A pair is named from both (<see cref="NameOf"/>),
/// so a caller knows the callee's name without a table and a schema growing elsewhere renames nothing.
/// </summary>
internal static class ValuePlanner
{
    /// <summary>Up to this many methods, a namespace's value validators are one file; beyond, <see cref="PartsFor"/> files.</summary>
    private const int MethodsPerFile = 64;

    /// <summary>
    /// How many parts a namespace of <paramref name="methods"/> value validators is emitted in: 64,
    /// doubled while a part would hold more than <see cref="MethodsPerFile"/> on average, so that an
    /// edit re-emits a part of about that size however large the set (a method moves only when the
    /// namespace crosses one of these sizes).
    /// </summary>
    private static uint PartsFor(int methods)
    {
        uint parts = 64;
        while (parts < 4096 && methods > parts * MethodsPerFile) parts *= 2;
        return parts;
    }

    public static ValueKind KindOf(TypeRef t) => t.Kind switch
    {
        TypeRefKind.Record => ValueKind.Record,
        TypeRefKind.Union => ValueKind.Union,
        TypeRefKind.Enum => ValueKind.String,
        TypeRefKind.List => ValueKind.List,
        TypeRefKind.Dictionary => ValueKind.Dictionary,
        _ => t.Name switch
        {
            "String" => ValueKind.String,
            "Int32" or "Int64" => ValueKind.Integer,
            "Double" or "Single" or "Decimal" => ValueKind.Float,
            "Boolean" => ValueKind.Boolean,
            "JsonElement" => ValueKind.Element,
            _ => ValueKind.Formatted,
        },
    };

    /// <summary>The format a formatted type's text always satisfies.</summary>
    public static string OwnFormat(TypeRef t) => t.Name switch
    {
        "DateTimeOffset" => "date-time",
        "Guid" => "uuid",
        "DateOnly" => "date",
        _ => string.Empty,
    };

    /// <summary>The method validating values of <paramref name="type"/> against <paramref name="node"/>, unique in the node's namespace.</summary>
    public static string NameOf(NodeRef node, TypeRef type) => node.Method + "__" + TypeKey(type, node.Namespace);

    private static string TypeKey(TypeRef t, string ns) => t.Kind switch
    {
        TypeRefKind.List => "ListOf" + TypeKey(t.Arguments[0], ns),
        TypeRefKind.Dictionary => "DictionaryOf" + TypeKey(t.Arguments[0], ns),
        TypeRefKind.Primitive => t.Name,
        // A generated type of another namespace is told apart by its namespace, and so is one named
        // like another key (a union called Boolean with a bool branch, a record called ListOfString).
        _ => t.Namespace == ns && !IsOtherKey(t.Name) ? t.Name : t.Namespace.Replace('.', '_') + "_" + t.Name,
    };

    private static bool IsOtherKey(string name)
        => TypeRef.Primitives.Any(p => p.Name == name) || name.StartsWith("ListOf", System.StringComparison.Ordinal) || name.StartsWith("DictionaryOf", System.StringComparison.Ordinal);

    /// <summary>The CLR type a generated type's values are judged as; null when none is (an enum, a schema class of JSON values, no validator method).</summary>
    private static TypeRef? ValueOf(TypeSpec t)
    {
        if (t.Validator.Kind != NodeRefKind.Method) return null;
        return t.Kind switch
        {
            TypeSpecKind.Record or TypeSpecKind.Union => t.AsRef,
            TypeSpecKind.Schema when t.ValueType is { } v && KindOf(v) != ValueKind.Element => v,
            _ => null,
        };
    }

    /// <summary>The entry method <see cref="Plan"/> gives the type (empty when none), known from the type alone.</summary>
    public static string EntryOf(TypeSpec t) => ValueOf(t) is TypeRef value ? NameOf(t.Validator, value) : string.Empty;

    /// <summary>
    /// The pairs reachable from every generated type, one file per namespace, and each type's entry
    /// method name (empty when none: the type validates through its JSON, see <paramref name="dynamicScope"/>).
    /// </summary>
    public static (List<TypeSpec> Types, List<ValueValidatorFileSpec> Files) Plan(List<TypeSpec> types, List<ValidatorFileSpec> validators, bool dynamicScope, string contextNamespace, string contextName,
        Dictionary<(string, string), List<TypeSpec>> referrers)
    {
        int count = 0;
        foreach (ValidatorFileSpec f in validators) count += f.Methods.Count;
        var nodes = new Dictionary<(string, string), PlannedNode>(count);
        foreach (ValidatorFileSpec f in validators)
        {
            foreach (ValidatorMethodSpec m in f.Methods) nodes[(f.Namespace, m.Name)] = new PlannedNode(f.Namespace, m);
        }
        var shapes = new Dictionary<(string, string), TypeSpec>(types.Count);
        foreach (TypeSpec t in types) shapes[(t.Namespace, t.Name)] = t;

        // Each (method, CLR type) pair once, found from its method: a pair is named (a string made)
        // only the first time it is met, though tens of thousands of calls reach the same few.
        var pairs = new List<PlannedPair>();
        PlannedPair? PairOf(NodeRef node, TypeRef type)
        {
            if (node.Kind != NodeRefKind.Method || KindOf(type) == ValueKind.Element) return null; // called directly
            if (!nodes.TryGetValue((node.Namespace, node.Method), out PlannedNode? n)) return null; // no method: nothing to plan or call
            if (n.Find(type) is PlannedPair known) return known;
            TypeSpec? shape = type.Kind is TypeRefKind.Record or TypeRefKind.Union && shapes.TryGetValue((type.Namespace, type.Name), out TypeSpec? s) ? s : null;
            var pair = new PlannedPair(pairs.Count, NameOf(n.Self, type), type, n, shape, NoOp(n.Spec, type));
            n.Add(pair);
            pairs.Add(pair);
            return pair;
        }

        var queue = new Queue<PlannedPair>();
        var result = new List<TypeSpec>(types.Count);
        var entries = new HashSet<string>(StringComparer.Ordinal);
        foreach (TypeSpec t in types)
        {
            if (ValueOf(t) is not TypeRef value)
            {
                result.Add(t.ValueValidator.Length == 0 ? t : t with { ValueValidator = string.Empty });
                continue;
            }
            PlannedPair? pair = PairOf(t.Validator, value);
            string entry = pair?.Name ?? NameOf(t.Validator, value);
            if (pair is { Planned: false })
            {
                pair.Planned = true;
                queue.Enqueue(pair);
            }
            entries.Add(entry);
            result.Add(t.ValueValidator == entry ? t : t with { ValueValidator = entry });
        }

        var methods = new SortedDictionary<string, List<ValueMethodSpec>>(StringComparer.Ordinal);
        var calls = new List<(NodeRef, TypeRef)>();
        var edges = new List<(int Caller, int Callee)>();
        var viaJson = new List<int>();
        while (queue.Count > 0)
        {
            PlannedPair p = queue.Dequeue();
            bool direct = Judges(p.Node.Spec, p.Type, p.Shape);
            SortedSet<string>? noOps = null;
            if (!direct) viaJson.Add(p.Id);
            else
            {
                calls.Clear();
                Calls(p.Node.Self, p.Node.Spec, p.Type, p.Shape, calls);
                foreach ((NodeRef sub, TypeRef subType) in calls)
                {
                    if (PairOf(sub, subType) is not PlannedPair callee) continue;
                    if (callee.NoOp) (noOps ??= new SortedSet<string>(StringComparer.Ordinal)).Add(callee.Name);
                    else
                    {
                        if (!callee.Planned)
                        {
                            callee.Planned = true;
                            queue.Enqueue(callee);
                        }
                        edges.Add((p.Id, callee.Id));
                    }
                }
            }
            string ns = p.Node.Namespace;
            if (!methods.TryGetValue(ns, out List<ValueMethodSpec>? list)) methods[ns] = list = new List<ValueMethodSpec>();
            list.Add(new ValueMethodSpec(p.Name, p.Type, p.Node.Self, p.Node.Spec, p.Shape, !direct)
            {
                NoOpCalls = noOps is null ? EquatableArray<string>.Empty : noOps.ToEquatableArray(),
                IsEntry = entries.Contains(p.Name),
            });
        }

        // Validated exactly on the read value: no pair reachable from its entry serializes (ViaJson).
        // Found once for every pair, walking the calls backwards from the ViaJson ones: a walk from
        // each type would be quadratic, since references (a ring of 2,000 components) reach everything.
        var callers = new List<int>?[pairs.Count];
        foreach ((int caller, int callee) in edges) (callers[callee] ??= new List<int>()).Add(caller);
        bool[] serializes = new bool[pairs.Count];
        var pending = new Stack<int>();
        foreach (int v in viaJson)
        {
            serializes[v] = true;
            pending.Push(v);
        }
        var serializing = new HashSet<(string, string)>();
        while (pending.Count > 0)
        {
            int at = pending.Pop();
            serializing.Add((pairs[at].Node.Namespace, pairs[at].Name));
            if (callers[at] is not List<int> up) continue;
            foreach (int caller in up)
            {
                if (serializes[caller]) continue;
                serializes[caller] = true;
                pending.Push(caller);
            }
        }
        result = Readers.Mark(result, t => !serializing.Contains((t.Validator.Namespace, t.ValueValidator)), referrers);

        // A namespace with many methods is emitted in parts (by a stable hash of each method's name,
        // so a method never moves while the namespace stays large): an edit re-emits the parts whose
        // methods changed, not one file holding every value validator of the set.
        var files = new List<ValueValidatorFileSpec>();
        foreach (KeyValuePair<string, List<ValueMethodSpec>> kv in methods)
        {
            if (kv.Value.Count <= MethodsPerFile)
            {
                files.Add(new ValueValidatorFileSpec(kv.Key, "__ValueValidators." + kv.Key, contextNamespace, contextName, dynamicScope,
                    kv.Value.OrderBy(m => m.Name, StringComparer.Ordinal).ToEquatableArray()));
                continue;
            }
            uint parts = PartsFor(kv.Value.Count);
            foreach (IGrouping<uint, ValueMethodSpec> part in kv.Value.GroupBy(m => StableHash.Of(m.Name) % parts).OrderBy(g => g.Key))
            {
                files.Add(new ValueValidatorFileSpec(kv.Key, "__ValueValidators." + kv.Key + "." + part.Key.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    contextNamespace, contextName, dynamicScope, part.OrderBy(m => m.Name, StringComparer.Ordinal).ToEquatableArray()));
            }
        }
        return (result, files);
    }

    /// <summary>A validator method while planning: the pairs planned on it so far, by CLR type.</summary>
    private sealed class PlannedNode
    {
        private const int Few = 8;
        private readonly List<PlannedPair> _few = new(1);
        private Dictionary<TypeRef, PlannedPair>? _many;

        private NodeRef? _self;

        public PlannedNode(string ns, ValidatorMethodSpec spec)
        {
            Namespace = ns;
            Spec = spec;
        }

        public string Namespace { get; }

        /// <summary>The method as value validators refer to it (no keyword path, no absolute location), made for the methods that get a pair.</summary>
        public NodeRef Self => _self ??= NodeRef.To(Namespace, Spec.Name, string.Empty, string.Empty);

        public ValidatorMethodSpec Spec { get; }

        public PlannedPair? Find(TypeRef type)
        {
            if (_many is not null) return _many.TryGetValue(type, out PlannedPair? pair) ? pair : null;
            foreach (PlannedPair p in _few)
            {
                if (p.Type.Equals(type)) return p;
            }
            return null;
        }

        public void Add(PlannedPair pair)
        {
            if (_many is not null)
            {
                _many[pair.Type] = pair;
                return;
            }
            _few.Add(pair);
            // A method judged as many types (an "is object" check on every inline record) is looked up by hash.
            if (_few.Count > Few) _many = _few.ToDictionary(p => p.Type);
        }
    }

    /// <summary>
    /// One (method, CLR type) pair while planning: its value validator's name, and whether it passes
    /// every value (<see cref="ValuePlanner.NoOp"/>). Found by reference only; <see cref="Planned"/>: queued for a method of its own.
    /// </summary>
    private sealed record PlannedPair(int Id, string Name, TypeRef Type, PlannedNode Node, TypeSpec? Shape, bool NoOp)
    {
        public bool Planned { get; set; }
    }

    /// <summary>True when every check of <paramref name="node"/> can be judged on a value of <paramref name="type"/> without its JSON.</summary>
    public static bool Judges(ValidatorMethodSpec node, TypeRef type, TypeSpec? shape)
    {
        if (node.Boolean is not null) return true;
        ValueKind kind = KindOf(type);
        if (kind == ValueKind.Union) return shape is not null;
        if (kind == ValueKind.Record && shape is null) return false;
        bool obj = kind is ValueKind.Record or ValueKind.Dictionary;
        foreach (Check check in node.Checks)
        {
            bool judged = check switch
            {
                TypeCheck t => kind != ValueKind.Float || (t.Types & JsonTypes.Number) != 0,
                EnumCheck => kind == ValueKind.String,
                CountCheck => kind != ValueKind.Formatted || !IsLength(check),
                BoundCheck => kind != ValueKind.Float,
                PatternCheck => kind != ValueKind.Formatted,
                FormatCheck f => kind != ValueKind.Formatted || f.Format == OwnFormat(type),
                ContentCheck => kind is not (ValueKind.String or ValueKind.Formatted),
                UniqueItemsCheck or PrefixItemCheck or ContainsCheck => kind != ValueKind.List,
                ItemsCheck items => kind != ValueKind.List || items.From == 0,
                DependentRequiredCheck or DependentSchemaCheck or PropertyNamesCheck => !obj,
                MembersCheck m => !obj || m.Patterns.Count == 0,
                UnevaluatedCheck u => u.Items ? kind != ValueKind.List : !obj,
                DynamicRefCheck => false,
                _ => true, // type-independent: required, never, $ref, allOf/anyOf/oneOf, not, if
            };
            if (!judged) return false;
        }
        return true;
    }

    /// <summary>The JSON type a value of this kind is written as.</summary>
    public static JsonTypes Written(ValueKind kind) => kind switch
    {
        ValueKind.String or ValueKind.Formatted => JsonTypes.String,
        ValueKind.Integer => JsonTypes.Integer,
        ValueKind.Boolean => JsonTypes.Boolean,
        ValueKind.Record or ValueKind.Dictionary => JsonTypes.Object,
        ValueKind.List => JsonTypes.Array,
        _ => JsonTypes.Number,
    };

    /// <summary>The <c>type</c> names a value of this kind satisfies (an integer is also a number and a draft-04 integer).</summary>
    public static JsonTypes Satisfies(ValueKind kind)
        => Written(kind) == JsonTypes.Integer ? JsonTypes.Integer | JsonTypes.IntegerLiteral | JsonTypes.Number : Written(kind);

    /// <summary>
    /// True when <paramref name="node"/> passes every non-null value of <paramref name="type"/>
    /// whatever it holds (a string against <c>type: string</c>): callers skip the call for such a
    /// value, and no method is emitted for the pair.
    /// </summary>
    public static bool NoOp(ValidatorMethodSpec node, TypeRef type)
    {
        if (node.Boolean is bool b) return b;
        ValueKind kind = KindOf(type);
        if (kind is ValueKind.Record or ValueKind.Union or ValueKind.List or ValueKind.Dictionary) return false;
        if (!Judges(node, type, null)) return false;
        foreach (Check check in node.Checks)
        {
            bool silent = check switch
            {
                TypeCheck t => (t.Types & Satisfies(kind)) != 0,
                CountCheck => kind != ValueKind.String,
                BoundCheck => kind != ValueKind.Integer,
                PatternCheck => kind != ValueKind.String,
                FormatCheck => kind != ValueKind.String,
                RequiredCheck or MembersCheck or ItemsCheck or UnevaluatedCheck or PropertyNamesCheck
                    or DependentRequiredCheck or DependentSchemaCheck or ContentCheck or UniqueItemsCheck
                    or PrefixItemCheck or ContainsCheck => true, // judged, so not of this kind
                IfThenElseCheck ite => ite.Then is null && ite.Else is null,
                _ => false,
            };
            if (!silent) return false;
        }
        return true;
    }

    private static bool IsLength(Check c) => c is CountCheck { Kind: CountKind.MinLength or CountKind.MaxLength };

    /// <summary>Adds the (node, type) pairs a judged node calls: the emitter calls exactly these.</summary>
    public static void Calls(NodeRef self, ValidatorMethodSpec node, TypeRef type, TypeSpec? shape, List<(NodeRef, TypeRef)> into)
    {
        if (node.Boolean is not null) return;
        ValueKind kind = KindOf(type);
        if (kind == ValueKind.Union)
        {
            // A union is written as its case's value: the same node judges that value.
            foreach (UnionCaseSpec c in shape!.UnionCases) into.Add((self, c.Type));
            return;
        }
        foreach (Check check in node.Checks)
        {
            switch (check)
            {
                case RefCheck r:
                    into.Add((r.Target, type));
                    break;
                case CombinatorCheck comb:
                    foreach (BranchRef b in comb.Branches)
                    {
                        if (b.Target is not null) into.Add((b.Target, type));
                    }
                    break;
                case NotCheck not:
                    into.Add((not.Target, type));
                    break;
                case IfThenElseCheck ite:
                    into.Add((ite.If, type));
                    if (ite.Then is not null) into.Add((ite.Then, type));
                    if (ite.Else is not null) into.Add((ite.Else, type));
                    break;
                case MembersCheck m when kind == ValueKind.Record:
                    foreach (PropertySpec p in shape!.Properties)
                    {
                        if (MemberTarget(m, p.JsonName) is NodeRef target) into.Add((target, p.Type));
                    }
                    break;
                case MembersCheck m when kind == ValueKind.Dictionary:
                    foreach (PropertyEntry p in m.Properties) into.Add((p.Target, type.Arguments[0]));
                    if (m.Additional is not null && !m.AdditionalIsTrivial) into.Add((m.Additional, type.Arguments[0]));
                    break;
                case ItemsCheck items when kind == ValueKind.List:
                    into.Add((items.Target, type.Arguments[0]));
                    break;
            }
        }
    }

    /// <summary>The subschema a member named <paramref name="name"/> is checked against (properties, else a non-trivial additionalProperties), if any.</summary>
    public static NodeRef? MemberTarget(MembersCheck m, string name)
    {
        foreach (PropertyEntry p in m.Properties)
        {
            if (p.Name == name) return p.Target;
        }
        return m.Additional is not null && !m.AdditionalIsTrivial ? m.Additional : null;
    }
}
