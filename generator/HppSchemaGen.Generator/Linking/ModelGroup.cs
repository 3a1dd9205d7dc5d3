using HppSchemaGen.Generator.Helpers;
using HppSchemaGen.Generator.Model;

namespace HppSchemaGen.Generator.Linking;

/// <summary>
/// Documents the model builds together (references between them look into each other), with
/// just what it needs of the rest of the set: the names the link step planned, the schemas of
/// other groups its references reach (by name), and which of its schemas other groups call.
/// </summary>
/// <param name="Files">Its documents' canonical texts, in naming order.</param>
/// <param name="Names">The type names of its documents' roots and definitions; empty when the group
/// is the whole set and plans its names itself.</param>
/// <param name="Externals">Schemas of other groups its references reach.</param>
/// <param name="Exports">Its schemas that other groups' references reach: their validators are named
/// after their types and never merged with another, so a caller knows the name without looking.</param>
internal sealed record ModelGroup(
    EquatableArray<SchemaFile> Files,
    EquatableArray<PlannedName> Names,
    EquatableArray<ExternalSchema> Externals,
    EquatableArray<ExportedSchema> Exports);

/// <summary>The type name planned for a root ("" pointer) or definition of a document, and the name it asked for.</summary>
internal sealed record PlannedName(string Path, string Pointer, string Wanted, string Name);

/// <summary>A schema of another group, known by its record's name and validator.</summary>
/// <param name="Resource">The resource URI of its document's root.</param>
/// <param name="Pointer">Where it is in that document ("" for the root).</param>
/// <param name="Namespace">The namespace its record and validator are in.</param>
/// <param name="Name">Its record's name, which is also its validator method's name.</param>
internal sealed record ExternalSchema(string Resource, string Pointer, string Namespace, string Name, bool AllowsNull, string Absolute);

/// <summary>A schema of this group that another group's references reach.</summary>
internal sealed record ExportedSchema(string Path, string Pointer);

/// <summary>The link step's result: the groups, and every planned root and definition name (each group's inline names avoid them all).</summary>
internal sealed record LinkResult(EquatableArray<ModelGroup> Groups, EquatableArray<string> Names);

/// <summary>A group as planned from the outlines: no files yet, its documents by their index in the set's summaries, in naming order.</summary>
internal sealed record PlannedGroup(ModelGroup Group, EquatableArray<int> Files);

/// <summary>The link plan: <see cref="LinkResult"/> before the documents' texts are attached (<see cref="Linker.Attach"/>).</summary>
internal sealed record LinkPlan(EquatableArray<PlannedGroup> Groups, EquatableArray<string> Names);
