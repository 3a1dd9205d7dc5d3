using HppSchemaGen.Generator.Diagnostics;
using HppSchemaGen.Generator.Helpers;
using HppSchemaGen.Generator.Model.Validation;

namespace HppSchemaGen.Generator.Model;

/// <summary>The whole model of one compilation's schema set: what every emitter needs, as equatable data.</summary>
internal sealed record GenerationSpec(
    GeneratorOptions Options,
    EquatableArray<TypeSpec> Types,
    EquatableArray<ValidatorFileSpec> Validators,
    EquatableArray<DiagnosticInfo> Diagnostics)
{
    /// <summary>The context file's hint name, unique ignoring case among every output's (see <see cref="HintNames"/>).</summary>
    public string ContextHintName { get; init; } = string.Empty;

    /// <summary>Validators of values built in code, one file per namespace.</summary>
    public EquatableArray<ValueValidatorFileSpec> ValueValidators { get; init; } = EquatableArray<ValueValidatorFileSpec>.Empty;

    /// <summary>One-pass readers for <c>Parse</c>, one file per namespace.</summary>
    public EquatableArray<ReaderFileSpec> Readers { get; init; } = EquatableArray<ReaderFileSpec>.Empty;
}
