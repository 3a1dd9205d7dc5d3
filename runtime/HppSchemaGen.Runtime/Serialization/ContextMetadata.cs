using System;
using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace HppSchemaGen.Serialization;

/// <summary>What a generated property's metadata says beyond its name and accessors.</summary>
[Flags]
[EditorBrowsable(EditorBrowsableState.Never)]
public enum PropertyFlags
{
    /// <summary>An optional member that may not be null.</summary>
    None = 0,
    /// <summary>The schema requires the member: deserialization fails without it, and it is always written.</summary>
    Required = 1,
    /// <summary>The property may hold null.</summary>
    Nullable = 2,
    /// <summary>The <c>[JsonExtensionData]</c> dictionary of unknown members.</summary>
    ExtensionData = 4,
}

/// <summary>
/// The bodies behind the generated <c>JsonSerializerContext</c>'s metadata: one call per type and
/// per property instead of an initializer block each, with what System.Text.Json's own generator
/// would set. Reflection-free, so trimming and Native AOT stay clean.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class ContextMetadata
{
    /// <summary>Object metadata for a generated record.</summary>
    public static JsonTypeInfo<T> Object<T>(JsonSerializerOptions options, IJsonTypeInfoResolver resolver, Func<T> create, Func<JsonSerializerOptions, JsonPropertyInfo[]> properties, Action<Utf8JsonWriter, T>? serialize)
        where T : notnull
    {
        var values = new JsonObjectInfoValues<T>
        {
            ObjectCreator = create,
            PropertyMetadataInitializer = _ => properties(options),
            SerializeHandler = serialize,
        };
        JsonTypeInfo<T> info = JsonMetadataServices.CreateObjectInfo(options, values);
        info.OriginatingResolver = resolver;
        return info;
    }

    /// <summary>One property of a generated record: typed accessors, wrapped once here.</summary>
    public static JsonPropertyInfo Property<TDeclaring, TValue>(JsonSerializerOptions options, string name, string jsonName, Func<TDeclaring, TValue?> getter, Action<TDeclaring, TValue?> setter, PropertyFlags flags)
    {
        Type declaringType = typeof(TDeclaring);
        bool required = (flags & PropertyFlags.Required) != 0;
        bool extension = (flags & PropertyFlags.ExtensionData) != 0;
        JsonPropertyInfo info = JsonMetadataServices.CreatePropertyInfo(options, new JsonPropertyInfoValues<TValue>
        {
            IsProperty = true,
            IsPublic = true,
            IsVirtual = false,
            DeclaringType = declaringType,
            Getter = obj => getter((TDeclaring)obj),
            Setter = (obj, value) => setter((TDeclaring)obj, value),
            IgnoreCondition = required ? JsonIgnoreCondition.Never : null,
            HasJsonInclude = false,
            IsExtensionData = extension,
            NumberHandling = null,
            PropertyName = name,
            JsonPropertyName = extension ? null : jsonName,
        });
        if (required) info.IsRequired = true;
#if NET9_0_OR_GREATER
        bool nullable = (flags & PropertyFlags.Nullable) != 0;
        info.IsGetNullable = nullable;
        info.IsSetNullable = nullable;
#endif
        return info;
    }

    /// <summary>Metadata for a <c>List&lt;T&gt;</c>.</summary>
    public static JsonTypeInfo<System.Collections.Generic.List<T>> List<T>(JsonSerializerOptions options)
        => JsonMetadataServices.CreateListInfo<System.Collections.Generic.List<T>, T>(options, new JsonCollectionInfoValues<System.Collections.Generic.List<T>> { ObjectCreator = static () => new System.Collections.Generic.List<T>() });

    /// <summary>Metadata for a <c>Dictionary&lt;string, T&gt;</c>.</summary>
    public static JsonTypeInfo<System.Collections.Generic.Dictionary<string, T>> Dictionary<T>(JsonSerializerOptions options)
        => JsonMetadataServices.CreateDictionaryInfo<System.Collections.Generic.Dictionary<string, T>, string, T>(options, new JsonCollectionInfoValues<System.Collections.Generic.Dictionary<string, T>> { ObjectCreator = static () => new System.Collections.Generic.Dictionary<string, T>() });

    /// <summary>Metadata for a value read and written by <paramref name="converter"/>.</summary>
    public static JsonTypeInfo<T> Value<T>(JsonSerializerOptions options, JsonConverter<T> converter)
        => JsonMetadataServices.CreateValueInfo<T>(options, converter);

    /// <summary>Metadata for <c>T?</c> of a value type.</summary>
    public static JsonTypeInfo<T?> Nullable<T>(JsonSerializerOptions options)
        where T : struct
        => JsonMetadataServices.CreateValueInfo<T?>(options, JsonMetadataServices.GetNullableConverter<T>(options));
}
