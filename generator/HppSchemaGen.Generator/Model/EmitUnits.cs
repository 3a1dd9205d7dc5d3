using System.Collections.Generic;
using HppSchemaGen.Generator.Helpers;
using HppSchemaGen.Generator.Model.Validation;

namespace HppSchemaGen.Generator.Model;

/// <summary>Types and validator files that go through emission as one pipeline item (<see cref="EmitUnits"/>).</summary>
internal sealed record EmitUnit(EquatableArray<TypeSpec> Types, EquatableArray<ValidatorFileSpec> Validators);

/// <summary>
/// Cuts the model's types and validator files into the pipeline items they are emitted in. On every
/// run, a C# keystroke included, Roslyn's driver walks each item of a <c>Collect</c> (the emitted
/// pieces are collected to be grouped into files): one item per type grows that walk with the set
/// (8,000 items at 2,000 schemas). Up to <see cref="Slots"/> pieces each is a unit of its own, so an
/// edit re-emits only its type; beyond that, a piece's unit is a stable hash of its file name modulo
/// <see cref="Slots"/>: adding a type changes only its own unit, and an edit re-emits the handful of
/// pieces that share it (about 8 at 2,000 schemas, 20 at 5,000).
/// </summary>
internal static class EmitUnits
{
    /// <summary>The most units a set is cut into.</summary>
    public const int Slots = 1024;

    public static EquatableArray<EmitUnit> Of(GenerationSpec model)
    {
        var units = new List<EmitUnit>();
        if (model.Types.Count + model.Validators.Count <= Slots)
        {
            // One piece per unit, types first: the order the pieces have always been emitted in.
            foreach (TypeSpec t in model.Types) units.Add(new EmitUnit(new[] { t }.ToEquatableArray(), EquatableArray<ValidatorFileSpec>.Empty));
            foreach (ValidatorFileSpec v in model.Validators) units.Add(new EmitUnit(EquatableArray<TypeSpec>.Empty, new[] { v }.ToEquatableArray()));
            return units.ToEquatableArray();
        }
        var types = new List<TypeSpec>?[Slots];
        var validators = new List<ValidatorFileSpec>?[Slots];
        foreach (TypeSpec t in model.Types) (types[SlotOf(t.HintName)] ??= new List<TypeSpec>()).Add(t);
        foreach (ValidatorFileSpec v in model.Validators) (validators[SlotOf(v.HintName)] ??= new List<ValidatorFileSpec>()).Add(v);
        for (int s = 0; s < Slots; s++)
        {
            if (types[s] is null && validators[s] is null) continue;
            units.Add(new EmitUnit(
                types[s]?.ToEquatableArray() ?? EquatableArray<TypeSpec>.Empty,
                validators[s]?.ToEquatableArray() ?? EquatableArray<ValidatorFileSpec>.Empty));
        }
        return units.ToEquatableArray();
    }

    private static int SlotOf(string hintName) => (int)(StableHash.Of(hintName) % Slots);
}
