using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using HppSchemaGen.Generator.Diagnostics;
using HppSchemaGen.Generator.Helpers;
using HppSchemaGen.Generator.Linking;
using HppSchemaGen.Generator.Model.Validation;
using HppSchemaGen.Generator.Parsing;
using HppSchemaGen.Generator.Resolution;

namespace HppSchemaGen.Generator.Model;

/// <summary>
/// The one step that sees the whole schema set: parse, resolve, name, map to C# shapes and build
/// the validator checks. Everything it returns is equatable data; the JSON trees die with it.
/// </summary>
internal sealed partial class ModelBuilder
{
    private const int MaxRefChain = 64;

    internal static readonly HashSet<string> ReservedTypeNames = new(StringComparer.Ordinal)
    {
        // Members of the generated JsonSerializerContext and of object, which the context's per-type properties would clash with.
        "Default", "Options", "GeneratedSerializerOptions", "GetTypeInfo", "Equals", "GetHashCode", "ToString", "GetType", "MemberwiseClone", "Finalize",
        "HppSchemaGen", "System", "Microsoft",
        // Members every generated type declares: a type may not be named like its own member (CS0542).
        "Validate", "Parse", "TryParse", "Value", "IsKnown", "KnownValues", "From", "Converter", "Unknown", "EqualityContract", "PrintMembers",
        "Deconstruct", "Clone", "Read", "Write",
    };

    private static readonly HashSet<string> ReservedRecordMembers = new(StringComparer.Ordinal)
    {
        "EqualityContract", "Equals", "GetHashCode", "ToString", "PrintMembers", "Deconstruct", "GetType", "MemberwiseClone", "Finalize", "Clone",
        "Validate", "Parse", "TryParse", "__Schema",
    };

    private static readonly HashSet<string> ReservedUnionCases = new(StringComparer.Ordinal)
    {
        "Converter", "Unknown", "Value", "Validate", "Parse", "TryParse", "EqualityContract", "Equals", "GetHashCode", "ToString",
        "PrintMembers", "Deconstruct", "GetType", "MemberwiseClone", "Finalize", "__Schema",
    };

    private static readonly HashSet<string> ReservedEnumMembers = new(StringComparer.Ordinal)
    {
        "Value", "IsKnown", "KnownValues", "From", "Validate", "Equals", "GetHashCode", "ToString", "GetType", "MemberwiseClone", "Finalize", "Converter", "__Schema",
    };

    private readonly GeneratorOptions _options;
    private readonly List<DiagnosticInfo> _diagnostics = new();
    private readonly HashSet<string> _typeNames = new(StringComparer.Ordinal);
    private readonly Dictionary<JsonNode, TypeRef> _named = new(Resolution.ReferenceEqualityComparer.Instance);
    private readonly Dictionary<SchemaDocument, Dictionary<JsonNode, string>> _pointers = new();
    private readonly Dictionary<JsonNode, string> _plannedNames = new(Resolution.ReferenceEqualityComparer.Instance);
    private readonly List<TypeSpec> _types = new();
    private readonly Dictionary<SchemaDocument, string> _rootNames = new();
    private readonly Dictionary<string, TypeRef> _enumsByValues = new(StringComparer.Ordinal);
    private readonly Queue<(SchemaNode Node, string Name)> _deferred = new();
    private readonly Dictionary<JsonNode, SchemaNode?> _resolvedRefs = new(Resolution.ReferenceEqualityComparer.Instance);
    private readonly HashSet<SchemaDocument> _stubs = new();
    private readonly Dictionary<JsonNode, ExternalSchema> _externals = new(Resolution.ReferenceEqualityComparer.Instance);
    private readonly HashSet<JsonNode> _exported = new(Resolution.ReferenceEqualityComparer.Instance);
    private readonly Dictionary<(string Path, string Pointer), PlannedName> _linked = new();
    private EquatableArray<string> _planned = EquatableArray<string>.Empty;
    private SchemaRegistry _registry = null!;
    private ValidatorBuilder _validators = null!;

    private ModelBuilder(GeneratorOptions options)
    {
        _options = options;
        _typeNames.Add(options.ContextName);
        foreach (string r in ReservedTypeNames) _typeNames.Add(r);
    }

    /// <summary>The model of a whole set in one group (what <see cref="Linking.Linker"/> falls back to when groups clash).</summary>
    public static GenerationSpec Build(EquatableArray<SchemaFile> files, GeneratorOptions options, CancellationToken ct)
    {
        var whole = new ModelGroup(files, EquatableArray<PlannedName>.Empty, EquatableArray<ExternalSchema>.Empty, EquatableArray<ExportedSchema>.Empty);
        return ModelMerge.Finish(new[] { BuildGroup(whole, EquatableArray<string>.Empty, options, ct) }.ToEquatableArray(), options)!;
    }

    /// <summary>
    /// One group's types and validators (see <see cref="Linking.Linker"/>): its documents, with the
    /// schemas of other groups they refer to standing in by name. <paramref name="plannedNames"/>:
    /// every root and definition name of the set, which inline names avoid.
    /// </summary>
    public static GroupSpec BuildGroup(ModelGroup group, EquatableArray<string> plannedNames, GeneratorOptions options, CancellationToken ct)
    {
        var builder = new ModelBuilder(options);
        try
        {
            return builder.Run(group, plannedNames, ct);
        }
        catch (OperationCanceledException)
        {
            throw;
        }
        catch (Exception e)
        {
            // A bug of ours must never take the user's compiler down: report it and emit nothing.
            return new GroupSpec(EquatableArray<TypeSpec>.Empty, EquatableArray<ValidatorFileSpec>.Empty, new[] { InternalError(e, group.Files) }.ToEquatableArray());
        }
    }

    private static DiagnosticInfo InternalError(Exception e, EquatableArray<SchemaFile> files)
    {
        string path = files.Count > 0 ? files[0].Path : string.Empty;
        return new DiagnosticInfo(DiagnosticDescriptors.InternalError.Id, new[] { e.GetType().Name + ": " + e.Message }.ToEquatableArray(), path, 0, 0, 0, 0, 0, 0);
    }

    /// <summary>
    /// Where a schema's documentation is: the model reads canonical text without descriptions (so
    /// that editing one leaves it cached), and <see cref="DocIndex"/> fills the text in before
    /// emission. The generator's own meta-schemas are read whole, so theirs is taken here.
    /// </summary>
    private DocSpec Docs(SchemaDocument doc, JsonNode json)
    {
        if (MetaSchemaDocuments.IsMeta(doc.File)) return DocSpecs.From(json);
        if (!_pointers.TryGetValue(doc, out Dictionary<JsonNode, string>? pointers))
        {
            pointers = new Dictionary<JsonNode, string>(Resolution.ReferenceEqualityComparer.Instance);
            IndexPointers(doc.Root, string.Empty, pointers);
            _pointers[doc] = pointers;
        }
        return pointers.TryGetValue(json, out string? pointer) ? DocSpec.None with { At = new DocRef(doc.File.Path, pointer) } : DocSpec.None;
    }

    /// <summary>Every container's JSON Pointer in one document (asked for documentation only, so made on first use).</summary>
    private static void IndexPointers(JsonNode node, string pointer, Dictionary<JsonNode, string> pointers)
    {
        pointers[node] = pointer;
        if (node.Kind == JsonKind.Object)
        {
            foreach (JsonMember m in node.Members)
            {
                if (m.Value.Kind is JsonKind.Object or JsonKind.Array) IndexPointers(m.Value, pointer + "/" + JsonPointer.Escape(m.Name), pointers);
            }
        }
        else if (node.Kind == JsonKind.Array)
        {
            for (int i = 0; i < node.Items.Count; i++)
            {
                if (node.Items[i].Kind is JsonKind.Object or JsonKind.Array)
                    IndexPointers(node.Items[i], pointer + "/" + i.ToString(System.Globalization.CultureInfo.InvariantCulture), pointers);
            }
        }
    }

    private DocSpec Docs(SchemaNode node) => Docs(node.Document, node.Json);

    private GroupSpec Run(ModelGroup group, EquatableArray<string> plannedNames, CancellationToken ct)
    {
        List<SchemaDocument> docs = SchemaDocuments.Load(group.Files, _diagnostics);
        // Referenced 2020-12 meta-schemas come from the generator itself, after the user's files.
        foreach (SchemaDocument meta in SchemaDocuments.Load(MetaSchemaDocuments.NeededBy(docs), _diagnostics))
            docs.Add(new SchemaDocument(docs.Count, meta.File, meta.Lines, meta.Root, meta.BaseUri));
        List<(SchemaDocument Doc, ExternalSchema Schema)> stubs = ExternalStubs.Add(docs, group.Externals);
        foreach ((SchemaDocument stub, _) in stubs) _stubs.Add(stub);
        foreach (PlannedName p in group.Names) _linked[(p.Path, p.Pointer)] = p;
        _planned = plannedNames;
        ct.ThrowIfCancellationRequested();
        var nodes = new List<SchemaNode>();
        _registry = new SchemaRegistry(docs, _diagnostics, nodes);
        foreach ((SchemaDocument stub, ExternalSchema schema) in stubs)
        {
            if (ExternalStubs.Find(stub, schema.Pointer) is JsonNode node) _externals[node] = schema;
        }
        foreach (ExportedSchema e in group.Exports)
        {
            if (docs.FirstOrDefault(d => d.File.Path == e.Path) is SchemaDocument doc && ExternalStubs.Find(doc, e.Pointer) is JsonNode node) _exported.Add(node);
        }
        _validators = new ValidatorBuilder(_registry, _diagnostics, _options.FormatAssertion, nodes, n => _stubs.Contains(n.Document));

        // Names are planned in a fixed order (roots, then $defs, then inline schemas as they are met)
        // so that adding a property never renames a type declared elsewhere.
        docs.RemoveAll(_stubs.Contains);
        foreach (SchemaDocument doc in docs)
        {
            if (doc.OpenApi is null) _rootNames[doc] = PlanName(doc.Root, RootName(doc), doc, string.Empty);
        }
        foreach (SchemaDocument doc in docs)
        {
            if (doc.OpenApi is not null)
            {
                PlanOpenApiComponents(doc);
                continue;
            }
            foreach (string defs in new[] { "$defs", "definitions" })
            {
                if (doc.Root.Get(defs) is not { Kind: JsonKind.Object } map) continue;
                foreach (JsonMember m in map.Members)
                {
                    if (m.Value.Kind == JsonKind.Object && !_plannedNames.ContainsKey(m.Value))
                        PlanName(m.Value, OverrideName(m.Value) ?? Naming.ToPascalCase(m.Name, "Definition"), doc, "/" + defs + "/" + JsonPointer.Escape(m.Name));
                }
            }
        }

        PlanOpenApiInline(docs);

        foreach (SchemaDocument doc in docs)
        {
            ct.ThrowIfCancellationRequested();
            if (doc.OpenApi is not null)
            {
                MapOpenApi(doc);
                continue;
            }
            SchemaNode root = _registry.Find(doc.Root)!;
            TypeRef rootType = Map(root, _rootNames[doc], 0).Type;
            if (!_named.ContainsKey(doc.Root) || _named[doc.Root] != rootType)
            {
                // The root is not a record or enum of its own: it still gets a type, to validate with.
                AddType(new TypeSpec(TypeSpecKind.Schema, NamespaceOf(doc), _rootNames[doc], _options.Namespace, _options.ContextName, doc.DisplayId, string.Empty,
                    Docs(doc, doc.Root), EquatableArray<PropertySpec>.Empty, null, EquatableArray<EnumMemberSpec>.Empty, _validators.Ref(root))
                {
                    // Arrays of $refs, maps and primitives parse into the CLR type they map to.
                    ValueType = rootType,
                });
            }
            foreach (string defs in new[] { "$defs", "definitions" })
            {
                if (doc.Root.Get(defs) is not { Kind: JsonKind.Object } map) continue;
                foreach (JsonMember m in map.Members)
                {
                    if (_registry.Find(m.Value) is SchemaNode def && _plannedNames.TryGetValue(m.Value, out string? defName)) Map(def, defName, 0);
                }
            }
        }

        while (_deferred.Count > 0)
        {
            ct.ThrowIfCancellationRequested();
            (SchemaNode node, string name) = _deferred.Dequeue();
            if (!_named.ContainsKey(node.Json)) Map(node, name, 0);
        }

        (List<ValidatorBuilder.NodeDraft> drafts, bool dynamicScope) = _validators.Build();
        var canonical = new Canonicalizer(drafts, NamespaceOf, d => _rootNames[d], TypeNameOf,
            n => _externals.TryGetValue(n.Json, out ExternalSchema? e) ? e.Absolute : AbsoluteLocations.Of(_registry, n),
            n => _externals.TryGetValue(n.Json, out ExternalSchema? e) ? e.Name : _exported.Contains(n.Json) ? TypeNameOf(n) : null);
        var entries = new HashSet<int>();
        foreach (TypeSpec t in _types)
        {
            entries.Add(t.Validator.Index);
            foreach (UnionCaseSpec c in t.UnionCases) entries.Add(c.Validator.Index);
        }
        entries.Remove(-1);
        List<ValidatorFileSpec> validators = canonical.Run(entries, dynamicScope, d => _rootNames[d] + ".Schema");
        NodeRef Final(NodeRef r) => r.Kind == NodeRefKind.Node ? canonical.EntryRef(r.Index) : r;
        List<TypeSpec> types = _types
            .Select(t => ModelMerge.Presume(t.MapValidators(Final)))
            .OrderBy(t => t.Namespace, StringComparer.Ordinal).ThenBy(t => t.Name, StringComparer.Ordinal).ToList();
        return new GroupSpec(types.ToEquatableArray(), validators.ToEquatableArray(), _diagnostics.ToEquatableArray());
    }

    /// <summary>The generated type a schema node stands for (names its validator method), if any.</summary>
    private string? TypeNameOf(SchemaNode node)
    {
        if (node.Pointer.Length == 0) return _rootNames[node.Document];
        return _named.TryGetValue(node.Json, out TypeRef? t) && t.Kind is TypeRefKind.Record or TypeRefKind.Enum or TypeRefKind.Union ? t.Name : null;
    }

    private string NamespaceOf(SchemaDocument doc) => doc.File.Namespace is { Length: > 0 } ns ? ns : _options.Namespace;

    internal static string? OverrideName(JsonNode schema)
        => schema.GetString("x-csharp-name") is { Length: > 0 } n ? Naming.ToPascalCase(n, "Schema") : null;

    internal static string RootName(SchemaDocument doc)
    {
        if (OverrideName(doc.Root) is string over) return over;
        if (doc.File.RootTypeName is { Length: > 0 } fromFile) return Naming.ToPascalCase(fromFile, "Schema");
        if (doc.Root.GetString("title") is { Length: > 0 } title) return Naming.ToPascalCase(title, "Schema");
        if (doc.Root.GetString(doc.Draft.IdKeyword()) is { Length: > 0 } id)
        {
            string last = id.TrimEnd('/', '#');
            int slash = Math.Max(last.LastIndexOf('/'), last.LastIndexOf(':'));
            last = slash >= 0 ? last.Substring(slash + 1) : last;
            last = StripJsonSuffix(last);
            if (last.Length > 0) return Naming.ToPascalCase(last, "Schema");
        }
        return Naming.ToPascalCase(StripJsonSuffix(System.IO.Path.GetFileName(doc.File.Path)), "Schema");
    }

    private static string StripJsonSuffix(string name)
    {
        foreach (string suffix in new[] { ".schema.json", ".openapi.json", ".json", ".openapi.yaml", ".openapi.yml", ".yaml", ".yml" })
        {
            if (name.EndsWith(suffix, StringComparison.OrdinalIgnoreCase)) return name.Substring(0, name.Length - suffix.Length);
        }
        return name;
    }

    private string PlanName(JsonNode schema, string wanted, SchemaDocument doc, string pointer)
    {
        if (_plannedNames.TryGetValue(schema, out string? planned)) return planned;
        // A root or definition the link step named (in the set's naming order), else unique here.
        string name = _linked.TryGetValue((doc.File.Path, pointer), out PlannedName? linked) && linked.Wanted == wanted ? linked.Name : UniqueTypeName(wanted);
        if (name != wanted)
            _diagnostics.Add(doc.Lines.Diagnostic(DiagnosticDescriptors.TypeRenamed, schema.Start, schema.Start + 1, wanted, doc.DisplayId + "#" + pointer, name));
        _plannedNames[schema] = name;
        return name;
    }

    /// <summary>A name no type of this group has and no root or definition of the set was given (a sorted list, searched: copying it into every group would cost the square of the set).</summary>
    private string UniqueTypeName(string wanted)
    {
        string name = wanted;
        for (int i = 2; _typeNames.Contains(name) || IsPlanned(name); i++) name = wanted + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
        _typeNames.Add(name);
        return name;
    }

    private bool IsPlanned(string name)
    {
        int lo = 0, hi = _planned.Count - 1;
        while (lo <= hi)
        {
            int mid = lo + (hi - lo) / 2;
            int c = string.CompareOrdinal(_planned[mid], name);
            if (c == 0) return true;
            if (c < 0) lo = mid + 1;
            else hi = mid - 1;
        }
        return false;
    }

    private void AddType(TypeSpec spec) => _types.Add(spec);

    /// <summary>The C# type for a schema and whether null is a legal value of it.</summary>
    private (TypeRef Type, bool AllowsNull) Map(SchemaNode node, string nameHint, int depth)
    {
        JsonNode j = node.Json;
        if (j.Kind != JsonKind.Object) return (TypeRef.JsonElement, j.Kind == JsonKind.True);
        bool allowsNull = AllowsNull(j);
        if (_named.TryGetValue(j, out TypeRef? known)) return (known, allowsNull);

        if (j.Get("$ref") is { Kind: JsonKind.String } reference && IsPlainReference(node))
        {
            SchemaNode? target = depth < MaxRefChain ? ResolveCached(node, reference) : null;
            if (target is null)
            {
                if (depth >= MaxRefChain)
                    _diagnostics.Add(node.Document.Lines.Diagnostic(DiagnosticDescriptors.RefTooDeep, reference.Start, reference.End, reference.Text!, MaxRefChain.ToString(System.Globalization.CultureInfo.InvariantCulture)));
                return (TypeRef.JsonElement, true);
            }
            // A record of another group: known by its name (its group maps it).
            if (_externals.TryGetValue(target.Json, out ExternalSchema? external))
                return (TypeRef.Generated(TypeRefKind.Record, external.Namespace, external.Name), external.AllowsNull || allowsNull);
            string hint = _plannedNames.TryGetValue(target.Json, out string? planned) ? planned : nameHint;
            if (planned is not null && !_named.ContainsKey(target.Json) && target.Json.Get("$ref") is null
                && SchemaShape.Of(target, _registry).Kind == ShapeKind.Record)
            {
                // A record named in advance (a root or $defs entry) is referred to by its name and mapped
                // later from a worklist: 2,000 components referring to each other in a ring are not a
                // 2,000-deep recursion (nor a "chain too long", since the depth counts $ref hops).
                _deferred.Enqueue((target, planned));
                return (TypeRef.Generated(TypeRefKind.Record, NamespaceOf(target.Document), planned), AllowsNull(target.Json) || allowsNull);
            }
            (TypeRef t, bool n) = Map(target, hint, depth + 1);
            return (t, n || allowsNull);
        }

        SchemaShape shape = SchemaShape.Of(node, _registry);
        switch (shape.Kind)
        {
            case ShapeKind.Record:
                return (MapRecord(node, shape, nameHint, depth), allowsNull);
            case ShapeKind.StringEnum:
                return (MapEnum(node, shape, nameHint), allowsNull);
            case ShapeKind.Map:
            {
                TypeRef value = shape.ValueSchema is SchemaNode v ? MapValue(v, nameHint + "Value", depth) : TypeRef.JsonElement;
                return (TypeRef.DictionaryOf(value), allowsNull);
            }
            case ShapeKind.Array:
            {
                TypeRef item = shape.ValueSchema is SchemaNode v ? MapValue(v, nameHint + "Item", depth) : TypeRef.JsonElement;
                return (TypeRef.ListOf(item), allowsNull);
            }
            case ShapeKind.Primitive:
                return (FormatTyped(node, shape.Primitive!), allowsNull);
            case ShapeKind.Union:
                return MapUnion(node, shape, nameHint, depth, allowsNull);
            default:
                if (shape.AnyReason is string reason)
                    _diagnostics.Add(node.Document.Lines.Diagnostic(DiagnosticDescriptors.FallbackType, j.Start, j.Start + 1, node.Document.DisplayId + "#" + node.Pointer, reason));
                return (TypeRef.JsonElement, true);
        }
    }

    /// <summary>
    /// A string is a DateTimeOffset, DateOnly or Guid only where its format is asserted: where format
    /// is an annotation, "yesterday" is a valid date-time, and a typed member could not hold it.
    /// </summary>
    private TypeRef FormatTyped(SchemaNode node, TypeRef type)
        => (type == TypeRef.DateTimeOffset || type == TypeRef.DateOnly || type == TypeRef.Guid) && !_validators.AssertsFormat(node) ? TypeRef.String : type;

    /// <summary>Element types of lists and maps: a JSON null inside needs a nullable element.</summary>
    private TypeRef MapValue(SchemaNode node, string hint, int depth)
    {
        (TypeRef t, bool allowsNull) = Map(node, hint, depth + 1);
        // Lists of nullable value types would need Nullable<T> metadata; keep such values as JsonElement.
        return allowsNull && t.IsValueType && t != TypeRef.JsonElement ? TypeRef.JsonElement : t;
    }

    /// <summary>A reference resolved once: long chains are walked from every schema on them.</summary>
    private SchemaNode? ResolveCached(SchemaNode node, JsonNode reference)
    {
        if (!_resolvedRefs.TryGetValue(reference, out SchemaNode? target)) _resolvedRefs[reference] = target = _registry.Resolve(node, reference.Text!);
        return target;
    }

    internal static bool IsPlainReference(SchemaNode node)
    {
        if (node.Draft.RefOverridesSiblings()) return true;
        foreach (JsonMember m in node.Json.Members)
        {
            if (m.Name != "$ref" && !SchemaKeywords.Annotations.Contains(m.Name) && !m.Name.StartsWith("x-", StringComparison.Ordinal)) return false;
        }
        return true;
    }

    internal static bool AllowsNull(JsonNode j)
    {
        if (j.Get("nullable") is { Kind: JsonKind.True }) return true;
        JsonNode? type = j.Get("type");
        if (type is { Kind: JsonKind.String }) return type.Text == "null";
        if (type is { Kind: JsonKind.Array }) return type.Items.Any(t => t.Kind == JsonKind.String && t.Text == "null");
        if (j.Get("enum") is { Kind: JsonKind.Array } e) return e.Items.Any(v => v.Kind == JsonKind.Null);
        return false;
    }

    /// <summary>
    /// A property's <c>default</c> when it is a constant of the property's own type that its schema
    /// accepts (<see cref="Defaults.Fits"/>): an absent member then holds it, so it must never make a
    /// valid document's value invalid.
    /// </summary>
    private PropertyDefault? DefaultOf(SchemaNode property, TypeRef type)
    {
        JsonNode? value = property.Json.Get("default");
        SchemaNode? target = Deref(property, _registry);
        if (value is null && target is not null) value = target.Json.Get("default");
        if (value is null || !Defaults.Fits(value, property.Json) || target is not null && !Defaults.Fits(value, target.Json)) return null;
        var inv = System.Globalization.CultureInfo.InvariantCulture;
        var number = System.Globalization.NumberStyles.Float;
        switch (value.Kind)
        {
            case JsonKind.String when type == TypeRef.String:
                return new PropertyDefault(value.Text!, null);
            case JsonKind.String when type.Kind == TypeRefKind.Enum:
                TypeSpec? e = _types.FirstOrDefault(t => t.Kind == TypeSpecKind.Enum && t.Namespace == type.Namespace && t.Name == type.Name);
                EnumMemberSpec? member = e?.EnumMembers.FirstOrDefault(m => m.Value == value.Text);
                return member is null ? null : new PropertyDefault(value.Text!, member.Name);
            case JsonKind.True or JsonKind.False when type == TypeRef.Boolean:
                return new PropertyDefault(value.Kind == JsonKind.True ? "true" : "false", null);
            case JsonKind.Number when type == TypeRef.Int64 && long.TryParse(value.Text, System.Globalization.NumberStyles.Integer, inv, out long l):
                return new PropertyDefault(l.ToString(inv), null);
            case JsonKind.Number when type == TypeRef.Int32 && int.TryParse(value.Text, System.Globalization.NumberStyles.Integer, inv, out int i):
                return new PropertyDefault(i.ToString(inv), null);
            case JsonKind.Number when type == TypeRef.Double && double.TryParse(value.Text, number, inv, out double d) && !double.IsInfinity(d):
                return new PropertyDefault(d.ToString("R", inv), null);
            case JsonKind.Number when type == TypeRef.Single && float.TryParse(value.Text, number, inv, out float f) && !float.IsInfinity(f):
                return new PropertyDefault(f.ToString("R", inv), null);
            case JsonKind.Number when type == TypeRef.Decimal && decimal.TryParse(value.Text, number, inv, out decimal m):
                return new PropertyDefault(m.ToString(inv), null);
            default:
                return null;
        }
    }

    private TypeRef MapRecord(SchemaNode node, SchemaShape shape, string nameHint, int depth)
    {
        SchemaDocument doc = node.Document;
        string name = PlanName(node.Json, OverrideName(node.Json) ?? nameHint, doc, node.Pointer);
        string ns = NamespaceOf(doc);
        TypeRef self = TypeRef.Generated(TypeRefKind.Record, ns, name);
        _named[node.Json] = self;

        var memberNames = new HashSet<string>(StringComparer.Ordinal) { name };
        foreach (string r in ReservedRecordMembers) memberNames.Add(r);
        var properties = new List<PropertySpec>();
        bool defaultsAllowed = !Defaults.ObjectConstrains(node, _registry, MaxRefChain);
        foreach ((string jsonName, SchemaNode propNode) in shape.Properties)
        {
            string wanted = OverrideName(propNode.Json) ?? Naming.ToPascalCase(jsonName, "Property");
            string propName = Naming.Unique(ReservedRecordMembers.Contains(wanted) || wanted == name ? wanted + "Value" : wanted, memberNames);
            if (propName != wanted)
                _diagnostics.Add(doc.Lines.Diagnostic(DiagnosticDescriptors.MemberRenamed, propNode.Json.Start, propNode.Json.Start + 1, wanted, name, jsonName, propName));
            (TypeRef type, bool allowsNull) = Map(propNode, name + Naming.ToPascalCase(jsonName, "Property"), depth + 1);
            bool required = shape.Required.Contains(jsonName);
            // An optional member with a usable default is never absent: it holds the default instead of null.
            PropertyDefault? defaultValue = required || !defaultsAllowed ? null : DefaultOf(propNode, type);
            bool nullable = allowsNull || (!required && defaultValue is null);
            properties.Add(new PropertySpec(jsonName, propName, type, required, nullable, Docs(propNode)) { Default = defaultValue });
        }
        string? extension = shape.AllowsAdditional ? Naming.Unique("AdditionalProperties", memberNames) : null;
        AddType(new TypeSpec(TypeSpecKind.Record, ns, name, _options.Namespace, _options.ContextName, doc.DisplayId, node.Pointer, Docs(node),
            properties.ToEquatableArray(), extension, EquatableArray<EnumMemberSpec>.Empty, _validators.Ref(node)));
        return self;
    }

    private static bool IsNullOnly(JsonNode j)
        => j.Kind == JsonKind.Object && (j.GetString("type") == "null" || j.Get("const") is { Kind: JsonKind.Null }
            || j.Get("enum") is { Kind: JsonKind.Array } e && e.Items.Count > 0 && e.Items.All(v => v.Kind == JsonKind.Null));

    /// <summary>A branch's fixed string value(s), when it is a const/enum of strings: such unions become enums.</summary>
    private static List<string>? StringConstants(SchemaNode branch, SchemaRegistry registry)
    {
        SchemaNode? n = Deref(branch, registry);
        if (n is null || n.Json.Kind != JsonKind.Object) return null;
        if (n.Json.Get("const") is { Kind: JsonKind.String } c) return new List<string> { c.Text! };
        if (n.Json.Get("enum") is { Kind: JsonKind.Array } e && e.Items.Count > 0 && e.Items.All(v => v.Kind == JsonKind.String))
            return e.Items.Select(v => v.Text!).ToList();
        return null;
    }

    private static SchemaNode? Deref(SchemaNode node, SchemaRegistry registry) => registry.FollowRefs(node, MaxRefChain);

    /// <summary>
    /// oneOf/anyOf: one case per branch (none merged away), null-only branches making it nullable,
    /// a lone remaining branch standing for itself, and all-constant branches becoming an enum.
    /// </summary>
    private (TypeRef Type, bool AllowsNull) MapUnion(SchemaNode node, SchemaShape shape, string nameHint, int depth, bool allowsNull)
    {
        var branches = new List<SchemaNode>();
        foreach (SchemaNode b in shape.Branches)
        {
            if (IsNullOnly(b.Json)) allowsNull = true;
            else branches.Add(b);
        }
        if (branches.Count == 0) return (TypeRef.JsonElement, true);
        if (branches.Count == 1)
        {
            (TypeRef single, bool n) = Map(branches[0], nameHint, depth + 1);
            return (single, n || allowsNull);
        }
        var constants = branches.Select(b => StringConstants(b, _registry)).ToList();
        if (constants.All(c => c is not null))
        {
            var enumShape = SchemaShape.EnumOf(constants.SelectMany(c => c!).Distinct().ToList());
            return (MapEnum(node, enumShape, nameHint), allowsNull);
        }

        SchemaDocument doc = node.Document;
        string name = PlanName(node.Json, OverrideName(node.Json) ?? nameHint, doc, node.Pointer);
        string ns = NamespaceOf(doc);
        TypeRef self = TypeRef.Generated(TypeRefKind.Union, ns, name);
        _named[node.Json] = self;

        (string? discriminator, List<string?> values) = OpenApiDiscriminator(node, branches) ?? FindDiscriminator(branches);
        var caseNames = new HashSet<string>(ReservedUnionCases, StringComparer.Ordinal) { name };
        var cases = new List<UnionCaseSpec>();
        for (int i = 0; i < branches.Count; i++)
        {
            SchemaNode b = branches[i];
            string hint = CaseHint(b, i);
            (TypeRef t, _) = Map(b, name + hint, depth + 1);
            string caseName = Naming.Unique(hint, caseNames);
            cases.Add(new UnionCaseSpec(caseName, t, _validators.Ref(b), values[i], Docs(b)));
        }
        AddType(new TypeSpec(TypeSpecKind.Union, ns, name, _options.Namespace, _options.ContextName, doc.DisplayId, node.Pointer, Docs(node),
            EquatableArray<PropertySpec>.Empty, null, EquatableArray<EnumMemberSpec>.Empty, _validators.Ref(node))
        {
            UnionCases = cases.ToEquatableArray(),
            Discriminator = discriminator,
        });
        return (self, allowsNull);
    }

    /// <summary>What a case is called: its own name override or title, the type it refers to, else its JSON type.</summary>
    private string CaseHint(SchemaNode branch, int index)
    {
        if (OverrideName(branch.Json) is string over) return over;
        if (branch.Json.GetString("title") is { Length: > 0 } title) return Naming.ToPascalCase(title, "Option" + index);
        if (branch.Json.GetString("$ref") is string r && _registry.Resolve(branch, r) is SchemaNode target)
        {
            if (_plannedNames.TryGetValue(target.Json, out string? planned)) return planned;
            if (target.Json.GetString("title") is { Length: > 0 } targetTitle) return Naming.ToPascalCase(targetTitle, "Option" + index);
            string last = r.Substring(Math.Max(r.LastIndexOf('/'), r.LastIndexOf('#')) + 1);
            return Naming.ToPascalCase(last, "Option" + index.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
        return branch.Json.GetString("type") is string type ? Naming.ToPascalCase(type, "Option" + index) : "Option" + index.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>A member present in every branch with a different constant string in each (a tag), if any.</summary>
    private (string? Name, List<string?> Values) FindDiscriminator(List<SchemaNode> branches)
    {
        var none = branches.Select(_ => (string?)null).ToList();
        var perBranch = new List<Dictionary<string, string>>();
        foreach (SchemaNode b in branches)
        {
            SchemaNode? target = Deref(b, _registry);
            if (target is null || target.Json.Kind != JsonKind.Object) return (null, none);
            SchemaShape objectShape = SchemaShape.Of(target, _registry);
            var constants = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach ((string propName, SchemaNode prop) in objectShape.Properties)
            {
                if (StringConstants(prop, _registry) is { Count: 1 } value) constants[propName] = value[0];
            }
            perBranch.Add(constants);
        }
        foreach (string candidate in perBranch[0].Keys)
        {
            if (!perBranch.All(p => p.ContainsKey(candidate))) continue;
            var values = perBranch.Select(p => p[candidate]).ToList();
            if (values.Distinct(StringComparer.Ordinal).Count() == values.Count) return (candidate, values.Cast<string?>().ToList());
        }
        return (null, none);
    }

    /// <summary>
    /// A string enum. An inline enum (no $defs entry, title or x-csharp-name of its own) with exactly
    /// the values of an enum met earlier in the same document is that type: one type, named after
    /// the first one in naming order (roots, then $defs, then properties in document order).
    /// </summary>
    private TypeRef MapEnum(SchemaNode node, SchemaShape shape, string nameHint)
    {
        SchemaDocument doc = node.Document;
        string key = doc.Index.ToString(System.Globalization.CultureInfo.InvariantCulture) + "\u0000" + string.Join("\u0000", shape.EnumValues);
        bool inline = !_plannedNames.ContainsKey(node.Json) && OverrideName(node.Json) is null && node.Json.GetString("title") is null;
        if (inline && _enumsByValues.TryGetValue(key, out TypeRef? same))
        {
            _named[node.Json] = same;
            return same;
        }
        string name = PlanName(node.Json, OverrideName(node.Json) ?? nameHint, doc, node.Pointer);
        string ns = NamespaceOf(doc);
        TypeRef self = TypeRef.Generated(TypeRefKind.Enum, ns, name);
        _named[node.Json] = self;
        var memberNames = new HashSet<string>(StringComparer.Ordinal) { name };
        foreach (string r in ReservedEnumMembers) memberNames.Add(r);
        var members = new List<EnumMemberSpec>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (string value in shape.EnumValues)
        {
            if (!seen.Add(value)) continue;
            string wanted = Naming.ToPascalCase(value, "Empty");
            if (ReservedEnumMembers.Contains(wanted) || wanted == name) wanted += "Value";
            members.Add(new EnumMemberSpec(Naming.Unique(wanted, memberNames), value));
        }
        if (!_enumsByValues.ContainsKey(key)) _enumsByValues[key] = self;
        AddType(new TypeSpec(TypeSpecKind.Enum, ns, name, _options.Namespace, _options.ContextName, doc.DisplayId, node.Pointer, Docs(node),
            EquatableArray<PropertySpec>.Empty, null, members.ToEquatableArray(), _validators.Ref(node)));
        return self;
    }
}
