using System;
using System.Collections.Immutable;
using System.Linq;
using System.Text;
using System.Threading;
using HppSchemaGen.Generator.Diagnostics;
using HppSchemaGen.Generator.Emit;
using HppSchemaGen.Generator.Helpers;
using HppSchemaGen.Generator.Linking;
using HppSchemaGen.Generator.Model;
using HppSchemaGen.Generator.Model.Validation;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace HppSchemaGen.Generator;

/// <summary>
/// Entry point: wires the pipeline only. Schema files and options become equatable inputs; each
/// file is summarized, one small step links the summaries into groups, each group is modeled in
/// its own step and the groups are merged (references cross files); the types (each with its
/// context metadata and reader) and the documents' validators are emitted in cached units (one
/// piece each in a small set, see <see cref="EmitUnits"/>), the context's root in its own step, so
/// an edit re-emits only what changed, then grouped into files (<see cref="OutputFiles"/>).
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class SchemaGenerator : IIncrementalGenerator
{
    /// <summary>Tracking names of the pipeline steps (tests assert on them).</summary>
    public static class Steps
    {
        public const string Options = nameof(Options);
        public const string Files = nameof(Files);
        public const string Parse = nameof(Parse);
        public const string Structure = nameof(Structure);
        public const string Docs = nameof(Docs);
        public const string DocumentedTypes = nameof(DocumentedTypes);
        public const string Summaries = nameof(Summaries);
        public const string Outlines = nameof(Outlines);
        public const string LinkPlan = nameof(LinkPlan);
        public const string Link = nameof(Link);
        public const string PlannedNames = nameof(PlannedNames);
        public const string Groups = nameof(Groups);
        public const string GroupModels = nameof(GroupModels);
        public const string Merge = nameof(Merge);
        public const string Clash = nameof(Clash);
        public const string WholeSet = nameof(WholeSet);
        public const string Model = nameof(Model);
        public const string Units = nameof(Units);
        public const string ValueValidators = nameof(ValueValidators);
        public const string Context = nameof(Context);
        public const string TypeSources = nameof(TypeSources);
        public const string ValidatorSources = nameof(ValidatorSources);
        public const string ValueValidatorSources = nameof(ValueValidatorSources);
        public const string ContextSource = nameof(ContextSource);
        public const string MaxFiles = nameof(MaxFiles);
        public const string ModelDiagnostics = nameof(ModelDiagnostics);
        public const string Positions = nameof(Positions);
        public const string OutputFiles = nameof(OutputFiles);
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

        // Per file: parsed once, then split three ways (see ParsedFile) so that a description or
        // whitespace edit changes the docs and positions of that file but not the model's input.
        IncrementalValuesProvider<ParsedFile> parsed = files
            .Select(static (f, ct) => ParsedFile.Read(f, ct))
            .Where(static p => p is not null)
            .Select(static (p, _) => p!)
            .WithTrackingName(Steps.Parse);

        // Per file: what the link step needs of it (its structure's summary, equal after a
        // description edit). The link step sees only these, plans root and definition names and
        // splits the set into groups that are modeled apart (Linker), so an edit re-models its own
        // group only. One value per file, collected once (see SummarizedFile).
        IncrementalValueProvider<EquatableArray<SummarizedFile>> allFiles = parsed
            .Select(static (p, ct) => SummarizedFile.Of(p, ct))
            .WithTrackingName(Steps.Summaries)
            .CollectItems();
        IncrementalValueProvider<EquatableArray<DocumentSummary>> allSummaries = allFiles
            .Select(static (a, _) => SummarizedFile.Summaries(a))
            .WithTrackingName(Steps.Structure);
        // Planned from the outlines, so a property's type edited re-plans nothing: only the texts
        // are attached to the planned groups again.
        IncrementalValueProvider<LinkPlan> linkPlan = allFiles
            .Select(static (a, _) => SummarizedFile.Outlines(a))
            .WithTrackingName(Steps.Outlines)
            .Combine(options)
            .Select(static (pair, _) => Linker.Plan(pair.Left, pair.Right))
            .WithTrackingName(Steps.LinkPlan);
        IncrementalValueProvider<LinkResult> link = linkPlan
            .Combine(allSummaries)
            .Select(static (pair, _) => Linker.Attach(pair.Left, pair.Right))
            .WithTrackingName(Steps.Link);
        IncrementalValueProvider<EquatableArray<string>> plannedNames = link.Select(static (l, _) => l.Names).WithTrackingName(Steps.PlannedNames);
        IncrementalValuesProvider<GroupSpec> groupModels = link
            .SelectMany(static (l, _) => l.Groups).WithTrackingName(Steps.Groups)
            .Combine(plannedNames)
            .Combine(options)
            .Select(static (x, ct) => ModelBuilder.BuildGroup(x.Left.Left, x.Left.Right, x.Right, ct))
            .WithTrackingName(Steps.GroupModels);
        IncrementalValueProvider<GenerationSpec?> merged = groupModels.CollectItems()
            .Combine(options)
            .Select(static (pair, _) => ModelMerge.Finish(pair.Left, pair.Right))
            .WithTrackingName(Steps.Merge);
        // Two groups that chose one name (two inline types, say) are settled by modeling the whole set
        // at once: this step only does work then.
        IncrementalValueProvider<GenerationSpec?> whole = merged
            .Select(static (m, _) => m is null).WithTrackingName(Steps.Clash)
            .Combine(allSummaries)
            .Combine(options)
            .Select(static (x, ct) => x.Left.Left ? ModelBuilder.Build(x.Left.Right.Select(s => s.File).ToEquatableArray(), x.Right, ct) : null)
            .WithTrackingName(Steps.WholeSet);
        IncrementalValueProvider<GenerationSpec> model = merged
            .Combine(whole)
            .Select(static (pair, _) => pair.Left ?? pair.Right!)
            .WithTrackingName(Steps.Model);

        IncrementalValueProvider<EquatableArray<DiagnosticInfo>> diagnostics = model
            .Select(static (m, _) => m.Diagnostics).WithTrackingName(Steps.ModelDiagnostics)
            .Combine(allFiles.Select(static (a, _) => a.Select(f => (f.Parsed.Positions, f.Parsed.ParseDiagnostics)).ToEquatableArray()).WithTrackingName(Steps.Positions))
            .Select(static (pair, _) => DiagnosticPlacement.Place(pair.Left, pair.Right))
            .WithTrackingName(Steps.Diagnostics);
        context.RegisterSourceOutput(diagnostics, static (spc, list) =>
        {
            foreach (DiagnosticInfo d in list) spc.ReportDiagnostic(d.ToDiagnostic());
        });

        IncrementalValueProvider<DocIndex> docs = allFiles
            .Select(static (a, _) => DocIndex.From(a.Select(f => f.Parsed.Docs)))
            .WithTrackingName(Steps.Docs);

        // Each piece is emitted in a cached step (in units, see EmitUnits); only the files step below
        // sees them all, and it only groups texts that are already made.
        IncrementalValuesProvider<GeneratedParts> unitParts = model
            .SelectMany(static (m, _) => EmitUnits.Of(m)).WithTrackingName(Steps.Units)
            .Select(static (u, _) => UnitInEmission.EmitValidators(u)).WithTrackingName(Steps.ValidatorSources)
            .Combine(docs)
            .Select(static (pair, _) => pair.Left.Documented(pair.Right)).WithTrackingName(Steps.DocumentedTypes)
            .Select(static (u, _) => u.EmitTypes()).WithTrackingName(Steps.TypeSources);

        IncrementalValuesProvider<ValueValidatorFileSpec> valueValidators = model.SelectMany(static (m, _) => m.ValueValidators).WithTrackingName(Steps.ValueValidators);
        IncrementalValuesProvider<GeneratedPart> valueParts = valueValidators
            .Select(static (v, _) => GeneratedPart.Emit(v.HintName, () => ValueValidatorEmitter.Emit(v))).WithTrackingName(Steps.ValueValidatorSources);

        // The context's root: each record's own metadata is in the record's file, so this re-runs
        // only when the set of types, or the CLR type of a member, changes.
        IncrementalValueProvider<ContextSpec?> contextSpec = model.Select(static (m, _) => m.Context).WithTrackingName(Steps.Context);
        IncrementalValueProvider<GeneratedPart?> rootPart = contextSpec
            .Select(static (c, _) => c is null ? null : GeneratedPart.Emit(c.HintName, () => ContextEmitter.EmitRoot(c))).WithTrackingName(Steps.ContextSource);

        IncrementalValueProvider<int> maxFiles = context.AnalyzerConfigOptionsProvider
            .Select(static (p, _) => OptionsReader.ReadMaxFiles(p.GlobalOptions)).WithTrackingName(Steps.MaxFiles);

        IncrementalValuesProvider<OutputFile> outputs = unitParts.CollectItems()
            .Combine(valueParts.CollectItems())
            .Combine(rootPart)
            .Combine(maxFiles)
            .SelectMany(static (x, _) =>
            {
                ImmutableArray<GeneratedPart>.Builder all = ImmutableArray.CreateBuilder<GeneratedPart>();
                foreach (GeneratedParts unit in x.Left.Left.Left) all.AddRange(unit.Parts);
                all.AddRange(x.Left.Left.Right);
                if (x.Left.Right is { } root) all.Add(root);
                return OutputFiles.Group(all.ToImmutable(), x.Right);
            })
            .WithTrackingName(Steps.OutputFiles);
        context.RegisterSourceOutput(outputs, static (spc, file) => Add(spc, file));
    }

    /// <summary>
    /// Adds one file, its hint name assigned by the model (<see cref="HintNames"/>: unique ignoring
    /// case across all outputs, which is the only defence against two outputs colliding, since Roslyn
    /// checks that after every callback has returned) or by <see cref="OutputFiles"/>.
    /// </summary>
    private static void Add(SourceProductionContext spc, OutputFile file)
    {
        foreach (GeneratedPart part in file.Parts)
        {
            // An emitter bug must not crash the compiler (CS8785 would drop every output): report it.
            if (part.Error is not null) spc.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.InternalError, Location.None, part.Error));
        }
        try
        {
            spc.AddSource(file.HintName, SourceText.From(file.Text(), Encoding.UTF8));
        }
        catch (ArgumentException e)
        {
            // A hint name Roslyn refuses (a character, a duplicate in this context) is a bug of ours:
            // report it rather than let the exception fail the generator and drop every other output.
            spc.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.InternalError, Location.None, file.HintName + ": " + e.Message));
        }
    }
}
