namespace HppSchemaGen.Generator.Model;

/// <summary>
/// One schema file as the pipeline sees it: its text and its per-file options. The model receives it
/// with <see cref="Text"/> replaced by the canonical text (<see cref="ParsedFile"/>).
/// </summary>
internal sealed record SchemaFile(string Path, string Text, string? Namespace, string? RootTypeName, string? BaseUri);

/// <summary>The generator's global options, read from MSBuild properties.</summary>
internal sealed record GeneratorOptions(string Namespace, string ContextName, bool FormatAssertion);
