using HppSchemaGen.Generator.Helpers;
using HppSchemaGen.Generator.Model;

namespace HppSchemaGen.Generator.Linking;

/// <summary>
/// What the link step needs of one document, read from that document alone and cached per file:
/// the URIs it answers to, the type names it claims, the schemas other documents may refer to by
/// name only, and the references that leave it. A property's type edit leaves it equal.
/// </summary>
/// <param name="File">The document's canonical text (the model's input).</param>
/// <param name="Whole">The set must be modeled as one: an OpenAPI document (its names interleave with
/// the other documents' $defs), a dynamic reference or anchor (its scope spans every method), or a
/// "#/..." alias id that other files' references resolve by.</param>
/// <param name="MetaSchemas">References one of the generator's meta-schemas: every such document
/// is modeled together, so each meta-schema's validators exist once.</param>
/// <param name="Resources">The resource URIs the document declares: its base, and each <c>$id</c>.</param>
/// <param name="RootResource">The URI its root (and so its <c>$defs</c>) is reached by.</param>
/// <param name="RootName">The type name its root asks for; null when the root is not a schema (an
/// OpenAPI document, or no schema at all).</param>
/// <param name="Definitions">Its <c>$defs</c>/<c>definitions</c> entries in naming order.</param>
/// <param name="Exports">The schemas (root, definitions) another document can refer to by name only.</param>
/// <param name="References">The references that leave the document.</param>
internal sealed record DocumentSummary(
    SchemaFile File,
    bool Whole,
    bool MetaSchemas,
    EquatableArray<string> Resources,
    string RootResource,
    string? RootName,
    EquatableArray<Definition> Definitions,
    EquatableArray<Export> Exports,
    EquatableArray<OutgoingReference> References);

/// <summary>A <c>$defs</c>/<c>definitions</c> entry that is a schema object: where it is and the name it asks for.</summary>
internal sealed record Definition(string Pointer, string Wanted);

/// <summary>
/// A root or definition that is a record with nothing another file's model would look into: a
/// reference to it maps to the record's name and calls its validator by name.
/// </summary>
/// <param name="Pointer">Where it is ("" for the root).</param>
/// <param name="AllowsNull">Its <c>type</c> admits null.</param>
/// <param name="Absolute">Its absolute location, as errors after a reference to it report it.</param>
internal sealed record Export(string Pointer, bool AllowsNull, string Absolute);

/// <summary>
/// A reference that does not resolve inside its document. <see cref="Clean"/>: a plain <c>$ref</c>
/// (nothing beside it but annotations) where a value's schema sits (a property, items, additional
/// properties), that nothing in its document refers to in turn, to a document root or a definition:
/// only then can the target be known by name alone.
/// </summary>
internal sealed record OutgoingReference(string Target, bool Clean);
