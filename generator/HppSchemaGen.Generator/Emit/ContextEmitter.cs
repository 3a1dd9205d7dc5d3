using System;
using System.Collections.Generic;
using HppSchemaGen.Generator.Helpers;
using HppSchemaGen.Generator.Model;

namespace HppSchemaGen.Generator.Emit;

/// <summary>
/// Emits the JsonSerializerContext (System.Text.Json's own generator never sees our types):
/// <c>JsonMetadataServices</c> object metadata with <c>[UnsafeAccessor]</c> for the constructor and
/// init setters, which is reflection-free, trim/AOT-clean and honours required members.
/// See docs/design/serializer-context.md for the measured alternatives. It is split for the
/// incremental pipeline: a root file (<see cref="EmitRoot"/>: options, one property per type, the
/// resolver) from <see cref="ContextSpec"/>, and each record's metadata class in the record's own
/// file (<see cref="EmitRecord"/>), so editing one schema re-emits only what it changed.
/// </summary>
internal sealed class ContextEmitter
{
    private const string Json = "__J";
    private const string Meta = "__M";
    private const string Helpers = "__S.ContextMetadata";

    private const int PropertiesPerMethod = 32;

    private readonly GeneratorOptions _options;
    private readonly HashSet<(string, string)> _fastPath = new();
    private readonly EquatableArray<ContextTypeSpec> _types;
    private readonly EquatableArray<ContextMemberSpec> _memberTypes;
    private readonly SourceWriter _w = new();
    private readonly List<Entry> _entries = new();
    private readonly HashSet<string> _seen = new(System.StringComparer.Ordinal);
    private readonly HashSet<string> _members = new(System.StringComparer.Ordinal)
    {
        "Default", "Options", "GeneratedSerializerOptions", "GetTypeInfo",
    };

    private sealed class Entry
    {
        public Entry(string typeName, string factory, string? property) { TypeName = typeName; Factory = factory; Property = property; }
        public string TypeName { get; }
        public string Factory { get; }
        public string? Property { get; }

        /// <summary>A second public name for a type already registered: no resolver entry of its own.</summary>
        public bool Alias { get; init; }
    }

    /// <summary>The context's fixed members; {Context} is its name.</summary>
    private const string HeaderTemplate = """
        private static readonly __J.JsonSerializerOptions s_defaultOptions = new __J.JsonSerializerOptions
        {
            DefaultIgnoreCondition = __J.Serialization.JsonIgnoreCondition.WhenWritingNull,
        };

        /// <summary>The shared instance (absent optional members are not written).</summary>
        public static {Context} Default { get; } = new {Context}(new __J.JsonSerializerOptions(s_defaultOptions));

        /// <inheritdoc/>
        protected override __J.JsonSerializerOptions? GeneratedSerializerOptions { get; } = s_defaultOptions;

        /// <summary>Creates a context with default options.</summary>
        public {Context}() : base(null) { }

        /// <summary>Creates a context bound to <paramref name="options"/>.</summary>
        public {Context}(__J.JsonSerializerOptions options) : base(options) { }

        """;

    private ContextEmitter(ContextSpec spec)
    {
        _options = spec.Options;
        _types = spec.Types;
        _memberTypes = spec.MemberTypes;
        foreach (ContextTypeSpec t in _types)
        {
            if (t.HasSerializeHandler) _fastPath.Add((t.Type.Namespace, t.Type.Name));
        }
    }

    /// <summary>The context's root file.</summary>
    public static string EmitRoot(ContextSpec spec) => new ContextEmitter(spec).Run();

    private string Run()
    {
        string ctx = _options.ContextName;
        // Generated types first, so each gets its public property even when another type's member uses it earlier.
        foreach (ContextTypeSpec t in _types)
        {
            if (t.Kind != TypeSpecKind.Schema) Collect(t.Type, t.Type.Name);
        }
        // Schema classes (array, map and primitive roots) name the metadata of the type they parse into.
        foreach (ContextTypeSpec t in _types)
        {
            if (t.ValueType is TypeRef value) CollectAs(value, t.Type.Name);
        }
        foreach (ContextMemberSpec m in _memberTypes)
        {
            Collect(m.Type, null);
            if (m.NullableValue) CollectNullable(m.Type);
        }

        _w.Header();
        _w.Open("namespace " + _options.Namespace);
        _w.Line("using __J = global::System.Text.Json;");
        _w.Line("using __M = global::System.Text.Json.Serialization.Metadata;");
        _w.Line("using __U = global::System.Runtime.CompilerServices;");
        _w.Line("using __S = global::HppSchemaGen.Serialization;");
        _w.Line();
        _w.Line("/// <summary>Reflection-free System.Text.Json metadata for every type generated from the schemas. Deserializing through it does not validate; use the types' <c>Parse</c>/<c>TryParse</c> for that.</summary>");
        _w.Line("[global::System.CodeDom.Compiler.GeneratedCode(\"HppSchemaGen\", \"" + ThisAssembly.Version + "\")]");
        _w.Open("public partial class " + ctx + " : " + Json + ".Serialization.JsonSerializerContext, " + Meta + ".IJsonTypeInfoResolver");
        _w.Template(HeaderTemplate.Replace("{Context}", ctx));
        foreach (Entry e in _entries)
        {
            // Only generated types get a public property; leaves (string, List<T> ...) are reached through Options.
            if (e.Property is null) continue;
            // The backing field is named after the property (never numbered), so adding a type adds lines and changes none.
            string field = "__info_" + e.Property;
            _w.Line("private " + Meta + ".JsonTypeInfo<" + e.TypeName + ">? " + field + ";");
            _w.Line();
            _w.Line("/// <summary>Metadata for <see cref=\"" + e.TypeName + "\"/>.</summary>");
            _w.Line("public " + Meta + ".JsonTypeInfo<" + e.TypeName + "> " + e.Property + " => " + field + " ??= (" + Meta + ".JsonTypeInfo<" + e.TypeName + ">)Options.GetTypeInfo(typeof(" + e.TypeName + "));");
            _w.Line();
        }
        _w.Line("/// <inheritdoc/>");
        _w.Open("public override " + Meta + ".JsonTypeInfo? GetTypeInfo(global::System.Type type)");
        _w.Line("Options.TryGetTypeInfo(type, out " + Meta + ".JsonTypeInfo? typeInfo);");
        _w.Line("return typeInfo;");
        _w.Close();
        _w.Line();
        _w.Open(Meta + ".JsonTypeInfo? " + Meta + ".IJsonTypeInfoResolver.GetTypeInfo(global::System.Type type, " + Json + ".JsonSerializerOptions options)");
        foreach (Entry e in _entries)
        {
            if (!e.Alias) _w.Line("if (type == typeof(" + e.TypeName + ")) return " + e.Factory + ";");
        }
        _w.Line("return null;");
        _w.Close();
        _w.Close();
        _w.Close();
        return _w.ToString();
    }

    private string PropertyName(string wanted) => Naming.Unique(wanted, _members);

    private void Collect(TypeRef type, string? publicName)
    {
        string name = CSharp.TypeName(type);
        if (!_seen.Add(name)) return;
        string members = MembersOf(type.MetadataName);
        string factory = type.Kind switch
        {
            TypeRefKind.Record => Helpers + ".Object<" + name + ">(options, this, " + members + ".New, " + members + ".Properties, " + (_fastPath.Contains((type.Namespace, type.Name)) ? members + ".Serialize" : "null") + ")",
            TypeRefKind.Enum or TypeRefKind.Union => Helpers + ".Value(options, new " + name + ".Converter())",
            TypeRefKind.List => Helpers + ".List<" + CSharp.TypeName(type.Arguments[0]) + ">(options)",
            TypeRefKind.Dictionary => Helpers + ".Dictionary<" + CSharp.TypeName(type.Arguments[0]) + ">(options)",
            _ => Helpers + ".Value(options, " + PrimitiveConverter(type) + ")",
        };
        _entries.Add(new Entry(name, factory, publicName is null ? null : PropertyName(publicName)));
        foreach (TypeRef arg in type.Arguments) Collect(arg, null);
        // A dictionary's metadata needs its key type's.
        if (type.Kind == TypeRefKind.Dictionary) Collect(TypeRef.String, null);
    }

    /// <summary>Registers <paramref name="type"/> (if new) and exposes it under <paramref name="publicName"/>.</summary>
    private void CollectAs(TypeRef type, string publicName)
    {
        Collect(type, null);
        _entries.Add(new Entry(CSharp.TypeName(type), string.Empty, PropertyName(publicName)) { Alias = true });
    }

    /// <summary>System.Text.Json's converter, except for integers (JSON Schema counts 2.0 as an integer) and floating point (1e400 is refused, not infinity).</summary>
    private static string PrimitiveConverter(TypeRef type) => type.MetadataName switch
    {
        "Int64" => "new __S.JsonInt64Converter()",
        "Int32" => "new __S.JsonInt32Converter()",
        "Double" => "new __S.JsonDoubleConverter()",
        "Single" => "new __S.JsonSingleConverter()",
        _ => Meta + ".JsonMetadataServices." + type.MetadataName + "Converter",
    };

    private void CollectNullable(TypeRef type)
    {
        string name = CSharp.TypeName(type);
        if (!_seen.Add(name + "?")) return;
        _entries.Add(new Entry(name + "?", Helpers + ".Nullable<" + name + ">(options)", null));
    }

    /// <summary>
    /// The class holding one record's metadata members (<c>__T_</c> and the record's name; the
    /// context's own members are <c>__info_</c> fields and public properties, so the two never meet).
    /// </summary>
    internal static string MembersOf(string record) => "__T_" + record;

    /// <summary>
    /// A record's metadata in a nested class of its own: property metadata (one helper call per
    /// member, in declaration order), the <c>[UnsafeAccessor]</c> constructor and init setters, and
    /// the fast-path writer. One class per record, not thousands of private methods in the context:
    /// when the compiler writes the reference assembly (<c>/refout</c>, on by default) it checks each
    /// private method of a class against the class's other methods, which is quadratic in their
    /// number (at 1,000 schemas it doubled the build). Members are filled in chunks beyond
    /// <see cref="PropertiesPerMethod"/>: flow analysis grows faster than linearly with a method's size.
    /// </summary>
    public static void EmitRecord(SourceWriter w, TypeSpec t)
    {
        w.Line();
        w.Open("namespace " + t.ContextNamespace);
        w.Line("using " + Json + " = global::System.Text.Json;");
        w.Line("using " + Meta + " = global::System.Text.Json.Serialization.Metadata;");
        w.Line("using __U = global::System.Runtime.CompilerServices;");
        w.Line("using __S = global::HppSchemaGen.Serialization;");
        if (t.HasReader) w.Line("using " + ReaderEmitter.R + " = global::HppSchemaGen.Serialization.JsonReading;");
        w.Line();
        w.Open("partial class " + t.ContextName);
        string type = CSharp.TypeName(t);
        var lines = new List<string>();
        foreach (PropertySpec p in t.Properties)
            lines.Add(Property(t, CSharp.Declared(p.Type, p.Type.IsValueType && p.IsNullable), p.Name, p.JsonName, (p.IsRequired ? "Required" : null), p.IsNullable));
        if (t.ExtensionDataName is string ext)
            lines.Add(Property(t, CSharp.TypeName(TypeRef.DictionaryOf(TypeRef.JsonElement)), ext, string.Empty, "ExtensionData", nullable: true));
        // Internal: Parse's one-pass reader (Read, here too) builds records through its constructor and setters.
        w.Open("internal static class " + MembersOf(t.Name));
        if (lines.Count <= PropertiesPerMethod)
        {
            w.Line("internal static " + Meta + ".JsonPropertyInfo[] Properties(__J.JsonSerializerOptions options) => new " + Meta + ".JsonPropertyInfo[]");
            w.Line("{");
            w.Indent();
            foreach (string line in lines) w.Line(line + ",");
            w.Outdent();
            w.Line("};");
        }
        else
        {
            int chunks = (lines.Count + PropertiesPerMethod - 1) / PropertiesPerMethod;
            w.Open("internal static " + Meta + ".JsonPropertyInfo[] Properties(__J.JsonSerializerOptions options)");
            w.Line("var properties = new " + Meta + ".JsonPropertyInfo[" + lines.Count.ToString(System.Globalization.CultureInfo.InvariantCulture) + "];");
            for (int c = 0; c < chunks; c++) w.Line("Properties_" + c.ToString(System.Globalization.CultureInfo.InvariantCulture) + "(options, properties);");
            w.Line("return properties;");
            w.Close();
            for (int c = 0; c < chunks; c++)
            {
                w.Open("private static void Properties_" + c.ToString(System.Globalization.CultureInfo.InvariantCulture) + "(__J.JsonSerializerOptions options, " + Meta + ".JsonPropertyInfo[] properties)");
                for (int i = c * PropertiesPerMethod; i < Math.Min(lines.Count, (c + 1) * PropertiesPerMethod); i++)
                    w.Line("properties[" + i.ToString(System.Globalization.CultureInfo.InvariantCulture) + "] = " + lines[i] + ";");
                w.Close();
            }
        }
        w.Line();
        w.Line("[__U.UnsafeAccessor(__U.UnsafeAccessorKind.Constructor)]");
        w.Line("internal static extern " + type + " New();");
        foreach (PropertySpec p in t.Properties)
        {
            string declared = CSharp.Declared(p.Type, p.Type.IsValueType && p.IsNullable);
            EmitSetter(w, t, p.Type.IsValueType ? declared : declared + "?", p.Name);
        }
        if (t.ExtensionDataName is string ext2) EmitSetter(w, t, CSharp.TypeName(TypeRef.DictionaryOf(TypeRef.JsonElement)) + "?", ext2);
        if (t.HasSerializeHandler) new SerializeHandlerEmitter(w).Emit(t);
        if (t.HasReader) ReaderEmitter.EmitRecord(w, t);
        w.Close();
        w.Close();
        w.Close();
    }

    /// <summary>init setters are reached through [UnsafeAccessor]: reflection-free and trim-safe. Named <c>set_</c> and the property, as the accessor is.</summary>
    private static void EmitSetter(SourceWriter w, TypeSpec t, string declared, string name)
        => w.Line("[__U.UnsafeAccessor(__U.UnsafeAccessorKind.Method, Name = \"set_" + name + "\")] internal static extern void set_" + name + "(" + CSharp.TypeName(t) + " obj, " + declared + " value);");

    private static string Property(TypeSpec t, string declared, string name, string jsonName, string? flag, bool nullable)
    {
        var flags = new List<string>();
        if (flag is not null) flags.Add("__S.PropertyFlags." + flag);
        if (nullable) flags.Add("__S.PropertyFlags.Nullable");
        if (flags.Count == 0) flags.Add("__S.PropertyFlags.None");
        return Helpers + ".Property<" + CSharp.TypeName(t) + ", " + declared + ">(options, " + CSharp.Literal(name) + ", " + CSharp.Literal(jsonName)
            + ", static o => o." + name + ", set_" + name + ", " + string.Join(" | ", flags) + ")";
    }
}
