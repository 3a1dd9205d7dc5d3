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
    /// <summary>The context's root file: its hint name and what it needs of each type.</summary>
    public ContextSpec? Context { get; init; }

    /// <summary>Validators of values built in code, one file per namespace.</summary>
    public EquatableArray<ValueValidatorFileSpec> ValueValidators { get; init; } = EquatableArray<ValueValidatorFileSpec>.Empty;
}

/// <summary>
/// One group's part of the model (<see cref="Linking.ModelGroup"/>): its types (validators resolved
/// to methods, ordered by namespace and name), its validator files, and its diagnostics.
/// <see cref="ModelMerge"/> joins the groups into the <see cref="GenerationSpec"/>.
/// </summary>
internal sealed record GroupSpec(EquatableArray<TypeSpec> Types, EquatableArray<ValidatorFileSpec> Validators, EquatableArray<DiagnosticInfo> Diagnostics);
