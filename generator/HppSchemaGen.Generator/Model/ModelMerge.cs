using System;
using System.Collections.Generic;
using System.Linq;
using HppSchemaGen.Generator.Diagnostics;
using HppSchemaGen.Generator.Helpers;
using HppSchemaGen.Generator.Model.Validation;

namespace HppSchemaGen.Generator.Model;

/// <summary>
/// Joins the groups' models into the set's: the shape-named validators each group made (one file
/// per namespace) become one list, then what needs every type is decided over all of them (value
/// validators, one-pass readers, serialize fast paths, hint names, the context's root).
/// </summary>
internal static class ModelMerge
{
    /// <summary>The set's model; null when two groups chose the same name (two inline types, or methods), which only the whole set modeled at once can settle.</summary>
    public static GenerationSpec? Finish(EquatableArray<GroupSpec> groups, GeneratorOptions options)
    {
        try
        {
            return FinishCore(groups, options);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A bug of ours must never take the user's compiler down: report it and emit nothing.
            var diag = new DiagnosticInfo(DiagnosticDescriptors.InternalError.Id, new[] { e.GetType().Name + ": " + e.Message }.ToEquatableArray(), string.Empty, 0, 0, 0, 0, 0, 0);
            return new GenerationSpec(options, EquatableArray<TypeSpec>.Empty, EquatableArray<ValidatorFileSpec>.Empty, new[] { diag }.ToEquatableArray());
        }
    }

    /// <summary>
    /// A group's type as the merge most often decides it: its value validator's entry (named from the
    /// type alone), a reader and the context's fast path for a record, and a file of its own name.
    /// The merge decides each over the whole set and copies a type only where it decides otherwise,
    /// so after a structural edit the other groups' types come out as the same objects: nothing new
    /// for the collector to keep, nothing to compare field by field in the steps after.
    /// </summary>
    public static TypeSpec Presume(TypeSpec t) => t with
    {
        ValueValidator = ValuePlanner.EntryOf(t),
        HasReader = t.Kind == TypeSpecKind.Record && t.Properties.Count <= Readers.MaxMembers,
        HasSerializeHandler = t.Kind == TypeSpecKind.Record,
        HintName = HintNames.Unclaimed(t.Name),
    };

    private static GenerationSpec? FinishCore(EquatableArray<GroupSpec> groups, GeneratorOptions options)
    {
        List<TypeSpec> types;
        List<ValidatorFileSpec> validators;
        if (groups.Count == 1)
        {
            types = groups[0].Types.ToList();
            validators = groups[0].Validators.ToList();
        }
        else
        {
            types = new List<TypeSpec>(groups.Sum(g => g.Types.Count));
            foreach (GroupSpec g in groups) types.AddRange(g.Types);
            // Unstable, but two types of one name are a clash, settled below.
            types.Sort(static (x, y) => string.CompareOrdinal(x.Namespace, y.Namespace) is int c && c != 0 ? c : string.CompareOrdinal(x.Name, y.Name));
            for (int i = 1; i < types.Count; i++)
            {
                if (types[i].Namespace == types[i - 1].Namespace && types[i].Name == types[i - 1].Name) return null;
            }
            if (MergeValidators(groups, types) is not List<ValidatorFileSpec> merged) return null;
            validators = merged;
        }
        bool dynamicScope = validators.Any(v => v.UsesDynamicScope);

        List<ValueValidatorFileSpec> valueValidators;
        // Readers and fast paths are both fixed points over which records refer to which: found once.
        Dictionary<(string, string), List<TypeSpec>> referrers = RecordFixedPoint.Referrers(types);
        (types, valueValidators) = ValuePlanner.Plan(types, validators, dynamicScope, options.Namespace, options.ContextName, referrers);
        types = SerializeHandlers.Mark(types, referrers);

        // Every output's file name, claimed here and nowhere else, in a fixed order: Roslyn compares
        // them ignoring case, so Dotnet and DotNet (two C# types) must not both be "Dotnet.g.cs".
        var hintNames = new HintNames();
        string contextHintName = hintNames.Claim(options.ContextName);
        types = types.Select(t => hintNames.Claim(t.Name) is var hint && t.HintName == hint ? t : t with { HintName = hint }).ToList();
        validators = validators.Select(v => v with { HintName = hintNames.Claim(v.HintName) }).ToList();
        valueValidators = valueValidators.Select(v => v with { HintName = hintNames.Claim(v.HintName) }).ToList();
        return new GenerationSpec(options, types.ToEquatableArray(), validators.ToEquatableArray(), groups.SelectMany(g => g.Diagnostics).ToEquatableArray())
        {
            Context = types.Count > 0 ? ContextSpec.From(options, types, contextHintName) : null,
            ValueValidators = valueValidators.ToEquatableArray(),
        };
    }

    /// <summary>
    /// The documents' files in group order, then one file per namespace of the shape-named methods
    /// (<see cref="Canonicalizer"/>), each once; null when two groups made different methods of one
    /// name. Methods of different groups with identical bodies become one (<see cref="MethodSharing"/>).
    /// </summary>
    private static List<ValidatorFileSpec>? MergeValidators(EquatableArray<GroupSpec> groups, List<TypeSpec> types)
    {
        var files = new List<ValidatorFileSpec>();
        var names = new HashSet<(string, string)>();
        var shared = new SortedDictionary<string, Dictionary<string, ValidatorMethodSpec>>(StringComparer.Ordinal);
        foreach (GroupSpec g in groups)
        {
            foreach (ValidatorFileSpec f in g.Validators)
            {
                if (!f.IsShared)
                {
                    files.Add(f);
                    foreach (ValidatorMethodSpec m in f.Methods)
                    {
                        if (!names.Add((f.Namespace, m.Name))) return null;
                    }
                    continue;
                }
                if (!shared.TryGetValue(f.Namespace, out Dictionary<string, ValidatorMethodSpec>? methods)) shared[f.Namespace] = methods = new Dictionary<string, ValidatorMethodSpec>(StringComparer.Ordinal);
                foreach (ValidatorMethodSpec m in f.Methods)
                {
                    if (!methods.TryGetValue(m.Name, out ValidatorMethodSpec? seen)) methods[m.Name] = m;
                    // A type's entry in one group, a subschema's method in another: the same method.
                    else if (seen with { IsEntry = false } != m with { IsEntry = false }) return null;
                    else if (m.IsEntry) methods[m.Name] = m;
                }
            }
        }
        foreach (KeyValuePair<string, Dictionary<string, ValidatorMethodSpec>> kv in shared)
        {
            foreach (string name in kv.Value.Keys)
            {
                if (names.Contains((kv.Key, name))) return null;
            }
            var methods = kv.Value.Values.OrderBy(m => m.Name, StringComparer.Ordinal).ToEquatableArray();
            files.Add(new ValidatorFileSpec(kv.Key, "__Validators." + kv.Key, string.Empty, false, methods) { IsShared = true });
        }
        return MethodSharing.Share(files, types);
    }
}
