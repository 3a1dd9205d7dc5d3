using System;

namespace HppSchemaGen;

/// <summary>Marks a generated type with the schema it was generated from.</summary>
/// <param name="document">The schema document: its <c>$id</c>, else its file name.</param>
/// <param name="pointer">JSON Pointer of the schema inside that document ("" is the root).</param>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct, Inherited = false)]
public sealed class JsonSchemaSourceAttribute(string document, string pointer) : Attribute
{
    /// <summary>The schema document: its <c>$id</c>, else its file name.</summary>
    public string Document { get; } = document;

    /// <summary>JSON Pointer of the schema inside the document.</summary>
    public string Pointer { get; } = pointer;
}
