using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using System.Text.Json;
using HppSchemaGen.Generator;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Emit;

namespace HppSchemaGen.Testing.Conformance;

/// <summary>
/// Runs JSON-Schema-Test-Suite files through the real generator: each group's schema (plus the
/// remotes it mentions, under their http://localhost:1234/ URIs) is generated in its own namespace,
/// everything generated for one file is compiled into one in-memory assembly, and every test's
/// data goes through the emitted <c>Root.Validate(JsonElement)</c>. A schema or remote that names no
/// dialect is given the <c>$schema</c> of the draft under test, as the suite prescribes.
/// </summary>
public sealed class SuiteRunner
{
    private const string RemoteBase = "http://localhost:1234/";

    /// <summary>The suite's draft folders this runner knows, oldest first.</summary>
    public static readonly IReadOnlyList<string> Drafts = new[] { "draft4", "draft6", "draft7", "draft2019-09", "draft2020-12" };

    /// <summary>The <c>$schema</c> URI of a draft folder of the suite.</summary>
    public static string MetaSchemaUri(string draft) => draft switch
    {
        "draft4" => "http://json-schema.org/draft-04/schema#",
        "draft6" => "http://json-schema.org/draft-06/schema#",
        "draft7" => "http://json-schema.org/draft-07/schema#",
        "draft2019-09" => "https://json-schema.org/draft/2019-09/schema",
        "draft2020-12" => "https://json-schema.org/draft/2020-12/schema",
        _ => throw new ArgumentException("unknown draft " + draft),
    };

    private readonly string _root;
    private readonly List<(string Relative, string Uri, string Text)> _remotes;

    public SuiteRunner(string suiteRoot)
    {
        _root = suiteRoot;
        string remotes = Path.Combine(suiteRoot, "remotes");
        _remotes = Directory.GetFiles(remotes, "*.json", SearchOption.AllDirectories)
            .OrderBy(p => p, StringComparer.Ordinal)
            .Select(p =>
            {
                string rel = Path.GetRelativePath(remotes, p).Replace('\\', '/');
                return (rel, RemoteBase + rel, File.ReadAllText(p));
            })
            .ToList();
    }

    /// <summary>Finds the vendored suite by walking up from <paramref name="start"/>.</summary>
    public static string Locate(string start)
    {
        string? dir = start;
        while (dir is not null)
        {
            string candidate = Path.Combine(dir, "tests", "JSON-Schema-Test-Suite");
            if (Directory.Exists(candidate)) return candidate;
            dir = Path.GetDirectoryName(dir);
        }
        throw new DirectoryNotFoundException("tests/JSON-Schema-Test-Suite not found above " + start);
    }

    /// <summary>Suite files of a draft and category: "required", "optional" (optional/*.json) or "format" (optional/format).</summary>
    public IReadOnlyList<string> Files(string draft, string category)
    {
        string dir = Path.Combine(_root, "tests", draft);
        string sub = category switch
        {
            "required" => dir,
            "optional" => Path.Combine(dir, "optional"),
            "format" => Path.Combine(dir, "optional", "format"),
            _ => throw new ArgumentException("unknown category " + category),
        };
        return Directory.GetFiles(sub, "*.json").OrderBy(p => p, StringComparer.Ordinal)
            .Select(p => Path.GetRelativePath(dir, p).Replace('\\', '/')).ToList();
    }

    /// <summary>The test groups of a suite file, as JSON.</summary>
    public JsonElement[] Groups(string draft, string relativeFile)
    {
        using JsonDocument suite = JsonDocument.Parse(File.ReadAllText(Path.Combine(_root, "tests", draft, relativeFile)));
        return suite.RootElement.EnumerateArray().Select(g => g.Clone()).ToArray();
    }

    public IReadOnlyList<SuiteResult> RunFile(string draft, string relativeFile, bool formatAssertion)
    {
        string path = Path.Combine(_root, "tests", draft, relativeFile);
        using JsonDocument suite = JsonDocument.Parse(File.ReadAllText(path));
        JsonElement[] groups = suite.RootElement.EnumerateArray().ToArray();

        var trees = new List<(int Group, SyntaxTree Tree)>();
        var broken = new Dictionary<int, string>();
        for (int g = 0; g < groups.Length; g++)
        {
            try
            {
                foreach (SyntaxTree tree in Generate(draft, relativeFile, g, groups[g].GetProperty("schema").GetRawText(), formatAssertion))
                    trees.Add((g, tree));
            }
            catch (Exception e)
            {
                broken[g] = "generator threw " + e.GetType().Name + ": " + e.Message;
            }
        }

        Assembly? assembly = null;
        AssemblyLoadContext? context = null;
        // Compile; a group whose code does not compile is dropped (and fails), the rest still run.
        while (trees.Count > 0)
        {
            CSharpCompilation compilation = CSharpCompilation.Create("Suite_" + Guid.NewGuid().ToString("N"), trees.Select(t => t.Tree), CompilationReferences.All, CompilationReferences.Options(warningsAsErrors: true));
            using var stream = new MemoryStream();
            EmitResult emit = compilation.Emit(stream);
            if (emit.Success)
            {
                stream.Position = 0;
                context = new AssemblyLoadContext("suite", isCollectible: true);
                assembly = context.LoadFromStream(stream);
                break;
            }
            var bad = emit.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)
                .Select(d => (Group: trees.FirstOrDefault(t => t.Tree == d.Location.SourceTree).Group, Diagnostic: d))
                .Where(x => x.Diagnostic.Location.SourceTree is not null)
                .ToList();
            if (bad.Count == 0)
            {
                foreach (int g in trees.Select(t => t.Group).Distinct()) broken[g] = "compilation failed: " + emit.Diagnostics.First(d => d.Severity == DiagnosticSeverity.Error);
                trees.Clear();
                break;
            }
            foreach (var x in bad)
            {
                if (!broken.ContainsKey(x.Group)) broken[x.Group] = "generated code does not compile: " + x.Diagnostic;
            }
            trees.RemoveAll(t => broken.ContainsKey(t.Group));
        }

        var results = new List<SuiteResult>();
        try
        {
            for (int g = 0; g < groups.Length; g++)
            {
                string groupName = groups[g].GetProperty("description").GetString()!;
                Func<JsonElement, ValidationResult>? validate = null;
                string? problem = broken.TryGetValue(g, out string? why) ? why : null;
                if (problem is null)
                {
                    MethodInfo? method = assembly?.GetType("Conformance.G" + g + ".Root")?.GetMethod("Validate", new[] { typeof(JsonElement) });
                    if (method is null) problem = "no Root.Validate generated";
                    else validate = method.CreateDelegate<Func<JsonElement, ValidationResult>>();
                }
                foreach (JsonElement test in groups[g].GetProperty("tests").EnumerateArray())
                {
                    string name = test.GetProperty("description").GetString()!;
                    bool expected = test.GetProperty("valid").GetBoolean();
                    bool? actual = null;
                    string? testProblem = problem;
                    if (validate is not null)
                    {
                        try
                        {
                            actual = validate(test.GetProperty("data")).IsValid;
                        }
                        catch (Exception e)
                        {
                            testProblem = "validator threw " + e.GetType().Name + ": " + e.Message;
                        }
                    }
                    results.Add(new SuiteResult(draft, relativeFile, g, groupName, name, expected, actual, testProblem));
                }
            }
        }
        finally
        {
            context?.Unload();
        }
        return results;
    }

    private IEnumerable<SyntaxTree> Generate(string draft, string file, int group, string schema, bool formatAssertion)
    {
        string schemaPath = "/suite/" + draft + "/" + file + "/g" + group + ".json";
        string dialect = MetaSchemaUri(draft);
        var texts = new List<AdditionalText> { new InMemoryAdditionalText(schemaPath, WithDialect(schema, dialect)) };
        var perFile = new Dictionary<string, IReadOnlyDictionary<string, string>>
        {
            [schemaPath] = new Dictionary<string, string> { ["build_metadata.AdditionalFiles.HppSchemaGenTypeName"] = "Root" },
        };
        foreach (var remote in RemotesFor(draft, schema))
        {
            string remotePath = "/remotes/" + remote.Relative;
            texts.Add(new InMemoryAdditionalText(remotePath, WithDialect(remote.Text, dialect)));
            perFile[remotePath] = new Dictionary<string, string> { ["build_metadata.AdditionalFiles.HppSchemaGenBaseUri"] = remote.Uri };
        }
        var global = new Dictionary<string, string>
        {
            ["build_property.HppSchemaGenNamespace"] = "Conformance.G" + group,
            ["build_property.HppSchemaGenFormatAssertion"] = formatAssertion ? "true" : "false",
        };
        GeneratorDriver driver = CSharpGeneratorDriver.Create(
            new[] { new SchemaGenerator().AsSourceGenerator() }, texts, CompilationReferences.ParseOptions, new TestOptionsProvider(global, perFile));
        driver = driver.RunGenerators(CSharpCompilation.Create("Empty", references: CompilationReferences.All));
        GeneratorRunResult run = driver.GetRunResult().Results.Single();
        if (run.Exception is not null) throw run.Exception;
        return run.GeneratedSources.Select(s => s.SyntaxTree).ToList();
    }

    /// <summary>
    /// <paramref name="schema"/> with <c>"$schema": dialect</c> as its first member when it is an
    /// object that names no dialect of its own (a boolean schema is left as it is).
    /// </summary>
    public static string WithDialect(string schema, string dialect)
    {
        int open = 0;
        while (open < schema.Length && char.IsWhiteSpace(schema[open])) open++;
        if (open == schema.Length || schema[open] != '{') return schema;
        using (JsonDocument doc = JsonDocument.Parse(schema))
        {
            if (doc.RootElement.TryGetProperty("$schema", out _)) return schema;
        }
        int next = open + 1;
        while (next < schema.Length && char.IsWhiteSpace(schema[next])) next++;
        string member = "\"$schema\": " + JsonSerializer.Serialize(dialect);
        return schema.Substring(0, open + 1) + member + (schema[next] == '}' ? string.Empty : ", ") + schema.Substring(open + 1);
    }

    /// <summary>
    /// Runs the generator once over every file of remotes/, each under its http://localhost:1234/ URI
    /// and as written (no dialect supplied), and compiles what it emits: the generator's diagnostics,
    /// then the compiler's errors.
    /// </summary>
    public (IReadOnlyList<Diagnostic> Generator, IReadOnlyList<Diagnostic> Compiler) BuildAllRemotes()
    {
        var texts = new List<AdditionalText>();
        var perFile = new Dictionary<string, IReadOnlyDictionary<string, string>>();
        foreach (var remote in _remotes)
        {
            string remotePath = "/remotes/" + remote.Relative;
            texts.Add(new InMemoryAdditionalText(remotePath, remote.Text));
            perFile[remotePath] = new Dictionary<string, string> { ["build_metadata.AdditionalFiles.HppSchemaGenBaseUri"] = remote.Uri };
        }
        var global = new Dictionary<string, string> { ["build_property.HppSchemaGenNamespace"] = "Remotes" };
        GeneratorDriver driver = CSharpGeneratorDriver.Create(
            new[] { new SchemaGenerator().AsSourceGenerator() }, texts, CompilationReferences.ParseOptions, new TestOptionsProvider(global, perFile));
        driver = driver.RunGeneratorsAndUpdateCompilation(
            CSharpCompilation.Create("Remotes", references: CompilationReferences.All, options: CompilationReferences.Options(warningsAsErrors: true)),
            out Compilation output, out ImmutableArray<Diagnostic> diagnostics);
        GeneratorRunResult run = driver.GetRunResult().Results.Single();
        if (run.Exception is not null) throw run.Exception;
        return (diagnostics, output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList());
    }

    /// <summary>The remotes a schema mentions by file name, and the ones those mention, transitively.</summary>
    private List<(string Relative, string Uri, string Text)> RemotesFor(string draft, string schema)
    {
        var chosen = new List<(string Relative, string Uri, string Text)>();
        var pending = new Queue<string>();
        pending.Enqueue(schema);
        while (pending.Count > 0)
        {
            string text = pending.Dequeue();
            if (!text.Contains("localhost:1234", StringComparison.Ordinal) && chosen.Count == 0 && !text.Contains(".json", StringComparison.Ordinal)) continue;
            foreach (var remote in _remotes)
            {
                if (chosen.Contains(remote)) continue;
                string fileName = Path.GetFileName(remote.Relative);
                string dir = remote.Relative.Contains('/') ? remote.Relative.Substring(0, remote.Relative.IndexOf('/')) : string.Empty;
                bool draftOk = dir.Length == 0 || !dir.StartsWith("draft", StringComparison.Ordinal) || text.Contains(dir, StringComparison.Ordinal) || dir == draft;
                if (draftOk && text.Contains(fileName, StringComparison.Ordinal))
                {
                    chosen.Add(remote);
                    pending.Enqueue(remote.Text);
                }
            }
        }
        return chosen;
    }
}
