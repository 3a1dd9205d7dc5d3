using HppSchemaGen.Generator.Helpers;
using HppSchemaGen.Generator.Model;
using HppSchemaGen.Generator.Model.Validation;

namespace HppSchemaGen.Generator.Emit;

/// <summary>
/// A unit (<see cref="EmitUnit"/>) half-way through emission. Its validator files are emitted
/// first, and documentation is attached to its types after: descriptions never reach validators, so
/// a description edit re-emits the unit's types and carries its validators' text over.
/// </summary>
internal sealed record UnitInEmission(EquatableArray<TypeSpec> Types, EquatableArray<GeneratedPart> ValidatorParts)
{
    public static UnitInEmission EmitValidators(EmitUnit unit)
    {
        var parts = new GeneratedPart[unit.Validators.Count];
        for (int i = 0; i < parts.Length; i++)
        {
            ValidatorFileSpec v = unit.Validators[i];
            parts[i] = GeneratedPart.Emit(v.HintName, () => ValidatorEmitter.Emit(v));
        }
        return new UnitInEmission(unit.Types, parts.ToEquatableArray());
    }

    /// <summary>This unit with its types' documentation looked up (itself when no type changed).</summary>
    public UnitInEmission Documented(DocIndex docs)
    {
        EquatableArray<TypeSpec> types = Types.Replace(docs.Attach);
        return types.SameInstance(Types) ? this : this with { Types = types };
    }

    /// <summary>The unit's pieces: its types', then its validators'.</summary>
    public GeneratedParts EmitTypes()
    {
        var parts = new GeneratedPart[Types.Count + ValidatorParts.Count];
        for (int i = 0; i < Types.Count; i++)
        {
            TypeSpec t = Types[i];
            parts[i] = GeneratedPart.Emit(t.HintName, () => TypeEmitter.Emit(t));
        }
        for (int i = 0; i < ValidatorParts.Count; i++) parts[Types.Count + i] = ValidatorParts[i];
        return new GeneratedParts(parts.ToEquatableArray());
    }
}

/// <summary>A unit's emitted pieces, in order: what the files step collects.</summary>
internal sealed record GeneratedParts(EquatableArray<GeneratedPart> Parts);
