using System;
using System.Collections.Generic;
using HppSchemaGen.Generator.Helpers;
using HppSchemaGen.Generator.Model;

namespace HppSchemaGen.Generator.Emit;

/// <summary>
/// Emits the whole JsonSerializerContext (System.Text.Json's own generator never sees our types):
/// <c>JsonMetadataServices</c> object metadata with <c>[UnsafeAccessor]</c> for the constructor and
/// init setters, which is reflection-free, trim/AOT-clean and honours required members.
/// See docs/design/serializer-context.md for the measured alternatives.
/// </summary>
internal sealed class ContextEmitter
{
    private const string Json = "global::System.Text.Json";
    private const string Meta = "global::System.Text.Json.Serialization.Metadata";

    private const int PropertiesPerMethod = 32;

    private readonly GeneratorOptions _options;
    private SerializeHandlerEmitter _fastPath = null!;
    private readonly EquatableArray<TypeSpec> _types;
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

    private ContextEmitter(GeneratorOptions options, EquatableArray<TypeSpec> types)
    {
        _options = options;
        _types = types;
    }

    public static string Emit(GeneratorOptions options, EquatableArray<TypeSpec> types) => new ContextEmitter(options, types).Run();

    private string Run()
    {
        string ctx = _options.ContextName;
        // Generated types first, so each gets its public property even when another type's member uses it earlier.
        foreach (TypeSpec t in _types)
        {
            TypeRefKind kind = t.Kind switch { TypeSpecKind.Record => TypeRefKind.Record, TypeSpecKind.Enum => TypeRefKind.Enum, _ => TypeRefKind.Union };
            if (t.Kind != TypeSpecKind.Schema) Collect(TypeRef.Generated(kind, t.Namespace, t.Name), t.Name);
        }
        // Schema classes (array, map and primitive roots) name the metadata of the type they parse into.
        foreach (TypeSpec t in _types)
        {
            if (t.ValueType is TypeRef value) CollectAs(value, t.Name);
        }
        foreach (TypeSpec t in _types)
        {
            foreach (PropertySpec p in t.Properties)
            {
                Collect(p.Type, null);
                if (p.Type.IsValueType && p.IsNullable) CollectNullable(p.Type);
            }
            if (t.ExtensionDataName is not null) Collect(TypeRef.DictionaryOf(TypeRef.JsonElement), null);
            foreach (UnionCaseSpec c in t.UnionCases) Collect(c.Type, null);
        }

        _w.Header();
        _w.Open("namespace " + _options.Namespace);
        _w.Line("/// <summary>Reflection-free System.Text.Json metadata for every type generated from the schemas. Deserializing through it does not validate; use the types' <c>Parse</c>/<c>TryParse</c> for that.</summary>");
        _w.Line("[global::System.CodeDom.Compiler.GeneratedCode(\"HppSchemaGen\", \"" + ThisAssembly.Version + "\")]");
        _w.Open("public partial class " + ctx + " : " + Json + ".Serialization.JsonSerializerContext, " + Meta + ".IJsonTypeInfoResolver");
        _w.Line("private static readonly " + Json + ".JsonSerializerOptions s_defaultOptions = new " + Json + ".JsonSerializerOptions");
        _w.Line("{");
        _w.Line("    DefaultIgnoreCondition = " + Json + ".Serialization.JsonIgnoreCondition.WhenWritingNull,");
        _w.Line("};");
        _w.Line();
        _w.Line("/// <summary>The shared instance (absent optional members are not written).</summary>");
        _w.Line("public static " + ctx + " Default { get; } = new " + ctx + "(new " + Json + ".JsonSerializerOptions(s_defaultOptions));");
        _w.Line();
        _w.Line("/// <inheritdoc/>");
        _w.Line("protected override " + Json + ".JsonSerializerOptions? GeneratedSerializerOptions { get; } = s_defaultOptions;");
        _w.Line();
        _w.Line("/// <summary>Creates a context with default options.</summary>");
        _w.Line("public " + ctx + "() : base(null) { }");
        _w.Line();
        _w.Line("/// <summary>Creates a context bound to <paramref name=\"options\"/>.</summary>");
        _w.Line("public " + ctx + "(" + Json + ".JsonSerializerOptions options) : base(options) { }");
        _w.Line();
        int index = 0;
        foreach (Entry e in _entries)
        {
            // Only generated types get a public property; leaves (string, List<T> ...) are reached through Options.
            if (e.Property is null) continue;
            string field = "_t" + index++;
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
        _fastPath = new SerializeHandlerEmitter(_w, _types);
        foreach (TypeSpec t in _types)
        {
            if (t.Kind != TypeSpecKind.Record) continue;
            EmitRecord(t);
            if (_fastPath.Has(t)) _fastPath.Emit(t);
        }
        _fastPath.EmitFields();
        _w.Close();
        _w.Close();
        return _w.ToString();
    }

    private string PropertyName(string wanted) => Naming.Unique(wanted, _members);

    private void Collect(TypeRef type, string? publicName)
    {
        if (!_seen.Add(type.FullName)) return;
        string factory = type.Kind switch
        {
            TypeRefKind.Record => "Create_" + type.MetadataName + "(options)",
            TypeRefKind.Enum or TypeRefKind.Union => Meta + ".JsonMetadataServices.CreateValueInfo<" + type.FullName + ">(options, new " + type.FullName + ".Converter())",
            TypeRefKind.List => Meta + ".JsonMetadataServices.CreateListInfo<" + type.FullName + ", " + type.Arguments[0].FullName + ">(options, new " + Meta + ".JsonCollectionInfoValues<" + type.FullName + "> { ObjectCreator = static () => new " + type.FullName + "() })",
            TypeRefKind.Dictionary => Meta + ".JsonMetadataServices.CreateDictionaryInfo<" + type.FullName + ", string, " + type.Arguments[0].FullName + ">(options, new " + Meta + ".JsonCollectionInfoValues<" + type.FullName + "> { ObjectCreator = static () => new " + type.FullName + "() })",
            _ => Meta + ".JsonMetadataServices.CreateValueInfo<" + type.FullName + ">(options, " + PrimitiveConverter(type) + ")",
        };
        _entries.Add(new Entry(type.FullName, factory, publicName is null ? null : PropertyName(publicName)));
        foreach (TypeRef arg in type.Arguments) Collect(arg, null);
    }

    /// <summary>Registers <paramref name="type"/> (if new) and exposes it under <paramref name="publicName"/>.</summary>
    private void CollectAs(TypeRef type, string publicName)
    {
        Collect(type, null);
        _entries.Add(new Entry(type.FullName, string.Empty, PropertyName(publicName)) { Alias = true });
    }

    /// <summary>System.Text.Json's converter, except for integers: JSON Schema counts 2.0 as an integer.</summary>
    private static string PrimitiveConverter(TypeRef type) => type.MetadataName switch
    {
        "Int64" => "new global::HppSchemaGen.Serialization.JsonInt64Converter()",
        "Int32" => "new global::HppSchemaGen.Serialization.JsonInt32Converter()",
        _ => Meta + ".JsonMetadataServices." + type.MetadataName + "Converter",
    };

    private void CollectNullable(TypeRef type)
    {
        string name = "global::System.Nullable<" + type.FullName + ">";
        if (!_seen.Add(name)) return;
        _entries.Add(new Entry(type.FullName + "?", Meta + ".JsonMetadataServices.CreateValueInfo<" + type.FullName + "?>(options, " + Meta + ".JsonMetadataServices.GetNullableConverter<" + type.FullName + ">(options))", null));
    }

    private void EmitRecord(TypeSpec t)
    {
        string type = t.FullName;
        string id = t.Name;
        _w.Line();
        _w.Open("private " + Meta + ".JsonTypeInfo<" + type + "> Create_" + id + "(" + Json + ".JsonSerializerOptions options)");
        _w.Line("var values = new " + Meta + ".JsonObjectInfoValues<" + type + ">");
        _w.Line("{");
        _w.Line("    ObjectCreator = static () => __Ctor_" + id + "(),");
        _w.Line("    PropertyMetadataInitializer = _ => Properties_" + id + "(options),");
        if (_fastPath.Has(t)) _w.Line("    SerializeHandler = static (writer, value) => Serialize_" + id + "(writer, value),");
        _w.Line("};");
        _w.Line("var typeInfo = " + Meta + ".JsonMetadataServices.CreateObjectInfo<" + type + ">(options, values);");
        _w.Line("typeInfo.OriginatingResolver = this;");
        _w.Line("return typeInfo;");
        _w.Close();
        _w.Line();
        _w.Open("private static " + Meta + ".JsonPropertyInfo[] Properties_" + id + "(" + Json + ".JsonSerializerOptions options)");
        int count = t.Properties.Count + (t.ExtensionDataName is null ? 0 : 1);
        _w.Line("var properties = new " + Meta + ".JsonPropertyInfo[" + count + "];");
        // Members are filled in chunks: the compiler's flow analysis grows faster than linearly with a
        // method's size, and a schema can have thousands of properties.
        int chunks = (count + PropertiesPerMethod - 1) / PropertiesPerMethod;
        for (int c = 0; c < chunks; c++) _w.Line("Properties_" + id + "_" + c + "(options, properties);");
        _w.Line("return properties;");
        _w.Close();
        for (int c = 0; c < chunks; c++)
        {
            _w.Line();
            _w.Open("private static void Properties_" + id + "_" + c + "(" + Json + ".JsonSerializerOptions options, " + Meta + ".JsonPropertyInfo[] properties)");
            for (int i = c * PropertiesPerMethod; i < Math.Min(count, (c + 1) * PropertiesPerMethod); i++)
            {
                if (i < t.Properties.Count)
                {
                    PropertySpec p = t.Properties[i];
                    string declared = p.Type.IsValueType && p.IsNullable ? p.Type.FullName + "?" : p.Type.FullName;
                    EmitProperty(t, i, declared, p.Name, CSharp.Literal(p.JsonName), p.IsRequired, p.IsNullable, extension: false);
                }
                else EmitProperty(t, i, TypeRef.DictionaryOf(TypeRef.JsonElement).FullName, t.ExtensionDataName!, "null", required: false, nullable: true, extension: true);
            }
            _w.Close();
        }
        _w.Line();
        _w.Line("[global::System.Runtime.CompilerServices.UnsafeAccessor(global::System.Runtime.CompilerServices.UnsafeAccessorKind.Constructor)]");
        _w.Line("private static extern " + type + " __Ctor_" + id + "();");
        foreach (PropertySpec p in t.Properties)
        {
            string declared = p.Type.IsValueType && p.IsNullable ? p.Type.FullName + "?" : p.Type.FullName;
            EmitSetter(t, p.Type.IsValueType ? declared : declared + "?", p.Name);
        }
        if (t.ExtensionDataName is string ext2) EmitSetter(t, TypeRef.DictionaryOf(TypeRef.JsonElement).FullName + "?", ext2);
    }

    private void EmitSetter(TypeSpec t, string declared, string name)
    {
        _w.Line();
        _w.Line("[global::System.Runtime.CompilerServices.UnsafeAccessor(global::System.Runtime.CompilerServices.UnsafeAccessorKind.Method, Name = \"set_" + name + "\")]");
        _w.Line("private static extern void __Set_" + t.Name + "_" + name + "(" + t.FullName + " obj, " + declared + " value);");
    }

    private void EmitProperty(TypeSpec t, int i, string declared, string name, string jsonName, bool required, bool nullable, bool extension)
    {
        // No locals: a record with thousands of members must not make one method with thousands of variables.
        _w.Line("properties[" + i + "] = " + Meta + ".JsonMetadataServices.CreatePropertyInfo<" + declared + ">(options, new " + Meta + ".JsonPropertyInfoValues<" + declared + ">");
        _w.Line("{");
        _w.Line("    IsProperty = true,");
        _w.Line("    IsPublic = true,");
        _w.Line("    IsVirtual = false,");
        _w.Line("    DeclaringType = typeof(" + t.FullName + "),");
        _w.Line("    Getter = static obj => ((" + t.FullName + ")obj)." + name + ",");
        _w.Line("    Setter = static (obj, value) => __Set_" + t.Name + "_" + name + "((" + t.FullName + ")obj, value),");
        _w.Line("    IgnoreCondition = " + (required ? Json + ".Serialization.JsonIgnoreCondition.Never" : "null") + ",");
        _w.Line("    HasJsonInclude = false,");
        _w.Line("    IsExtensionData = " + (extension ? "true" : "false") + ",");
        _w.Line("    NumberHandling = null,");
        _w.Line("    PropertyName = " + CSharp.Literal(name) + ",");
        _w.Line("    JsonPropertyName = " + jsonName + ",");
        _w.Line("});");
        if (required) _w.Line("properties[" + i + "].IsRequired = true;");
        _w.Line("#if NET9_0_OR_GREATER");
        _w.Line("properties[" + i + "].IsGetNullable = " + (nullable ? "true" : "false") + ";");
        _w.Line("properties[" + i + "].IsSetNullable = " + (nullable ? "true" : "false") + ";");
        _w.Line("#endif");
    }
}
