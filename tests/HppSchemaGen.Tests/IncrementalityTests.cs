using System.Collections.Generic;
using System.Linq;
using HppSchemaGen.Generator;
using HppSchemaGen.Generator.Helpers;
using HppSchemaGen.Generator.Model;
using HppSchemaGen.Testing;
using HppSchemaGen.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace HppSchemaGen.Tests;

/// <summary>The pipeline caches: unrelated edits re-run nothing; a schema edit re-emits only what it changes.</summary>
public class IncrementalityTests
{
    private static readonly string[] AllSteps =
    {
        SchemaGenerator.Steps.Options, SchemaGenerator.Steps.Files, SchemaGenerator.Steps.Parse, SchemaGenerator.Steps.Structure,
        SchemaGenerator.Steps.Model, SchemaGenerator.Steps.Units, SchemaGenerator.Steps.Docs, SchemaGenerator.Steps.DocumentedTypes,
        SchemaGenerator.Steps.TypeSources, SchemaGenerator.Steps.Context, SchemaGenerator.Steps.Diagnostics,
        SchemaGenerator.Steps.OutputFiles, SchemaGenerator.Steps.ValueValidators, SchemaGenerator.Steps.ValidatorSources, SchemaGenerator.Steps.ValueValidatorSources,
        SchemaGenerator.Steps.ContextSource, SchemaGenerator.Steps.MaxFiles, SchemaGenerator.Steps.ModelDiagnostics, SchemaGenerator.Steps.Positions,
        SchemaGenerator.Steps.Summaries, SchemaGenerator.Steps.Outlines, SchemaGenerator.Steps.LinkPlan, SchemaGenerator.Steps.Link, SchemaGenerator.Steps.PlannedNames, SchemaGenerator.Steps.Groups,
        SchemaGenerator.Steps.GroupModels, SchemaGenerator.Steps.Merge, SchemaGenerator.Steps.Clash, SchemaGenerator.Steps.WholeSet,
    };

    [Fact]
    public void Unrelated_source_edit_leaves_every_step_cached_or_unchanged()
    {
        GeneratorDriver driver = GeneratorHarness.CreateDriver(GeneratorHarness.HppSchemas());
        CSharpCompilation compilation = GeneratorHarness.CreateCompilation("class A { }");
        driver = driver.RunGenerators(compilation);

        CSharpCompilation edited = compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("class Unrelated { int X => 1; }", GeneratorHarness.ParseOptions));
        GeneratorRunResult second = driver.RunGenerators(edited).GetRunResult().Results.Single();

        foreach (string step in AllSteps)
        {
            Assert.True(second.TrackedSteps.ContainsKey(step), "step not tracked: " + step);
            foreach (IncrementalGeneratorRunStep run in second.TrackedSteps[step])
            {
                foreach ((object _, IncrementalStepRunReason reason) in run.Outputs)
                    Assert.True(reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"{step}: {reason}");
            }
        }
        Assert.All(second.TrackedOutputSteps.SelectMany(kv => kv.Value).SelectMany(s => s.Outputs),
            o => Assert.True(o.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, o.Reason.ToString()));
    }

    [Fact]
    public void Editing_a_description_leaves_the_model_cached_and_re_emits_only_its_type()
    {
        GeneratorRunResult second = RunAfterEdit("/CustomerV1.schema.json", text => text.Replace("Customer's title", "Customer's honorific"));

        // Descriptions are not the model's input: it does not run, and only the type's documentation is looked up again.
        foreach (string step in new[] { SchemaGenerator.Steps.Structure, SchemaGenerator.Steps.Model, SchemaGenerator.Steps.Units, SchemaGenerator.Steps.ValidatorSources })
        {
            Assert.All(second.TrackedSteps[step].SelectMany(s => s.Outputs),
                o => Assert.True(o.Reason is IncrementalStepRunReason.Unchanged or IncrementalStepRunReason.Cached, step + ": " + o.Reason));
        }
        Assert.Equal(new[] { "CustomerV1" }, ModifiedTypes(second, SchemaGenerator.Steps.DocumentedTypes));
        Assert.Single(second.TrackedSteps[SchemaGenerator.Steps.TypeSources].SelectMany(s => s.Outputs), o => o.Reason == IncrementalStepRunReason.Modified);
        // A small set is emitted one piece per unit: one validator file per document and one of shared validators.
        var units = second.TrackedSteps[SchemaGenerator.Steps.Units].SelectMany(s => s.Outputs).Select(o => (HppSchemaGen.Generator.Model.EmitUnit)o.Value).ToList();
        Assert.All(units, u => Assert.Equal(1, u.Types.Count + u.Validators.Count));
        Assert.Equal(12, units.Count(u => u.Validators.Count == 1));
        Assert.Contains("Customer's honorific", second.GeneratedSources.Single(s => s.HintName == "CustomerV1.g.cs").SourceText.ToString());
        // The context's root holds no documentation: each record's metadata is in the record's file.
        Assert.All(second.TrackedSteps[SchemaGenerator.Steps.Context].SelectMany(s => s.Outputs),
            o => Assert.True(o.Reason is IncrementalStepRunReason.Unchanged or IncrementalStepRunReason.Cached, o.Reason.ToString()));
    }

    [Theory]
    [InlineData("integer", "long? ", false)] // the set already has long? members (width): the root declares its metadata already
    [InlineData("number", "double? ", true)] // no member was a double before: the root gains its metadata
    public void Changing_a_property_type_re_emits_its_record_and_the_context_root_only_for_a_new_clr_type(string type, string clr, bool rootChanges)
    {
        const string String = "\"type\": \"string\"";
        GeneratorRunResult second = RunAfterEdit("/MerchantUrlsV1.schema.json", text =>
        {
            int at = text.IndexOf(String, System.StringComparison.Ordinal);
            Assert.True(at > 0);
            return text[..at] + "\"type\": \"" + type + "\"" + text[(at + String.Length)..];
        });

        Assert.Equal(new[] { "MerchantUrlsV1" }, ModifiedTypes(second));
        var context = second.TrackedSteps[SchemaGenerator.Steps.Context].SelectMany(s => s.Outputs).ToList();
        Assert.Equal(rootChanges, context.Any(o => o.Reason == IncrementalStepRunReason.Modified));
        Assert.Contains(clr, second.GeneratedSources.Single(s => s.HintName == "MerchantUrlsV1.g.cs").SourceText.ToString());
    }

    [Fact]
    public void A_structural_edit_early_in_a_document_does_not_re_emit_the_types_after_it()
    {
        // Documentation is found by JSON Pointer, not by offset: "Later" moves in the text but is the same type.
        const string Before = "{\"title\": \"Api\", \"type\": \"object\", \"$defs\": {"
            + "\"Early\": {\"type\": \"object\", \"properties\": {\"n\": {\"type\": \"string\"}}},"
            + "\"Later\": {\"type\": \"object\", \"description\": \"Documented.\", \"properties\": {\"m\": {\"type\": \"string\", \"description\": \"Also.\"}}}}}";
        var original = new InMemoryAdditionalText("/s/api.schema.json", Before);
        CSharpCompilation compilation = GeneratorHarness.CreateCompilation("class A { }");
        GeneratorDriver driver = GeneratorHarness.CreateDriver(new AdditionalText[] { original }).RunGenerators(compilation);
        string after = Before.Replace("{\"n\": {\"type\": \"string\"}}", "{\"n\": {\"type\": \"integer\", \"minimum\": 0}}");
        GeneratorRunResult second = driver.ReplaceAdditionalText(original, new InMemoryAdditionalText(original.Path, after)).RunGenerators(compilation).GetRunResult().Results.Single();

        // The model's spec of "Later" is equal (it would not be if it held offsets), so nothing of it runs again.
        Assert.Equal(new[] { "Early" }, ModifiedTypes(second));
        Assert.Equal(new[] { "Early" }, ModifiedTypes(second, SchemaGenerator.Steps.DocumentedTypes));
        Assert.Contains("Documented.", second.GeneratedSources.Single(s => s.HintName == "Later.g.cs").SourceText.ToString());
    }

    /// <summary>N object schemas in a ring of references, as in the generator benchmark: each is a group of its own.</summary>
    private static string RingSchema(int i, int n, string ratioType) => $$$"""
        {"$id": "https://bench.local/s{{{i}}}.json", "title": "Synthetic{{{i}}}", "type": "object", "required": ["id"],
         "properties": {
           "id": {"type": "string", "format": "uuid"}, "ratio": {"type": "{{{ratioType}}}"},
           "status": {"type": "string", "enum": ["A{{{i}}}", "B{{{i}}}"]},
           "address": {"type": "object", "properties": {"zip": {"type": "string", "pattern": "^[0-9]{5}$"} } },
           "next": {"$ref": "https://bench.local/s{{{(i + 1) % n}}}.json"}, "many": {"type": "array", "items": {"$ref": "https://bench.local/s{{{(i + 2) % n}}}.json"}} } }
        """;

    [Fact]
    public void Changing_a_property_type_re_models_only_its_own_group()
    {
        const int N = 12;
        List<AdditionalText> schemas = Enumerable.Range(0, N).Select(i => (AdditionalText)new InMemoryAdditionalText($"/ring/s{i}.schema.json", RingSchema(i, N, "number"))).ToList();
        CSharpCompilation compilation = GeneratorHarness.CreateCompilation("class A { }");
        GeneratorDriver driver = GeneratorHarness.CreateDriver(schemas).RunGenerators(compilation);
        AdditionalText original = schemas[5];
        driver = driver.ReplaceAdditionalText(original, new InMemoryAdditionalText(original.Path, RingSchema(5, N, "string")));
        GeneratorRunResult second = driver.RunGenerators(compilation).GetRunResult().Results.Single();

        // Every document is a group of its own (references to records by name only); the edited one alone is modeled again.
        var groups = second.TrackedSteps[SchemaGenerator.Steps.GroupModels].SelectMany(s => s.Outputs).ToList();
        Assert.Equal(N, groups.Count);
        Assert.Single(groups, o => o.Reason == IncrementalStepRunReason.Modified);
        Assert.Equal(N - 1, groups.Count(o => o.Reason == IncrementalStepRunReason.Cached));
        // Its summary is unchanged but for its text: the link is not planned again (its texts are
        // attached to the plan), and the names and the other groups' inputs stay equal.
        foreach (string step in new[] { SchemaGenerator.Steps.Outlines, SchemaGenerator.Steps.LinkPlan, SchemaGenerator.Steps.PlannedNames })
        {
            Assert.All(second.TrackedSteps[step].SelectMany(s => s.Outputs),
                o => Assert.True(o.Reason is IncrementalStepRunReason.Unchanged or IncrementalStepRunReason.Cached, step + ": " + o.Reason));
        }
        Assert.All(second.TrackedSteps[SchemaGenerator.Steps.Link].SelectMany(s => s.Outputs), o => Assert.Equal(IncrementalStepRunReason.Modified, o.Reason));
        Assert.All(second.TrackedSteps[SchemaGenerator.Steps.WholeSet].SelectMany(s => s.Outputs), o => Assert.Null(o.Value));
        Assert.Equal(new[] { "Synthetic5" }, ModifiedTypes(second));
        Assert.Contains("string? Ratio", second.GeneratedSources.Single(s => s.HintName == "Synthetic5.g.cs").SourceText.ToString());
        // What the merge decides for the other groups' records (entry method, reader, fast path, file
        // name) is what their group presumed (ModelMerge.Presume): the model holds their cached
        // objects, not copies that every later step would compare field by field.
        var model = (HppSchemaGen.Generator.Model.GenerationSpec)Assert.Single(second.TrackedSteps[SchemaGenerator.Steps.Model].SelectMany(s => s.Outputs)).Value;
        var cached = groups.Where(o => o.Reason == IncrementalStepRunReason.Cached).SelectMany(o => ((HppSchemaGen.Generator.Model.GroupSpec)o.Value).Types).ToList();
        var others = model.Types.Where(t => System.Text.RegularExpressions.Regex.IsMatch(t.Name, "^Synthetic[0-9]+$") && t.Name != "Synthetic5").ToList();
        Assert.Equal(N - 1, others.Count);
        Assert.All(others, t => Assert.Contains(cached, c => ReferenceEquals(c, t)));

        // The same output as a fresh run of the edited set.
        schemas[5] = new InMemoryAdditionalText(original.Path, RingSchema(5, N, "string"));
        GeneratorRunResult fresh = GeneratorHarness.CreateDriver(schemas).RunGenerators(compilation).GetRunResult().Results.Single();
        Assert.Equal(fresh.GeneratedSources.Select(g => g.HintName + g.SourceText), second.GeneratedSources.Select(g => g.HintName + g.SourceText));
    }

    [Fact]
    public void A_large_set_is_cut_into_units_that_an_edit_or_a_new_type_changes_one_at_a_time()
    {
        // The HPP model's types, copied under new names until there are more pieces than units.
        GeneratorRunResult run = GeneratorHarness.CreateDriver(GeneratorHarness.HppSchemas()).RunGenerators(GeneratorHarness.CreateCompilation("class A { }")).GetRunResult().Results.Single();
        var model = (GenerationSpec)Assert.Single(run.TrackedSteps[SchemaGenerator.Steps.Model].SelectMany(s => s.Outputs)).Value;
        List<TypeSpec> types = Enumerable.Range(0, 1500).Select(i => model.Types[i % model.Types.Count] with { Name = "T" + i, HintName = "T" + i + ".g.cs" }).ToList();
        GenerationSpec large = model with { Types = types.ToEquatableArray() };

        EquatableArray<EmitUnit> units = EmitUnits.Of(large);
        Assert.InRange(units.Count, 2, EmitUnits.Slots);
        Assert.Equal(types, units.SelectMany(u => u.Types).OrderBy(t => int.Parse(t.Name[1..], System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal(model.Validators.OrderBy(v => v.HintName, System.StringComparer.Ordinal), units.SelectMany(u => u.Validators).OrderBy(v => v.HintName, System.StringComparer.Ordinal));

        // One type edited: one unit differs. One type added among the others (the model orders them
        // by name): one unit differs or is new, whatever its place.
        var edited = new List<TypeSpec>(types) { [700] = types[700] with { Namespace = types[700].Namespace + ".Edited" } };
        Assert.Single(Changed(units, EmitUnits.Of(large with { Types = edited.ToEquatableArray() })));
        var added = new List<TypeSpec>(types);
        added.Insert(3, types[3] with { Name = "T1500", HintName = "T1500.g.cs" });
        Assert.Single(Changed(units, EmitUnits.Of(large with { Types = added.ToEquatableArray() })));

        // A small set keeps one piece per unit, types first.
        Assert.All(EmitUnits.Of(model), u => Assert.Equal(1, u.Types.Count + u.Validators.Count));
    }

    /// <summary>The units of <paramref name="after"/> that no unit of <paramref name="before"/> equals.</summary>
    private static List<EmitUnit> Changed(EquatableArray<EmitUnit> before, EquatableArray<EmitUnit> after)
        => after.Where(u => !before.Contains(u)).ToList();

    [Fact]
    public void A_large_set_edited_gives_the_output_of_a_fresh_run()
    {
        // 400 documents: 1,200 types and 400 validator files, emitted in units. Without step
        // tracking: Roslyn records each output's steps as a tree, which at this size never ends.
        const int N = 400;
        List<AdditionalText> schemas = Enumerable.Range(0, N).Select(i => (AdditionalText)new InMemoryAdditionalText($"/ring/s{i}.schema.json", RingSchema(i, N, "number"))).ToList();
        CSharpCompilation compilation = GeneratorHarness.CreateCompilation("class A { }");
        GeneratorDriver driver = GeneratorHarness.CreateDriver(schemas, track: false).RunGenerators(compilation);
        AdditionalText original = schemas[5];
        var edited = new InMemoryAdditionalText(original.Path, RingSchema(5, N, "string").Replace("\"title\": \"Synthetic5\"", "\"title\": \"Synthetic5\", \"description\": \"Edited.\"", System.StringComparison.Ordinal));
        GeneratorRunResult second = driver.ReplaceAdditionalText(original, edited).RunGenerators(compilation).GetRunResult().Results.Single();
        Assert.Contains(second.GeneratedSources, g => g.SourceText.ToString().Contains("Edited.", System.StringComparison.Ordinal));

        schemas[5] = edited;
        GeneratorRunResult fresh = GeneratorHarness.CreateDriver(schemas, track: false).RunGenerators(compilation).GetRunResult().Results.Single();
        Assert.Equal(fresh.GeneratedSources.Select(g => g.HintName + g.SourceText), second.GeneratedSources.Select(g => g.HintName + g.SourceText));
    }

    [Fact]
    public void Two_groups_asking_for_one_inline_name_are_modeled_as_one_set()
    {
        // Two unrelated documents (two groups) whose inline objects both ask for FooBarBaz: the
        // merge sees the clash and the whole set is modeled at once, which names them apart.
        var files = new[]
        {
            ("/s/foo.schema.json", "{\"title\": \"Foo\", \"type\": \"object\", \"properties\": {\"barBaz\": {\"type\": \"object\", \"properties\": {\"a\": {\"type\": \"string\"}}}}}"),
            ("/s/foobar.schema.json", "{\"title\": \"FooBar\", \"type\": \"object\", \"properties\": {\"baz\": {\"type\": \"object\", \"properties\": {\"b\": {\"type\": \"integer\"}}}}}"),
        };
        GeneratorRunResult run = GeneratorHarness.CreateDriver(files).RunGenerators(GeneratorHarness.CreateCompilation("class A { }")).GetRunResult().Results.Single();
        Assert.Equal(2, run.TrackedSteps[SchemaGenerator.Steps.GroupModels].SelectMany(s => s.Outputs).Count());
        Assert.Null(Assert.Single(run.TrackedSteps[SchemaGenerator.Steps.Merge].SelectMany(s => s.Outputs)).Value);
        Assert.NotNull(Assert.Single(run.TrackedSteps[SchemaGenerator.Steps.WholeSet].SelectMany(s => s.Outputs)).Value);

        var result = GeneratorHarness.Run(files);
        Assert.Empty(result.CompileDiagnostics.Select(d => d.ToString()));
        string all = string.Join("\n", result.Run.GeneratedSources.Select(s => s.SourceText.ToString()));
        Assert.Contains("record FooBarBaz", all, System.StringComparison.Ordinal);
        Assert.Contains("record FooBarBaz2", all, System.StringComparison.Ordinal);
    }

    /// <summary>Runs the HPP schemas, edits the one whose path ends with <paramref name="file"/>, and runs the warm driver again.</summary>
    private static GeneratorRunResult RunAfterEdit(string file, System.Func<string, string> edit)
    {
        List<AdditionalText> schemas = GeneratorHarness.HppSchemas().Select(s => (AdditionalText)new InMemoryAdditionalText(s.Path, s.Text)).ToList();
        CSharpCompilation compilation = GeneratorHarness.CreateCompilation("class A { }");
        GeneratorDriver driver = GeneratorHarness.CreateDriver(schemas).RunGenerators(compilation);
        AdditionalText original = schemas.Single(s => s.Path.EndsWith(file, System.StringComparison.Ordinal));
        driver = driver.ReplaceAdditionalText(original, new InMemoryAdditionalText(original.Path, edit(original.GetText()!.ToString())));
        return driver.RunGenerators(compilation).GetRunResult().Results.Single();
    }

    /// <summary>The types whose spec the run changed at the given step (by default the model's units of emission).</summary>
    private static List<string> ModifiedTypes(GeneratorRunResult run, string step = SchemaGenerator.Steps.Units)
        => run.TrackedSteps[step].SelectMany(s => s.Outputs)
            .Where(o => o.Reason is IncrementalStepRunReason.Modified or IncrementalStepRunReason.New)
            .SelectMany(o => o.Value switch
            {
                HppSchemaGen.Generator.Model.EmitUnit u => u.Types,
                HppSchemaGen.Generator.Emit.UnitInEmission u => u.Types,
                _ => throw new System.InvalidOperationException(o.Value.GetType().Name),
            })
            .Select(t => t.Name).ToList();
}
