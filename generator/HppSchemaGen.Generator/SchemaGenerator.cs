using System;
using System.Collections.Immutable;
using System.Text;
using System.Threading;
using HppSchemaGen.Generator.Diagnostics;
using HppSchemaGen.Generator.Emit;
using HppSchemaGen.Generator.Helpers;
using HppSchemaGen.Generator.Model;
using HppSchemaGen.Generator.Model.Validation;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace HppSchemaGen.Generator;

/// <summary>
/// Entry point: wires the pipeline only. Schema files and options become equatable inputs; one
/// step builds the model of the whole set (references cross files); each generated type (with its
/// context metadata and reader), each document's validators and the context's root are separate
/// outputs, so an edit re-emits only what changed.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class SchemaGenerator : IIncrementalGenerator
{
    /// <summary>Tracking names of the pipeline steps (tests assert on them).</summary>
    public static class Steps
    {
        public const string Options = nameof(Options);
        public const string Files = nameof(Files);
        public const string Model = nameof(Model);
        public const string Types = nameof(Types);
        public const string Validators = nameof(Validators);
        public const string ValueValidators = nameof(ValueValidators);
        public const string Context = nameof(Context);
        public const string Diagnostics = nameof(Diagnostics);
    }

    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        IncrementalValueProvider<GeneratorOptions> options = context.AnalyzerConfigOptionsProvider
            .Select(static (p, _) => OptionsReader.Read(p.GlobalOptions))
            .WithTrackingName(Steps.Options);

        IncrementalValuesProvider<SchemaFile> files = context.AdditionalTextsProvider
            .Where(static t => t.Path.EndsWith(".json", StringComparison.OrdinalIgnoreCase) || SchemaDocuments.IsYaml(t.Path))
            .Combine(context.AnalyzerConfigOptionsProvider)
            .Select(static (pair, ct) => OptionsReader.ReadFile(pair.Left, pair.Right.GetOptions(pair.Left), ct))
            .Where(static f => f is not null)
            .Select(static (f, _) => f!)
            .WithTrackingName(Steps.Files);

        IncrementalValueProvider<GenerationSpec> model = files.Collect()
            .Combine(options)
            .Select(static (pair, ct) => ModelBuilder.Build(pair.Left.ToEquatableArray(), pair.Right, ct))
            .WithTrackingName(Steps.Model);

        context.RegisterSourceOutput(model.Select(static (m, _) => m.Diagnostics).WithTrackingName(Steps.Diagnostics), static (spc, diagnostics) =>
        {
            foreach (DiagnosticInfo d in diagnostics) spc.ReportDiagnostic(d.ToDiagnostic());
        });

        IncrementalValuesProvider<TypeSpec> types = model.SelectMany(static (m, _) => m.Types).WithTrackingName(Steps.Types);
        context.RegisterSourceOutput(types, static (spc, type) => Add(spc, type.HintName, () => TypeEmitter.Emit(type)));

        IncrementalValuesProvider<ValidatorFileSpec> validators = model.SelectMany(static (m, _) => m.Validators).WithTrackingName(Steps.Validators);
        context.RegisterSourceOutput(validators, static (spc, v) => Add(spc, v.HintName, () => ValidatorEmitter.Emit(v)));

        IncrementalValuesProvider<ValueValidatorFileSpec> valueValidators = model.SelectMany(static (m, _) => m.ValueValidators).WithTrackingName(Steps.ValueValidators);
        context.RegisterSourceOutput(valueValidators, static (spc, v) => Add(spc, v.HintName, () => ValueValidatorEmitter.Emit(v)));

        // The context's root: each record's own metadata is in the record's file, so this re-runs
        // only when the set of types, or the CLR type of a member, changes.
        IncrementalValueProvider<ContextSpec?> contextSpec = model.Select(static (m, _) => m.Context).WithTrackingName(Steps.Context);
        context.RegisterSourceOutput(contextSpec, static (spc, c) =>
        {
            if (c is not null) Add(spc, c.HintName, () => ContextEmitter.EmitRoot(c));
        });
    }

    /// <summary>
    /// Adds one output, its hint name assigned by the model (<see cref="HintNames"/>: unique ignoring
    /// case across all outputs, which is the only defence against two outputs colliding, since Roslyn
    /// checks that after every callback has returned).
    /// </summary>
    private static void Add(SourceProductionContext spc, string hintName, Func<string> emit)
    {
        string source;
        try
        {
            source = emit();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // An emitter bug must not crash the compiler (CS8785 would drop every output): report it.
            spc.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.InternalError, Location.None, hintName + ": " + e.Message));
            return;
        }
        try
        {
            spc.AddSource(hintName, SourceText.From(source, Encoding.UTF8));
        }
        catch (ArgumentException e)
        {
            // A hint name Roslyn refuses (a character, a duplicate in this context) is a bug of ours:
            // report it rather than let the exception fail the generator and drop every other output.
            spc.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.InternalError, Location.None, hintName + ": " + e.Message));
        }
    }
}
