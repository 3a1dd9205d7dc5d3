using System.Collections.Generic;

namespace HppSchemaGen.Generator.Resolution;

/// <summary>Where subschemas live: the keywords a walk of the schema tree descends into.</summary>
internal static class SchemaKeywords
{
    /// <summary>Keywords whose value is one schema.</summary>
    public static readonly string[] Single =
    {
        "additionalProperties", "additionalItems", "contains", "propertyNames", "not", "if", "then", "else",
        "unevaluatedItems", "unevaluatedProperties", "contentSchema",
    };

    /// <summary>Keywords whose value is an object of schemas.</summary>
    public static readonly string[] Map = { "$defs", "definitions", "properties", "patternProperties", "dependentSchemas" };

    /// <summary>Keywords whose value is an array of schemas.</summary>
    public static readonly string[] List = { "allOf", "anyOf", "oneOf", "prefixItems" };

    /// <summary>Keywords that only annotate; a <c>$ref</c> with only these beside it is a plain alias.</summary>
    public static readonly HashSet<string> Annotations = new()
    {
        "$schema", "$id", "id", "$comment", "$anchor", "$dynamicAnchor", "title", "description", "examples", "example", "default",
        "deprecated", "readOnly", "writeOnly", "nullable", "x-csharp-name", "$defs", "definitions",
    };
}
