using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using System.Threading;
using System.Threading.Tasks;
using HppSchemaGen.Tests.Infrastructure;
using HppSchemaGen.Tests.ObjectValidation;
using Xunit;
using Xunit.Abstractions;
using Sources = HppSchemaGen.Tests.ObjectValidation.ObjectValidationEquivalenceTests;

namespace HppSchemaGen.Tests.Parsing;

/// <summary>
/// <c>Parse</c>/<c>TryParse</c> of every generated record (the one-pass reader when the record has
/// one, the validate-then-deserialize path otherwise) give exactly what the two-step path gives on
/// the same bytes: <c>JsonDocument.Parse</c> (malformed when it throws), <c>Validate(JsonElement)</c>
/// (same errors), then <c>JsonSerializer.Deserialize</c> through the context (malformed when it
/// throws; otherwise the same value, compared as the context writes it). Every entry point is held
/// to it: span, string, seekable and non-seekable streams read synchronously and asynchronously.
/// Inputs: the corpus instances, the HPP examples, hand-made tricky variants of valid documents
/// (nulls, duplicates, escaped names, numbers and dates the reader must refuse, unknown members,
/// broken UTF-8, lone surrogates, deep nesting, trailing text, truncation), the random values of
/// <see cref="ObjectValidationEquivalenceTests"/> serialized, and small probe schemas aimed at what
/// reading a record could lose (<see cref="Probes"/>). The HPP schemas and the corpus are the
/// assemblies that class compiles (compiled once, shared). 20 MB documents are in
/// <see cref="ParseEquivalenceHeavyTests"/>. A mismatch is reported with the input's bytes, what
/// the one-pass path did with them, the reference outcome and each form's.
/// </summary>
public class ParseEquivalenceTests
{
    private readonly ITestOutputHelper _output;

    public ParseEquivalenceTests(ITestOutputHelper output) => _output = output;

    // ------------------------------------------------------------------------------------------
    // Rows
    // ------------------------------------------------------------------------------------------

    /// <summary>One row per record of each source (HPP, corpus) that has the span <c>Parse</c>, and per list-of-records root.</summary>
    public static TheoryData<string, string> Records()
    {
        var data = new TheoryData<string, string>();
        foreach (string source in new[] { Sources.Hpp, Sources.Corpus })
        {
            Sources.Source s = Sources.s_sources[source].Value;
            if (s.Assembly is null) data.Add(source, "(no assembly)");
            foreach (Type t in s.Types.Where(t => Shapes.IsRecord(t) && Shapes.HasSpanParse(t))) data.Add(source, t.FullName!);
            foreach (Type t in (s.Assembly?.GetTypes() ?? Array.Empty<Type>()).Where(t => t.IsVisible && Shapes.IsListRoot(t)).OrderBy(t => t.FullName, StringComparer.Ordinal))
                data.Add(source, t.FullName!);
        }
        return data;
    }

    /// <summary>The corpus schemas whose root has the span <c>Parse</c> of a class: records, unions, lists of records.</summary>
    public static TheoryData<string> CorpusSchemas()
    {
        var data = new TheoryData<string>();
        foreach (string name in Corpus.Names())
        {
            Type? root = Corpus.RootType(name);
            if (root is not null && (Shapes.HasSpanParse(root) || Shapes.IsListRoot(root))) data.Add(name);
        }
        return data;
    }

    /// <summary>Tricky variants: every HPP record (from a hand-written valid document), every corpus record or list-of-records root (from its valid instances).</summary>
    public static TheoryData<string, string> VariantRows()
    {
        var data = new TheoryData<string, string>();
        foreach (string type in HppDocuments.Valid.Keys.OrderBy(k => k, StringComparer.Ordinal)) data.Add(Sources.Hpp, type);
        foreach (string name in Corpus.Names())
            if (Corpus.RootType(name) is Type root && (Shapes.IsRecord(root) && Shapes.HasSpanParse(root) || Shapes.IsListRoot(root)) && Corpus.ValidObjectInstances(name).Count > 0)
                data.Add(Sources.Corpus, name);
        return data;
    }

    // ------------------------------------------------------------------------------------------
    // Tests
    // ------------------------------------------------------------------------------------------

    [Fact]
    public void Every_type_with_Parse_has_every_entry_point_and_HPP_records_read_in_one_pass()
    {
        var problems = new List<string>();
        int readers = 0, records = 0, withParse = 0;
        foreach (string source in new[] { Sources.Hpp, Sources.Corpus })
        {
            Sources.Source s = Sources.s_sources[source].Value;
            Assert.True(s.Assembly is not null, source + " does not compile:\n" + s.Diagnostics);
            // Every type with the span Parse: records, unions, and the schema classes of primitive roots.
            foreach (Type t in s.Assembly!.GetTypes().Where(t => t.IsVisible))
            {
                if (t.GetMethod("Parse", BindingFlags.Public | BindingFlags.Static | BindingFlags.DeclaredOnly, new[] { typeof(ReadOnlySpan<byte>) }) is null) continue;
                withParse++;
                foreach (string missing in Shapes.MissingEntryPoints(t)) problems.Add($"{t.FullName}: no {missing}");
            }
            foreach (Type t in s.Types.Where(t => Shapes.IsRecord(t) && Shapes.HasSpanParse(t)))
            {
                records++;
                if (Shapes.Reader(t) is not null) readers++;
                else if (source == Sources.Hpp) problems.Add($"{t.FullName}: no one-pass reader (the context's __T_{t.Name}.Read)");
            }
        }
        _output.WriteLine($"{withParse} types with Parse; {records} records with Parse, {readers} with a one-pass reader");
        Assert.True(problems.Count == 0, string.Join("\n", problems));
        Assert.True(Sources.s_sources[Sources.Hpp].Value.Types.Count(Shapes.IsRecord) >= 11, "fewer than 11 HPP records");
        Assert.True(readers > 11, "no corpus record has a one-pass reader");
    }

    [Theory]
    [MemberData(nameof(CorpusSchemas))]
    public void Corpus_instances_parse_as_the_two_step_path_does(string schema)
    {
        Type root = Corpus.RootType(schema)!;
        IParseOps ops = ParseOps.For(Sources.Corpus, root);
        var run = new Run(ops);
        int i = 0;
        foreach (string instance in Corpus.InstanceTexts(schema)) run.Check("instance " + i++, Encoding.UTF8.GetBytes(instance));
        run.AssertNoMismatch(_output);
    }

    [Fact]
    public void Hpp_examples_parse_as_the_two_step_path_does()
    {
        var runs = new Dictionary<string, Run>();
        foreach ((string type, string label, string json) in HppDocuments.Examples)
        {
            if (!runs.TryGetValue(type, out Run? run)) runs[type] = run = new Run(ParseOps.For(Sources.Hpp, "Klarna.Hpp." + type));
            run.Check(label, Encoding.UTF8.GetBytes(json));
        }
        // The documented examples are valid and in the form the readers take: they must not fall back.
        foreach ((string type, string label, string json) in HppDocuments.Examples.Where(e => e.Label.StartsWith("documented", StringComparison.Ordinal)))
        {
            IParseOps ops = runs[type].Ops;
            byte[] bytes = Encoding.UTF8.GetBytes(json);
            Assert.Equal("valid", ops.Reference(bytes).Kind);
            Assert.Equal(FastPath.Taken, ops.FastPath(bytes));
        }
        foreach (Run run in runs.Values) run.AssertNoMismatch(_output);
    }

    [Theory]
    [MemberData(nameof(VariantRows))]
    public void Tricky_variants_parse_as_the_two_step_path_does(string source, string name)
    {
        IParseOps ops;
        List<(string Label, JsonNode Document)> bases;
        if (source == Sources.Hpp)
        {
            ops = ParseOps.For(Sources.Hpp, "Klarna.Hpp." + name);
            bases = new() { ("base", JsonNode.Parse(HppDocuments.Valid[name])!) };
        }
        else
        {
            ops = ParseOps.For(Sources.Corpus, Corpus.RootType(name)!);
            // Instances valid all the way: the schema accepts them and the context deserializes them.
            bases = Corpus.ValidObjectInstances(name).Where(text => ops.Reference(Encoding.UTF8.GetBytes(text)).Kind == "valid")
                .Take(2).Select((text, i) => ("instance " + i, JsonNode.Parse(text)!)).ToList();
        }
        Assert.NotEmpty(bases);
        var run = new Run(ops);
        foreach ((string label, JsonNode document) in bases)
        {
            byte[] baseBytes = Variants.Write(document);
            // The starting point is valid (else the variants test little); for HPP it must also take the one-pass path.
            Assert.True(ops.Reference(baseBytes).Kind == "valid", $"{name} {label} is not valid: {ops.Reference(baseBytes)}");
            if (source == Sources.Hpp) Assert.Equal(FastPath.Taken, ops.FastPath(baseBytes));
            foreach ((string variant, byte[] bytes) in Variants.Of(document, ops.ValueType, fullTruncation: source == Sources.Hpp))
                run.Check(label + ": " + variant, bytes);
        }
        run.AssertNoMismatch(_output);
        // The variants must reach the one-pass path (when the record has a reader) and every outcome.
        // (Except 29-defaults: its instances leave out the members that have a default, and a record
        // holding a default the bytes lack must be judged on the bytes, so its reader always gives up.)
        Assert.True(!ops.HasReader || run.FastTaken > 0 || name == "29-defaults", $"no variant of {name} took the one-pass path");
        Assert.True(run.Valid > 0 && run.Invalid > 0 && run.Malformed > 0, run.Summary);
    }

    public static TheoryData<string> ProbeNames()
    {
        var data = new TheoryData<string>();
        foreach (Probes.Probe p in Probes.All) data.Add(p.Name);
        return data;
    }

    /// <summary>
    /// Small schemas beyond HPP and the corpus, each aimed at one way reading the record could lose
    /// what validating the bytes sees: members that hold their schema default when absent (judged
    /// present by the value validator) under minProperties, required-in-anyOf/oneOf/if,
    /// dependentRequired, dependencies; dates, uuids and numbers whose text the schema constrains.
    /// </summary>
    [Theory]
    [MemberData(nameof(ProbeNames))]
    public void Probe_schemas_parse_as_the_two_step_path_does(string name)
    {
        Probes.Probe probe = Probes.All.Single(p => p.Name == name);
        IParseOps ops = ParseOps.For(Probes.Source.Value, "Probe." + probe.Type);
        var run = new Run(ops);
        byte[] baseBytes = Encoding.UTF8.GetBytes(probe.Base);
        Assert.True(ops.Reference(baseBytes).Kind == "valid", $"{name}: the base document is not valid: {ops.Reference(baseBytes).Show()}");
        run.Check("base " + probe.Base, baseBytes);
        foreach (string input in probe.Inputs) run.Check(input, Encoding.UTF8.GetBytes(input));
        foreach ((string variant, byte[] bytes) in Variants.Of(JsonNode.Parse(probe.Base)!, ops.ValueType, fullTruncation: false)) run.Check(variant, bytes);
        run.AssertNoMismatch(_output);
    }

    [Theory]
    [MemberData(nameof(Records))]
    public void Random_values_parse_as_the_two_step_path_does(string source, string typeName)
    {
        Sources.Source s = Sources.s_sources[source].Value;
        Assert.True(s.Assembly is not null, source + " does not compile:\n" + s.Diagnostics);
        Type type = s.Assembly!.GetType(typeName, throwOnError: true)!;
        IParseOps ops = ParseOps.For(source, type);
        JsonTypeInfo typeInfo = s.TypeInfo(ops.ValueType)!;
        var run = new Run(ops);
        // Records: the cases ObjectValidationEquivalenceTests generates; list roots: lists of its record generators' values.
        IEnumerable<(string Label, object Value)> values = ops.ValueType == type
            ? Sources.CasesOf(source, type).Select(c => ($"case {c.Index} (seed {c.Seed})", c.Value))
            : ListRootValues(s, ops.ValueType);
        foreach ((string label, object value) in values)
        {
            byte[] bytes;
            try
            {
                bytes = JsonSerializer.SerializeToUtf8Bytes(value, typeInfo);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                continue; // counted (and bounded) by ObjectValidationEquivalenceTests
            }
            run.Check(label, bytes);
        }
        run.AssertNoMismatch(_output);
        Assert.True(run.Count > 0, "no random value could be written");
    }

    private static IEnumerable<(string Label, object Value)> ListRootValues(Sources.Source source, Type listType)
    {
        CsCheck.Gen<object?> gen = source.Generators.Root(listType);
        ulong seed = 0x5EED_0F_115700UL;
        for (int i = 0; i < 100; i++) yield return ($"list case {i} (seed {seed + (ulong)i})", gen.Generate(new CsCheck.PCG(1, seed + (ulong)i), null, out _)!);
    }

    /// <summary>
    /// The one-pass path builds the record and nothing else: no JsonDocument on top of what
    /// deserializing allocates. (The two-step path allocated the document's metadata too.)
    /// </summary>
    [Fact]
    public void Parse_of_the_documented_response_allocates_no_more_than_deserializing_it()
    {
        Sources.Source s = Sources.s_sources[Sources.Hpp].Value;
        Assert.True(s.Assembly is not null, s.Diagnostics);
        Type type = s.Assembly!.GetType("Klarna.Hpp.SessionCreationResponseV1", throwOnError: true)!;
        Type contextType = s.Assembly.GetType("Klarna.Hpp.SchemaJsonContext", throwOnError: true)!;
        object context = contextType.GetProperty("Default", BindingFlags.Public | BindingFlags.Static)!.GetValue(null)!;
        var typeInfo = (JsonTypeInfo)contextType.GetProperty("SessionCreationResponseV1")!.GetValue(context)!;
        IParseOps ops = ParseOps.For(Sources.Hpp, type);
        byte[] bytes = Encoding.UTF8.GetBytes(HppDocuments.SessionCreationResponseExample);
        Assert.Equal(FastPath.Taken, ops.FastPath(bytes));

        (long parse, long deserialize) = ops.Allocations(bytes, typeInfo, iterations: 100);
        string numbers = $"100 x Parse: {parse} bytes ({parse / 100} per call); 100 x JsonSerializer.Deserialize: {deserialize} bytes ({deserialize / 100} per call); ratio {(double)parse / deserialize:F3}";
        _output.WriteLine(numbers);
        Assert.True(deserialize > 0, numbers);
        Assert.True(parse <= deserialize * 1.05, numbers);
    }

    // ------------------------------------------------------------------------------------------
    // Checking one input
    // ------------------------------------------------------------------------------------------

    /// <summary>The inputs of one test against one type: every mismatch, and what the inputs exercised.</summary>
    internal sealed class Run
    {
        private const int MaxReported = 12;
        private readonly List<string> _mismatches = new();
        private readonly List<string> _others = new();

        public Run(IParseOps ops) => Ops = ops;

        public IParseOps Ops { get; }

        public int Count { get; private set; }

        public int Valid { get; private set; }

        public int Invalid { get; private set; }

        public int Malformed { get; private set; }

        public int Other { get; private set; }

        public int FastTaken { get; private set; }

        public int MismatchCount { get; private set; }

        public string Summary
            => $"{Ops.Type.FullName}{(Ops.HasReader ? "" : " (no one-pass reader)")}: {Count} inputs, reference {Valid} valid, {Invalid} invalid, {Malformed} malformed, {Other} other; one-pass path taken {FastTaken}; {MismatchCount} mismatching"
               + string.Concat(_others.Select(o => "\n  other: " + o));

        /// <summary>Inputs checked already (by content): the variants of small documents often coincide.</summary>
        private readonly HashSet<string> _seen = new(StringComparer.Ordinal);

        public void Check(string label, byte[] bytes)
        {
            if (!_seen.Add(Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(bytes)))) return;
            Count++;
            Outcome expected = Ops.Reference(bytes);
            switch (expected.Kind)
            {
                case "valid": Valid++; break;
                case "invalid": Invalid++; break;
                // Both throw a JsonException from Parse; the summary counts them together.
                case "malformed" or "unrepresentable": Malformed++; break;
                default:
                    Other++;
                    if (_others.Count < 3) _others.Add($"{label}: {expected.Show()}");
                    break;
            }
            // Large inputs: what the one-pass path does is worked out only to explain a mismatch (it reads them again).
            bool large = bytes.Length > 1024 * 1024;
            string? fast = large ? null : Ops.FastPath(bytes);
            if (fast == FastPath.Taken) FastTaken++;
            // Parse cannot return a null record: where the two-step path deserializes null, the reference
            // says so (unrepresentable), Parse throws and TryParse reports it.
            Outcome expectedParse = expected;

            var diffs = new List<(string Form, string Got)>();
            int forms = 0;
            void Compare(string form, Func<Outcome> actual, Outcome want)
            {
                forms++;
                Outcome got = actual();
                if (got != want) diffs.Add((form, got.Show()));
            }

            Compare("TryParse(ReadOnlySpan<byte>)", () => Ops.TryParseSpan(bytes), expected);
            Compare("Parse(ReadOnlySpan<byte>)", () => Ops.ParseSpan(bytes), expectedParse);
            if (StrictUtf8(bytes) is string text)
            {
                Compare("Parse(string)", () => Ops.ParseString(text), expectedParse);
                if (!large) Compare("TryParse(string)", () => Ops.TryParseString(text), expected);
            }
            // Large inputs: a few KB per Read (padded ones, 61 bytes), and one stream of each kind per form (each form costs seconds there).
            // Malformed ones (half the variants; every form throws, twice): fewer streams of the same kind.
            bool fewer = large || expected.Kind == "malformed";
            int chunk = large ? 4093 : bytes.Length > 2048 ? 61 : 1;
            if (!fewer) Compare("Parse(MemoryStream)", () => Ops.ParseStream(new MemoryStream(bytes)), expectedParse);
            if (!large) Compare("Parse(MemoryStream positioned after a prefix)", () => Ops.ParseStream(Streams.AfterPrefix(bytes)), expectedParse);
            Compare($"Parse(non-seekable stream, {chunk} byte(s) per Read)", () => Ops.ParseStream(new TrickleStream(bytes, chunk)), expectedParse);
            if (!fewer) Compare("ParseAsync(MemoryStream)", () => Ops.ParseStreamAsync(new MemoryStream(bytes)), expectedParse);
            Compare($"ParseAsync(non-seekable stream, {chunk} byte(s) per Read)", () => Ops.ParseStreamAsync(new TrickleStream(bytes, chunk)), expectedParse);
            Compare("TryParse(MemoryStream)", () => Ops.TryParseStream(new MemoryStream(bytes)), expected);
            if (!large) Compare($"TryParse(non-seekable stream, {chunk} byte(s) per Read)", () => Ops.TryParseStream(new TrickleStream(bytes, chunk)), expected);

            if (diffs.Count == 0) return;
            MismatchCount++;
            if (_mismatches.Count < MaxReported)
            {
                _mismatches.Add(
                    $"  {Ops.Type.FullName} | {label}\n" +
                    $"    input ({bytes.Length} bytes): {Show(bytes)}\n" +
                    $"    one-pass path: {fast ?? Ops.FastPath(bytes)}\n" +
                    $"    reference (JsonDocument + Validate(JsonElement) + Deserialize): {expected.Show()}\n" +
                    string.Join("\n", diffs.GroupBy(d => d.Got).Select(g =>
                        $"    {(g.Count() == forms ? $"all {forms} forms" : string.Join(", ", g.Select(d => d.Form)))}: {g.Key}")));
            }
        }

        public void AssertNoMismatch(ITestOutputHelper output)
        {
            output.WriteLine(Summary);
            Assert.True(MismatchCount == 0, $"Parse/TryParse disagree with the two-step path. {Summary}\n" + string.Join("\n", _mismatches));
        }
    }

    /// <summary>The text of <paramref name="bytes"/> when they are valid UTF-8 (so that the string encodes back to them).</summary>
    private static string? StrictUtf8(byte[] bytes)
    {
        try
        {
            return new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
    }

    /// <summary>The input as a C#-like literal: printable ASCII as is, everything else escaped (\xNN for bytes that are not UTF-8); long inputs shortened.</summary>
    internal static string Show(byte[] bytes)
    {
        const int max = 700;
        var sb = new StringBuilder();
        sb.Append('"');
        int shown = Math.Min(bytes.Length, max);
        foreach (byte b in bytes.AsSpan(0, shown))
        {
            if (b == '"') sb.Append("\\\"");
            else if (b == '\\') sb.Append("\\\\");
            else if (b >= 0x20 && b < 0x7F) sb.Append((char)b);
            else if (b == '\n') sb.Append("\\n");
            else if (b == '\r') sb.Append("\\r");
            else if (b == '\t') sb.Append("\\t");
            else sb.Append("\\x").Append(b.ToString("X2", CultureInfo.InvariantCulture));
        }
        sb.Append('"');
        if (bytes.Length > max) sb.Append($" ... ({bytes.Length - max} more bytes)");
        return sb.ToString();
    }
}

/// <summary>Inputs of tens of megabytes: run alone (see <see cref="HeavyCollection"/>).</summary>
[Collection(HeavyCollection.Name)]
public class ParseEquivalenceHeavyTests
{
    private readonly ITestOutputHelper _output;

    public ParseEquivalenceHeavyTests(ITestOutputHelper output) => _output = output;

    /// <summary>Every HPP record with a 20 MB string: in its first string member, and in an unknown member.</summary>
    [Fact]
    public void Twenty_megabyte_strings_parse_as_the_two_step_path_does()
    {
        foreach (string type in HppDocuments.Valid.Keys) ParseOps.For(Sources.Hpp, "Klarna.Hpp." + type); // compiled outside the time taken
        var watch = System.Diagnostics.Stopwatch.StartNew();
        string huge = new string('a', 20 * 1024 * 1024 - 7) + "é\\n\\u00e9"; // 20 MB, with a non-ASCII character and escapes at the end
        var runs = new System.Collections.Concurrent.ConcurrentBag<ParseEquivalenceTests.Run>();
        // The collection runs alone: two types at a time (the machine's cores), not more (each holds ~100 MB while it runs).
        Parallel.ForEach(HppDocuments.Valid.OrderBy(kv => kv.Key, StringComparer.Ordinal), new ParallelOptions { MaxDegreeOfParallelism = 2 }, kv =>
        {
            (string type, string json) = (kv.Key, kv.Value);
            IParseOps ops = ParseOps.For(Sources.Hpp, "Klarna.Hpp." + type);
            var run = new ParseEquivalenceTests.Run(ops);
            JsonNode document = JsonNode.Parse(json)!;
            string? member = Shapes.Members(ops.Type).Where(m => m.Type == typeof(string)).Select(m => m.Name).FirstOrDefault(n => document[n] is not null);
            if (member is not null)
                run.Check($"20 MB string in \"{member}\"", Variants.WithRawMember(document, member, "\"" + huge + "\""));
            // In an unknown member too: for the response, and for the record that has no string member at its root.
            if (member is null || type == "SessionCreationResponseV1")
                run.Check("20 MB string in an unknown member", Variants.WithRawMember(document, "zz_huge", "\"" + huge + "\""));
            runs.Add(run);
        });
        _output.WriteLine($"took {watch.Elapsed}");
        foreach (ParseEquivalenceTests.Run run in runs.OrderBy(r => r.Ops.Type.FullName, StringComparer.Ordinal)) run.AssertNoMismatch(_output);
    }
}

// ----------------------------------------------------------------------------------------------
// Outcomes: what a form of Parse/TryParse (or the reference) gave, comparable by value
// ----------------------------------------------------------------------------------------------

/// <summary>
/// valid (the value as the context writes it), invalid (the sorted errors), malformed (the
/// JsonException message), the value null, or an exception of another type.
/// </summary>
internal sealed record Outcome(string Kind, string Detail)
{
    public const string NullKind = "null value";

    public static Outcome Valid(string written) => new("valid", written);

    public static Outcome Invalid(IReadOnlyList<ValidationError> errors) => new("invalid", Describe(errors));

    public static Outcome Malformed(string message) => new("malformed", message);

    /// <summary>Well-formed and valid, but a value the generated type cannot hold: Parse throws, TryParse says so.</summary>
    public static Outcome Unrepresentable(string message) => new("unrepresentable", message);

    public static Outcome Null { get; } = new(NullKind, string.Empty);

    public static Outcome Threw(Exception e) => new("threw " + e.GetType().FullName, e.Message);

    public static string Describe(IReadOnlyList<ValidationError> errors)
        => string.Join("\n", errors
            .Select(e => $"{e.InstanceLocation} | {e.KeywordLocation} | {e.AbsoluteKeywordLocation ?? "-"} | {e.Message}")
            .OrderBy(s => s, StringComparer.Ordinal));

    public string Show()
    {
        string detail = Detail.Length > 600 ? Detail[..600] + $"... ({Detail.Length} chars)" : Detail;
        return Kind + (detail.Length == 0 ? string.Empty : Kind == "invalid" ? ":\n      " + detail.Replace("\n", "\n      ") : ": " + detail);
    }
}

internal static class FastPath
{
    public const string Taken = "taken (read in one pass, value valid)";
}

/// <summary>The forms of Parse/TryParse of one generated type, the reference, and the one-pass path by itself.</summary>
internal interface IParseOps
{
    /// <summary>The type that declares Parse: a record, a union, or the schema class of a root that is not one (a list of records).</summary>
    Type Type { get; }

    /// <summary>What Parse returns: the record or union itself, or the root's value type.</summary>
    Type ValueType { get; }

    bool HasReader { get; }

    /// <summary>JsonDocument.Parse (malformed when it throws JsonException), Validate(JsonElement), then Deserialize through the context.</summary>
    Outcome Reference(byte[] utf8);

    Outcome TryParseSpan(byte[] utf8);

    Outcome ParseSpan(byte[] utf8);

    Outcome ParseString(string json);

    Outcome TryParseString(string json);

    Outcome ParseStream(Stream stream);

    Outcome ParseStreamAsync(Stream stream);

    Outcome TryParseStream(Stream stream);

    /// <summary>What the one-pass path does with the bytes (<see cref="FastPath.Taken"/> or why it declines), run by hand.</summary>
    string FastPath(byte[] utf8);

    /// <summary>Bytes allocated by <paramref name="iterations"/> span Parses, then by as many Deserializes through <paramref name="typeInfo"/>, after warm-up.</summary>
    (long Parse, long Deserialize) Allocations(byte[] utf8, JsonTypeInfo typeInfo, int iterations);
}

internal static class ParseOps
{
    private static readonly Dictionary<Type, IParseOps> s_cache = new();

    public static IParseOps For(string source, string typeName) => For(Sources.s_sources[source].Value, typeName);

    public static IParseOps For(string source, Type type) => For(Sources.s_sources[source].Value, type);

    public static IParseOps For(Sources.Source source, string typeName)
    {
        Assert.True(source.Assembly is not null, "the schemas do not compile:\n" + source.Diagnostics);
        return For(source, source.Assembly!.GetType(typeName, throwOnError: true)!);
    }

    public static IParseOps For(Sources.Source source, Type type)
    {
        lock (s_cache)
        {
            if (s_cache.TryGetValue(type, out IParseOps? ops)) return ops;
            Type valueType = Shapes.ParseReturnType(type) ?? throw new InvalidOperationException(type.FullName + " has no span Parse");
            JsonTypeInfo typeInfo = source.TypeInfo(valueType) ?? throw new InvalidOperationException(valueType.FullName + " is in no context");
            try
            {
                ops = (IParseOps)Activator.CreateInstance(typeof(ParseOps<>).MakeGenericType(valueType), type, typeInfo)!;
            }
            catch (TargetInvocationException e) when (e.InnerException is not null)
            {
                throw e.InnerException;
            }
            s_cache[type] = ops;
            return ops;
        }
    }
}

internal sealed class ParseOps<T> : IParseOps
    where T : class
{
    private delegate T SpanParse(ReadOnlySpan<byte> utf8Json);

    private delegate bool SpanTryParse(ReadOnlySpan<byte> utf8Json, out T? value, out ValidationResult result);

    private delegate bool StringTryParse(string json, out T? value, out ValidationResult result);

    private delegate bool StreamTryParse(Stream utf8Json, out T? value, out ValidationResult result);

    private const string MalformedPrefix = "Malformed JSON: ";

    private const string UnrepresentablePrefix = "The JSON is valid against the schema, but the generated type cannot hold it: ";

    private const string NullValue = "the value is null (Parse returns a value; validate a document that may be null with Validate).";

    private readonly JsonTypeInfo<T> _typeInfo;
    private readonly Func<JsonElement, ValidationResult> _validate;
    private readonly SpanParse _parse;
    private readonly SpanTryParse _tryParse;
    private readonly Func<string, T> _parseString;
    private readonly Func<Stream, T> _parseStream;
    private readonly Func<Stream, CancellationToken, Task<T>> _parseAsync;
    private readonly StringTryParse _tryParseString;
    private readonly StreamTryParse _tryParseStream;
    private readonly FastReader<T>? _reader;
    private readonly Func<T, ValidationResult>? _validateValue;

    public ParseOps(Type declaring, JsonTypeInfo typeInfo)
    {
        Type t = declaring;
        Type v = typeof(T);
        Type = declaring;
        _typeInfo = (JsonTypeInfo<T>)typeInfo;
        _validate = Get(t, "Validate", typeof(JsonElement)).CreateDelegate<Func<JsonElement, ValidationResult>>();
        _parse = Get(t, "Parse", typeof(ReadOnlySpan<byte>)).CreateDelegate<SpanParse>();
        _tryParse = Get(t, "TryParse", typeof(ReadOnlySpan<byte>), v.MakeByRefType(), typeof(ValidationResult).MakeByRefType()).CreateDelegate<SpanTryParse>();
        _parseString = Get(t, "Parse", typeof(string)).CreateDelegate<Func<string, T>>();
        _parseStream = Get(t, "Parse", typeof(Stream)).CreateDelegate<Func<Stream, T>>();
        _parseAsync = Get(t, "ParseAsync", typeof(Stream), typeof(CancellationToken)).CreateDelegate<Func<Stream, CancellationToken, Task<T>>>();
        _tryParseString = Get(t, "TryParse", typeof(string), v.MakeByRefType(), typeof(ValidationResult).MakeByRefType()).CreateDelegate<StringTryParse>();
        _tryParseStream = Get(t, "TryParse", typeof(Stream), v.MakeByRefType(), typeof(ValidationResult).MakeByRefType()).CreateDelegate<StreamTryParse>();
        if (Shapes.Reader(t) is MethodInfo reader)
        {
            _reader = reader.CreateDelegate<FastReader<T>>();
            // The value validator: a record's instance Validate(), a schema class's static Validate(value).
            _validateValue = t == v
                ? t.GetMethod("Validate", BindingFlags.Public | BindingFlags.Instance, Type.EmptyTypes)!.CreateDelegate<Func<T, ValidationResult>>()
                : Get(t, "Validate", v).CreateDelegate<Func<T, ValidationResult>>();
        }
    }

    private static MethodInfo Get(Type t, string name, params Type[] parameters)
        => t.GetMethod(name, BindingFlags.Public | BindingFlags.Static | BindingFlags.DeclaredOnly, parameters)
           ?? throw new Xunit.Sdk.XunitException($"{t.FullName} has no public static {name}({string.Join(", ", parameters.Select(p => p.Name))})");

    public Type Type { get; }

    public Type ValueType => typeof(T);

    public bool HasReader => _reader is not null;

    /// <summary>The value as the context writes it; past a megabyte, its length and SHA-256 (comparing the text costs seconds there).</summary>
    private string Write(T value)
    {
        try
        {
            using var hash = new HashingStream();
            JsonSerializer.Serialize(hash, value, _typeInfo);
            if (hash.Length > 1024 * 1024) return $"(written: {hash.Length} bytes, SHA-256 {hash.Hash()})";
            return JsonSerializer.Serialize(value, _typeInfo);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return $"(writing the value threw {e.GetType().FullName}: {e.Message})";
        }
    }

    public Outcome Reference(byte[] utf8)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(utf8);
        }
        catch (JsonException e)
        {
            return Outcome.Malformed(e.Message);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return Outcome.Threw(e);
        }
        using (document)
        {
            try
            {
                ValidationResult result = _validate(document.RootElement);
                if (!result.IsValid) return Outcome.Invalid(result.Errors);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                return Outcome.Threw(e);
            }
        }
        T? value;
        try
        {
            value = JsonSerializer.Deserialize(utf8, _typeInfo);
        }
        catch (JsonException e) when (e.InnerException is InvalidOperationException or System.Text.DecoderFallbackException or ArgumentException)
        {
            // Text the document model left undecoded (invalid UTF-8, a lone surrogate): malformed.
            return Outcome.Malformed(e.Message);
        }
        catch (JsonException e)
        {
            // Valid, well-formed, and a value the type cannot hold (1e400 for a long).
            return Outcome.Unrepresentable(UnrepresentablePrefix + e.Message);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return Outcome.Threw(e);
        }
        return value is null ? Outcome.Unrepresentable(UnrepresentablePrefix + NullValue) : Outcome.Valid(Write(value));
    }

    private Outcome FromTry(bool ok, T? value, ValidationResult result)
    {
        if (ok) return value is null ? new Outcome("true with a null value", string.Empty) : !result.IsValid ? new Outcome("true with errors", Outcome.Describe(result.Errors)) : Outcome.Valid(Write(value));
        if (value is not null) return new Outcome("false with a value", Write(value));
        if (result.IsValid) return Outcome.Null;
        if (result.Errors.Count == 1 && result.Errors[0] is { InstanceLocation: "", KeywordLocation: "" } root && root.Message.StartsWith(UnrepresentablePrefix, StringComparison.Ordinal))
            return Outcome.Unrepresentable(root.Message);
        if (result.Errors.Any(e => e.Message.StartsWith("Malformed JSON", StringComparison.Ordinal)))
        {
            // Malformed JSON is one error at the root, the exception's message after the prefix.
            if (result.Errors.Count == 1 && result.Errors[0] is { InstanceLocation: "", KeywordLocation: "" } only && only.Message.StartsWith(MalformedPrefix, StringComparison.Ordinal))
                return Outcome.Malformed(only.Message[MalformedPrefix.Length..]);
            return new Outcome("malformed, reported oddly", Outcome.Describe(result.Errors));
        }
        return Outcome.Invalid(result.Errors);
    }

    private Outcome FromParse(Func<T> parse)
    {
        try
        {
            T value = parse();
            return value is null ? new Outcome("Parse returned null", string.Empty) : Outcome.Valid(Write(value));
        }
        catch (SchemaValidationException e)
        {
            return Outcome.Invalid(e.Errors);
        }
        catch (JsonException e) when (e.Message.StartsWith(UnrepresentablePrefix, StringComparison.Ordinal))
        {
            return Outcome.Unrepresentable(e.Message);
        }
        catch (JsonException e)
        {
            return Outcome.Malformed(e.Message);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return Outcome.Threw(e);
        }
    }

    private Outcome FromTry(Func<(bool, T?, ValidationResult)> tryParse)
    {
        try
        {
            (bool ok, T? value, ValidationResult result) = tryParse();
            return FromTry(ok, value, result);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return Outcome.Threw(e);
        }
    }

    public Outcome TryParseSpan(byte[] utf8) => FromTry(() => (_tryParse(utf8, out T? v, out ValidationResult r), v, r));

    public Outcome ParseSpan(byte[] utf8) => FromParse(() => _parse(utf8));

    public Outcome ParseString(string json) => FromParse(() => _parseString(json));

    public Outcome TryParseString(string json) => FromTry(() => (_tryParseString(json, out T? v, out ValidationResult r), v, r));

    public Outcome ParseStream(Stream stream) => FromParse(() => _parseStream(stream));

    /// <summary>Awaited on this thread, which runs the continuations (a thread-pool hop per call would cost more than the parse).</summary>
    public Outcome ParseStreamAsync(Stream stream) => FromParse(() => PumpingContext.Run(() => _parseAsync(stream, CancellationToken.None)));

    public Outcome TryParseStream(Stream stream) => FromTry(() => (_tryParseStream(stream, out T? v, out ValidationResult r), v, r));

    public string FastPath(byte[] utf8)
    {
        if (_reader is null) return "none (the record has no one-pass reader)";
        try
        {
            var reader = new Utf8JsonReader(utf8);
            if (!reader.Read()) return "declined: no token";
            if (!_reader(ref reader, out T? value)) return "declined by the reader";
            if (reader.Read()) return "declined: a token after the value";
            ValidationResult result = _validateValue!(value);
            return result.IsValid ? Parsing.FastPath.Taken : "declined: the value read is invalid (" + result.Errors.Count + " errors)";
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return "declined: threw " + e.GetType().Name;
        }
    }

    public (long Parse, long Deserialize) Allocations(byte[] utf8, JsonTypeInfo typeInfo, int iterations)
    {
        var info = (JsonTypeInfo<T>)typeInfo;
        SpanParse parse = _parse;
        for (int i = 0; i < 50; i++)
        {
            GC.KeepAlive(parse(utf8));
            GC.KeepAlive(JsonSerializer.Deserialize(utf8, info));
        }
        long start = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < iterations; i++) GC.KeepAlive(parse(utf8));
        long middle = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < iterations; i++) GC.KeepAlive(JsonSerializer.Deserialize(utf8, info));
        long end = GC.GetAllocatedBytesForCurrentThread();
        return (middle - start, end - middle);
    }
}

// ----------------------------------------------------------------------------------------------
// Streams
// ----------------------------------------------------------------------------------------------

/// <summary>A write-only stream that keeps only the length and SHA-256 of what is written.</summary>
internal sealed class HashingStream : Stream
{
    private readonly System.Security.Cryptography.IncrementalHash _hash = System.Security.Cryptography.IncrementalHash.CreateHash(System.Security.Cryptography.HashAlgorithmName.SHA256);
    private long _length;

    public string Hash() => Convert.ToHexString(_hash.GetHashAndReset());

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => _length;

    public override long Position
    {
        get => _length;
        set => throw new NotSupportedException();
    }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        _hash.AppendData(buffer);
        _length += buffer.Length;
    }

    public override void Flush()
    {
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing) _hash.Dispose();
        base.Dispose(disposing);
    }
}

internal static class Streams
{
    private static readonly byte[] s_prefix = Encoding.UTF8.GetBytes("NOT JSON {[\"");

    /// <summary>A seekable stream whose position is past a prefix that is not part of the document.</summary>
    public static MemoryStream AfterPrefix(byte[] bytes)
    {
        var stream = new MemoryStream(s_prefix.Length + bytes.Length);
        stream.Write(s_prefix);
        stream.Write(bytes);
        stream.Position = s_prefix.Length;
        return stream;
    }
}

/// <summary>Runs an async operation to its end on the calling thread: continuations posted to the context are run here.</summary>
internal sealed class PumpingContext : SynchronizationContext
{
    private readonly System.Collections.Concurrent.BlockingCollection<(SendOrPostCallback Callback, object? State)> _queue = new();

    public override void Post(SendOrPostCallback d, object? state) => _queue.Add((d, state));

    public override void Send(SendOrPostCallback d, object? state) => throw new NotSupportedException();

    public static T Run<T>(Func<Task<T>> start)
    {
        SynchronizationContext? previous = Current;
        var context = new PumpingContext();
        SetSynchronizationContext(context);
        try
        {
            Task<T> task = start();
            task.ContinueWith(_ => context._queue.CompleteAdding(), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            foreach ((SendOrPostCallback callback, object? state) in context._queue.GetConsumingEnumerable())
            {
                // Without a context while it runs, so that continuations it completes (ConfigureAwait(false) ones) run inline here too.
                SetSynchronizationContext(null);
                try
                {
                    callback(state);
                }
                finally
                {
                    SetSynchronizationContext(context);
                }
            }
            return task.GetAwaiter().GetResult();
        }
        finally
        {
            SetSynchronizationContext(previous);
        }
    }
}

/// <summary>A non-seekable stream that gives at most <c>chunk</c> bytes per read, synchronously or not.</summary>
internal sealed class TrickleStream : Stream
{
    private readonly byte[] _data;
    private readonly int _chunk;
    private int _position;
    private bool _yielded;

    public TrickleStream(byte[] data, int chunk)
    {
        _data = data;
        _chunk = chunk;
    }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        int n = Math.Min(Math.Min(_chunk, buffer.Length), _data.Length - _position);
        _data.AsSpan(_position, n).CopyTo(buffer);
        _position += n;
        return n;
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        // Completes asynchronously once, half way, as a network stream does now and then.
        if (!_yielded && _position >= _data.Length / 2)
        {
            _yielded = true;
            await Task.Yield();
        }
        return Read(buffer.Span);
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        => ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}

// ----------------------------------------------------------------------------------------------
// The generated types, by reflection
// ----------------------------------------------------------------------------------------------

internal static class Shapes
{
    /// <summary>A record or union with the span Parse (returning itself).</summary>
    public static bool HasSpanParse(Type t) => ParseReturnType(t) == t && t.IsClass;

    /// <summary>What the type's span Parse returns (null when it has none).</summary>
    public static Type? ParseReturnType(Type t)
        => t.GetMethod("Parse", BindingFlags.Public | BindingFlags.Static | BindingFlags.DeclaredOnly, new[] { typeof(ReadOnlySpan<byte>) })?.ReturnType;

    /// <summary>The schema class of a root that is a list of records (its Parse returns List&lt;R&gt;).</summary>
    public static bool IsListRoot(Type t)
        => t.IsAbstract && t.IsSealed && ParseReturnType(t) is Type v && ListItem(v) is Type item && IsRecord(item);

    /// <summary>The entry points every type with the span Parse must also have.</summary>
    public static IEnumerable<string> MissingEntryPoints(Type t)
    {
        MethodInfo? parse = t.GetMethod("Parse", BindingFlags.Public | BindingFlags.Static | BindingFlags.DeclaredOnly, new[] { typeof(ReadOnlySpan<byte>) });
        if (parse is null) yield break;
        Type v = parse.ReturnType;
        Type byRefV = (v.IsValueType && Nullable.GetUnderlyingType(v) is null ? typeof(Nullable<>).MakeGenericType(v) : v).MakeByRefType();
        Type byRefResult = typeof(ValidationResult).MakeByRefType();
        (string Name, Type[] Parameters, Type? Returns)[] expected =
        {
            ("Parse", new[] { typeof(string) }, v),
            ("Parse", new[] { typeof(Stream) }, v),
            ("ParseAsync", new[] { typeof(Stream), typeof(CancellationToken) }, typeof(Task<>).MakeGenericType(v)),
            ("TryParse", new[] { typeof(ReadOnlySpan<byte>), byRefV, byRefResult }, typeof(bool)),
            ("TryParse", new[] { typeof(string), byRefV, byRefResult }, typeof(bool)),
            ("TryParse", new[] { typeof(Stream), byRefV, byRefResult }, typeof(bool)),
        };
        foreach ((string name, Type[] parameters, Type? returns) in expected)
        {
            MethodInfo? m = t.GetMethod(name, BindingFlags.Public | BindingFlags.Static | BindingFlags.DeclaredOnly, parameters);
            if (m is null || m.ReturnType != returns)
                yield return $"public static {returns?.Name} {name}({string.Join(", ", parameters.Select(p => p.Name))})";
            else if (name == "ParseAsync" && !m.GetParameters()[1].HasDefaultValue)
                yield return "default value of ParseAsync's CancellationToken";
        }
    }

    /// <summary>A generated record (sealed, with the static validator and JSON members).</summary>
    public static bool IsRecord(Type t)
        => t.IsClass && t.IsSealed && !t.IsAbstract && t.GetMethod("<Clone>$") is not null
           && t.GetMethod("Validate", BindingFlags.Public | BindingFlags.Static | BindingFlags.DeclaredOnly, new[] { typeof(JsonElement) }) is not null
           && (Members(t).Count > 0 || HasExtensionData(t));

    public static bool IsEnum(Type t)
        => t.IsClass && t.GetMethod("From", BindingFlags.Public | BindingFlags.Static, new[] { typeof(string) }) is not null
           && t.GetProperty("KnownValues", BindingFlags.Public | BindingFlags.Static) is not null;

    public static IReadOnlyList<string> KnownValues(Type enumType)
        => ((System.Collections.IEnumerable)enumType.GetProperty("KnownValues", BindingFlags.Public | BindingFlags.Static)!.GetValue(null)!)
            .Cast<object>().Select(v => v.ToString()!).ToList();

    /// <summary>The declared members: JSON name and CLR type (Nullable unwrapped).</summary>
    public static IReadOnlyList<(string Name, Type Type)> Members(Type t)
        => t.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Select(p => (Name: p.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name, p.PropertyType))
            .Where(p => p.Name is not null)
            .Select(p => (p.Name!, Nullable.GetUnderlyingType(p.PropertyType) ?? p.PropertyType))
            .ToList();

    public static bool HasExtensionData(Type t)
        => t.GetProperties(BindingFlags.Public | BindingFlags.Instance).Any(p => p.GetCustomAttribute<JsonExtensionDataAttribute>() is not null);

    public static Type? ListItem(Type t)
        => t.IsGenericType && t.GetGenericTypeDefinition() == typeof(List<>) ? t.GetGenericArguments()[0] : null;

    /// <summary>The record's one-pass reader (<c>Read</c> of its metadata class, nested in the context), if it has one.</summary>
    public static MethodInfo? Reader(Type t)
        => t.Assembly.GetTypes().SingleOrDefault(n => n.Name == "__T_" + t.Name && n.DeclaringType?.IsSubclassOf(typeof(System.Text.Json.Serialization.JsonSerializerContext)) == true)
            ?.GetMethod("Read", BindingFlags.NonPublic | BindingFlags.Public | BindingFlags.Static);
}

// ----------------------------------------------------------------------------------------------
// Corpus
// ----------------------------------------------------------------------------------------------

internal static class Corpus
{
    private static string Directory => Path.Combine(DiagnosticTests.RepoRoot(), "tests", "corpus");

    public static IEnumerable<string> Names()
        => System.IO.Directory.GetFiles(Directory, "*.schema.json").OrderBy(f => f, StringComparer.Ordinal)
            .Select(f => Path.GetFileName(f)[..^".schema.json".Length]);

    /// <summary>The type generated for the schema's root (as CorpusTests finds it), null when there is none or several.</summary>
    public static Type? RootType(string name)
    {
        Assembly? assembly = Sources.s_sources[Sources.Corpus].Value.Assembly;
        if (assembly is null) return null;
        string ns = "Corpus.S" + name[..2];
        Type[] candidates = assembly.GetTypes()
            .Where(t => t.Namespace == ns && !t.IsNested && t.GetCustomAttribute<JsonSchemaSourceAttribute>() is { Pointer: "" })
            .ToArray();
        return candidates.Length == 1 ? candidates[0] : null;
    }

    /// <summary>Each instance as written in the file (escapes and number spellings kept).</summary>
    public static IReadOnlyList<string> InstanceTexts(string name)
    {
        using JsonDocument doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(Directory, name + ".instances.json")));
        return doc.RootElement.GetProperty("instances").EnumerateArray().Select(e => e.GetRawText()).ToList();
    }

    /// <summary>The instances that are objects (arrays for a list root), valid for the root type, and free of duplicate names (usable as variant bases).</summary>
    public static IReadOnlyList<string> ValidObjectInstances(string name)
    {
        Type? root = RootType(name);
        if (root is null) return Array.Empty<string>();
        var validate = root.GetMethod("Validate", BindingFlags.Public | BindingFlags.Static | BindingFlags.DeclaredOnly, new[] { typeof(JsonElement) })!
            .CreateDelegate<Func<JsonElement, ValidationResult>>();
        var result = new List<string>();
        foreach (string text in InstanceTexts(name))
        {
            using JsonDocument doc = JsonDocument.Parse(text);
            JsonValueKind kind = Shapes.IsListRoot(root) ? JsonValueKind.Array : JsonValueKind.Object;
            if (doc.RootElement.ValueKind != kind || !validate(doc.RootElement).IsValid) continue;
            try
            {
                JsonNode.Parse(text);
            }
            catch (Exception e) when (e is ArgumentException or JsonException)
            {
                continue;
            }
            result.Add(text);
        }
        return result;
    }
}

// ----------------------------------------------------------------------------------------------
// Variants of a valid document
// ----------------------------------------------------------------------------------------------

/// <summary>
/// Hand-made tricky variants of a valid document, member by member, at the root and in every nested
/// record the document reaches. Raw text the DOM cannot express (duplicates, escaped names, invalid
/// UTF-8, numbers as written) is spliced in for sentinel strings after writing.
/// </summary>
internal static class Variants
{
    private static readonly JsonSerializerOptions s_relaxed = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private const string ValueSentinel = "@@value-sentinel@@";
    private const string NameSentinel = "@@name-sentinel@@";
    private const string NameSentinel2 = "@@name-sentinel-2@@";

    private static byte[] U(string s) => Encoding.UTF8.GetBytes(s);

    public static byte[] Write(JsonNode document) => U(document.ToJsonString(s_relaxed));

    /// <summary>The document with member <paramref name="name"/> of the root set to <paramref name="rawValue"/> (JSON text).</summary>
    public static byte[] WithRawMember(JsonNode document, string name, string rawValue)
        => Build(document, Array.Empty<object>(), o => o[name] = ValueSentinel, (ValueSentinel, U(rawValue)));

    private sealed record Location(object[] Path, Type Type, int Depth);

    public static IEnumerable<(string Label, byte[] Bytes)> Of(JsonNode document, Type type, bool fullTruncation)
    {
        foreach (Location location in Locations(document, type))
        {
            string at = location.Path.Length == 0 ? "root" : "/" + string.Join("/", location.Path);
            foreach ((string label, byte[] bytes) in AtLocation(document, location)) yield return (at + ": " + label, bytes);
        }
        if (document is JsonArray items && items.Count > 0)
        {
            // A list root: its items twice, with a null, with an empty object.
            yield return ("document: the items twice", U("[" + string.Join(",", items.Concat(items).Select(i => i?.ToJsonString(s_relaxed) ?? "null")) + "]"));
            yield return ("document: the items and null", U("[" + string.Join(",", items.Select(i => i?.ToJsonString(s_relaxed) ?? "null")) + ",null]"));
            yield return ("document: null and the items", U("[null," + string.Join(",", items.Select(i => i?.ToJsonString(s_relaxed) ?? "null")) + "]"));
            yield return ("document: the items and {}", U("[" + string.Join(",", items.Select(i => i?.ToJsonString(s_relaxed) ?? "null")) + ",{}]"));
        }
        foreach ((string label, byte[] bytes) in Document(Write(document), fullTruncation)) yield return ("document: " + label, bytes);
    }

    /// <summary>The root (or the first two items of a list root) and each nested record object the document holds (two items of a list at most).</summary>
    private static List<Location> Locations(JsonNode document, Type type)
    {
        var result = new List<Location>();
        void Walk(JsonNode? node, object[] path, Type t, int depth)
        {
            if (node is not JsonObject obj || result.Count >= 12 || path.Length > 6) return;
            result.Add(new Location(path, t, depth));
            foreach ((string name, Type memberType) in Shapes.Members(t))
            {
                if (!obj.TryGetPropertyValue(name, out JsonNode? value) || value is null) continue;
                if (Shapes.IsRecord(memberType)) Walk(value, path.Append(name).ToArray(), memberType, depth + 1);
                else if (Shapes.ListItem(memberType) is Type item && Shapes.IsRecord(item) && value is JsonArray array)
                    for (int i = 0; i < Math.Min(array.Count, 2); i++) Walk(array[i], path.Append(name).Append(i).ToArray(), item, depth + 2);
            }
        }
        if (Shapes.ListItem(type) is Type root && document is JsonArray items)
            for (int i = 0; i < Math.Min(items.Count, 2); i++) Walk(items[i], new object[] { i }, root, 2);
        else Walk(document, Array.Empty<object>(), type, 1);
        return result;
    }

    private static byte[] Build(JsonNode document, object[] path, Action<JsonObject> mutate, params (string Sentinel, byte[] Raw)[] raw)
    {
        JsonNode copy = document.DeepClone();
        JsonNode at = copy;
        foreach (object step in path) at = step is string name ? at[name]! : at[(int)step]!;
        mutate(at.AsObject());
        byte[] bytes = Write(copy);
        foreach ((string sentinel, byte[] replacement) in raw) bytes = Replace(bytes, U("\"" + sentinel + "\""), replacement);
        return bytes;
    }

    private static byte[] Replace(byte[] bytes, byte[] pattern, byte[] replacement)
    {
        var result = new List<byte>(bytes.Length + replacement.Length);
        int i = 0;
        while (i < bytes.Length)
        {
            if (i <= bytes.Length - pattern.Length && bytes.AsSpan(i, pattern.Length).SequenceEqual(pattern))
            {
                result.AddRange(replacement);
                i += pattern.Length;
            }
            else result.Add(bytes[i++]);
        }
        return result.ToArray();
    }

    /// <summary>The members of <paramref name="o"/> with <paramref name="name"/> renamed, in place and in order.</summary>
    private static void Rename(JsonObject o, string name, string newName)
    {
        List<KeyValuePair<string, JsonNode?>> members = o.ToList();
        o.Clear();
        foreach (KeyValuePair<string, JsonNode?> m in members) o.Add(m.Key == name ? newName : m.Key, m.Value);
    }

    /// <summary>The members of <paramref name="o"/> with <paramref name="name"/> first.</summary>
    private static void AddFirst(JsonObject o, string name, JsonNode? value)
    {
        List<KeyValuePair<string, JsonNode?>> members = o.ToList();
        o.Clear();
        o.Add(name, value);
        foreach (KeyValuePair<string, JsonNode?> m in members) o.Add(m.Key, m.Value);
    }

    /// <summary>A JSON string literal of <paramref name="s"/> with its first character (or all) as a \u escape.</summary>
    private static string Escaped(string s, bool all = false)
    {
        var sb = new StringBuilder("\"");
        for (int i = 0; i < s.Length; i++)
        {
            if (i == 0 || all) sb.Append("\\u").Append(((int)s[i]).ToString("x4", CultureInfo.InvariantCulture));
            else if (s[i] is '"' or '\\') sb.Append('\\').Append(s[i]);
            else if (s[i] < 0x20) sb.Append("\\u").Append(((int)s[i]).ToString("x4", CultureInfo.InvariantCulture));
            else sb.Append(s[i]);
        }
        return sb.Append('"').ToString();
    }

    private static string Quoted(string s) => JsonSerializer.Serialize(s, s_relaxed);

    private static readonly string[] s_wrongTypes = { "1", "-0", "\"x\"", "\"\"", "true", "false", "{}", "[]" };

    private static readonly string[] s_integers =
    {
        "2.0", "1e2", "1E2", "1.0e0", "100e-2", "1.5", "0.5", "-1.5", "1e400", "-1e400", "1e-400", "-0", "0.0", "-0.0",
        new string('9', 400), "-" + new string('9', 400), "1" + new string('0', 399), "9223372036854775807", "9223372036854775808",
        "-9223372036854775808", "-9223372036854775809", "2147483647", "2147483648", "-2147483649", "12345678901234567890123456789.0",
        "1.0000000000000000000000000000001", "1.00000000000000000000000000000000000001", "9007199254740993", "9007199254740993.0", "\"12\"",
    };

    private static readonly string[] s_numbers =
    {
        "1e400", "-1e400", "1e-400", "-1e-400", "0.1", "0.1000000000000000000001", "1.00000000000000000000000000000001", "1.7976931348623157e308",
        "1.7976931348623159e308", "5e-324", "4.9e-324", "2e-324", "-0.0", "-0", "1e2", "123456789012345678901234567890", "3.4028235e38", "3.5e38",
        "79228162514264337593543950335", "79228162514264337593543950336", "0.30000000000000004", "9007199254740993", "\"1\"",
    };

    private static readonly string[] s_dates =
    {
        "2024-01-02T03:04:05Z", "2024-01-02T03:04:05+01:00", "2024-01-02T03:04:05.5-05:30", "2024-01-02T03:04:05.123456789Z",
        "2024-01-02T03:04:05.1234567Z", "2024-01-02T03:04:05.12345678901234567890Z", "2024-01-02T03:04:05", "2024-01-02T03:04:05.000",
        "2024-01-02t03:04:05Z", "2024-01-02T03:04:05z", "2024-01-02t03:04:05z", "2024-01-02 03:04:05Z", "2024-01-02", "03:04:05Z",
        "2024-01-02T03:04:05+14:00", "2024-01-02T03:04:05+15:00", "2024-01-02T03:04:05-00:00", "2024-01-02T03:04:05+0100", "2024-01-02T03:04:05+01",
        "2016-12-31T23:59:60Z", "2024-01-02T23:59:60Z", "2024-02-30T00:00:00Z", "2024-02-29T00:00:00Z", "2023-02-29T00:00:00Z", "2024-01-02T24:00:00Z",
        "0001-01-01T00:00:00+01:00", "0001-01-01T00:00:00Z", "9999-12-31T23:59:59-01:00", "9999-12-31T23:59:59.9999999Z", "0000-01-01T00:00:00Z",
        "2024-01-02T03:04:05.Z", "2024-01-02T03:04:05,5Z", "+2024-01-02T03:04:05Z", "2024-1-2T03:04:05Z", " 2024-01-02T03:04:05Z",
        "2024-01-02T03:04:05Z ", "2024-01-02T03:04:05\u00a0Z", "２０２４-01-02T03:04:05Z",
    };

    private static readonly string[] s_rawDates =
    {
        // Escaped spellings of valid dates: the same string, which the reader must not read from the raw bytes.
        "\"\\u0032024-01-02T03:04:05Z\"", "\"2024-01-02T03:04:05\\u002B01:00\"", "\"2024-01-02T03:04:05\\/\"",
    };

    private static readonly byte[][] s_strings =
    {
        // Invalid UTF-8 and lone surrogates, raw and escaped.
        new byte[] { (byte)'"', (byte)'a', 0xFF, (byte)'b', (byte)'"' },
        new byte[] { (byte)'"', 0xC0, 0xAF, (byte)'"' },
        new byte[] { (byte)'"', 0x80, (byte)'"' },
        new byte[] { (byte)'"', 0xE2, 0x82, (byte)'"' },
        new byte[] { (byte)'"', 0xED, 0xA0, 0x80, (byte)'"' },
        new byte[] { (byte)'"', 0xF4, 0x90, 0x80, 0x80, (byte)'"' },
        new byte[] { (byte)'"', 0xF0, 0x9F, 0x98, 0x80, (byte)'"' },
        new byte[] { (byte)'"', 0xC3, 0xA9, (byte)'"' },
        U("\"\\ud800\""), U("\"\\udc00\""), U("\"x\\ud800y\""), U("\"\\ud800\\ud800\""), U("\"\\udbff\\udfff\""), U("\"\\ud83d\\ude00\""),
        U("\"\\u0000\""), U("\"\\u00e9\\/\\b\\f\\n\\r\\t\""), U("\"\\uD83D\\uDE00\""), U("\"tab\tinside\""), U("\"" + new string('x', 5000) + "\""),
        U("\"\\x\""), U("\"\\u12\""), U("'single'"), U("\"a\" \"b\""),
    };

    private static IEnumerable<(string Label, byte[] Bytes)> AtLocation(JsonNode document, Location location)
    {
        JsonObject here = Navigate(document, location.Path);
        object[] path = location.Path;
        byte[] Raw(string name, byte[] raw) => Build(document, path, o => o[name] = ValueSentinel, (ValueSentinel, raw));

        foreach ((string name, Type type) in Shapes.Members(location.Type))
        {
            bool present = here.TryGetPropertyValue(name, out JsonNode? value);
            string m = $"\"{name}\"";
            yield return ($"{m} explicit null", Build(document, path, o => o[name] = null));
            if (present)
            {
                yield return ($"{m} absent", Build(document, path, o => o.Remove(name)));
                yield return ($"{m} with an escaped name", Build(document, path, o => Rename(o, name, NameSentinel), (NameSentinel, U(Escaped(name)))));
                yield return ($"{m} with a fully escaped name", Build(document, path, o => Rename(o, name, NameSentinel), (NameSentinel, U(Escaped(name, all: true)))));
                yield return ($"{m} twice, same value", Build(document, path, o => o[NameSentinel] = value?.DeepClone(), (NameSentinel, U(Quoted(name)))));
                yield return ($"{m} twice, the second escaped", Build(document, path, o => o[NameSentinel] = value?.DeepClone(), (NameSentinel, U(Escaped(name)))));
                yield return ($"{m} twice, the first escaped", Build(document, path, o => AddFirst(o, NameSentinel, value?.DeepClone()), (NameSentinel, U(Escaped(name)))));
                yield return ($"{m} twice, the second null", Build(document, path, o => o[NameSentinel] = null, (NameSentinel, U(Quoted(name)))));
                yield return ($"{m} twice, the first null", Build(document, path, o => AddFirst(o, NameSentinel, null), (NameSentinel, U(Quoted(name)))));
                yield return ($"{m} twice, the second a wrong type", Build(document, path, o => o[NameSentinel] = new JsonArray(), (NameSentinel, U(Quoted(name)))));
                yield return ($"{m} three times", Build(document, path, o => { o[NameSentinel] = value?.DeepClone(); o[NameSentinel2] = value?.DeepClone(); }, (NameSentinel, U(Quoted(name))), (NameSentinel2, U(Escaped(name, all: true)))));
            }
            foreach (string raw in s_wrongTypes) yield return ($"{m} = {raw}", Raw(name, U(raw)));

            Type? item = Shapes.ListItem(type);
            if (type == typeof(long) || type == typeof(int))
                foreach (string raw in s_integers) yield return ($"{m} = {Short(raw)}", Raw(name, U(raw)));
            else if (type == typeof(double) || type == typeof(float) || type == typeof(decimal))
                foreach (string raw in s_numbers) yield return ($"{m} = {Short(raw)}", Raw(name, U(raw)));
            else if (type == typeof(DateTimeOffset))
            {
                foreach (string date in s_dates) yield return ($"{m} = {Quoted(date)}", Raw(name, U(Quoted(date))));
                foreach (string raw in s_rawDates) yield return ($"{m} = {raw}", Raw(name, U(raw)));
            }
            else if (type == typeof(Guid))
                foreach (string g in new[] { "550e8400-e29b-41d4-a716-446655440000", "550E8400-E29B-41D4-A716-446655440000", "{550e8400-e29b-41d4-a716-446655440000}", "550e8400e29b41d4a716446655440000", "550e8400-e29b-41d4-a716-44665544000" })
                    yield return ($"{m} = {g}", Raw(name, U(Quoted(g))));
            else if (type == typeof(string))
                foreach (byte[] raw in s_strings) yield return ($"{m} = {ParseEquivalenceTests.Show(raw.Length > 60 ? raw[..60] : raw)}", Raw(name, raw));
            else if (type == typeof(bool))
                foreach (string raw in new[] { "true", "false", "\"true\"", "0", "True" }) yield return ($"{m} = {raw}", Raw(name, U(raw)));
            else if (Shapes.IsEnum(type))
            {
                IReadOnlyList<string> known = Shapes.KnownValues(type);
                var raws = new List<string> { Quoted("NOT_A_KNOWN_VALUE"), Quoted(""), Quoted("Ünknown ✓"), "\"\\ud800\"" };
                foreach (string k in known.Take(3))
                {
                    raws.Add(Quoted(k));
                    raws.Add(Quoted(k.ToLowerInvariant()));
                    raws.Add(Quoted(k + " "));
                    raws.Add(Escaped(k));
                }
                foreach (string raw in raws) yield return ($"{m} = {raw}", Raw(name, U(raw)));
            }
            else if (Shapes.IsRecord(type))
                foreach (string raw in new[] { "{}", "{\"zz_unknown\":1}", "{\"zz\":1,\"zz\":2}", "[{}]", "{}{}" }) yield return ($"{m} = {raw}", Raw(name, U(raw)));
            else if (item is not null)
            {
                var raws = new List<string> { "[]", "[null]", "[1]", "[[]]", "[{}]", "[\"x\"]", "[\"\\ud800\"]", "[true,null]", "[,]", "[1,]" };
                if (Shapes.IsEnum(item))
                {
                    IReadOnlyList<string> known = Shapes.KnownValues(item);
                    raws.Add("[" + string.Join(",", known.Select(Quoted)) + "]");
                    raws.Add("[" + string.Join(",", known.Select(Quoted)) + "," + string.Join(",", known.Select(Quoted)) + "]");
                    raws.Add("[" + string.Join(",", known.Select(k => Escaped(k))) + ",null]");
                    raws.Add("[\"NOT_A_KNOWN_VALUE\"]");
                    raws.Add("[\"\"]");
                }
                if (Shapes.IsRecord(item)) raws.AddRange(new[] { "[{},{}]", "[{},null]", "[{\"zz\":[1]}]", "[{\"zz\":1,\"zz\":1}]" });
                if (value is JsonArray array && array.Count > 0)
                {
                    raws.Add("[" + string.Join(",", array.Select(i => i?.ToJsonString(s_relaxed) ?? "null")) + ",null]");
                    raws.Add("[" + string.Join(",", array.Concat(array).Select(i => i?.ToJsonString(s_relaxed) ?? "null")) + "]");
                }
                foreach (string raw in raws) yield return ($"{m} = {Short(raw)}", Raw(name, U(raw)));
            }
            else
                foreach (string raw in new[] { "null", "{\"a\":[1,2]}", "1e400", "\"\\ud800\"" }) yield return ($"{m} = {raw}", Raw(name, U(raw)));
        }

        // The object as a whole.
        yield return ("no members", Build(document, path, o => o.Clear()));
        yield return ("members in reverse order", Build(document, path, o =>
        {
            List<KeyValuePair<string, JsonNode?>> members = o.ToList();
            o.Clear();
            for (int i = members.Count - 1; i >= 0; i--) o.Add(members[i].Key, members[i].Value);
        }));
        string[] unknownValues =
        {
            "{}", "{\"a\":[1,{\"b\":null}],\"c\":\"d\"}", "[]", "[[[]]]", "null", "\"s\"", "1e400", "-0.0", "123456789012345678901234567890",
            "\"\\ud800\"", "{\"a\":1,\"a\":2}", "{\"\\ud800\":1}",
        };
        foreach (string raw in unknownValues) yield return ($"unknown member = {raw}", Raw("zz_unknown", U(raw)));
        yield return ("unknown member = invalid UTF-8", Raw("zz_unknown", new byte[] { (byte)'"', 0xFF, (byte)'"' }));
        yield return ("unknown member named with invalid UTF-8", Build(document, path, o => o[NameSentinel] = 1, (NameSentinel, new byte[] { (byte)'"', 0xFF, (byte)'z', (byte)'"' })));
        yield return ("unknown member named \"\\ud800\"", Build(document, path, o => o[NameSentinel] = 1, (NameSentinel, U("\"\\ud800\""))));
        yield return ("unknown member named \"\"", Build(document, path, o => o[""] = 1));
        yield return ("unknown member twice", Build(document, path, o => { o[NameSentinel] = 1; o[NameSentinel2] = 2; }, (NameSentinel, U("\"zz\"")), (NameSentinel2, U("\"zz\""))));
        yield return ("unknown member twice, the second escaped", Build(document, path, o => { o[NameSentinel] = 1; o[NameSentinel2] = 1; }, (NameSentinel, U("\"zz\"")), (NameSentinel2, U("\"\\u007az\""))));
        foreach (var (name, _) in Shapes.Members(location.Type).Take(3))
        {
            string upper = name.ToUpperInvariant();
            if (upper != name) yield return ($"unknown member \"{upper}\" (a declared name in another case)", Build(document, path, o => o[upper] = here.TryGetPropertyValue(name, out JsonNode? v) ? v?.DeepClone() : 1));
            yield return ($"unknown member \"{name} \" (a declared name and a space)", Build(document, path, o => o[name + " "] = 1));
        }
        // Nesting inside an unknown member: to the reader's limit (64), just past it, and far past it.
        foreach (int total in new[] { 63, 64, 65 })
        {
            int k = total - location.Depth;
            if (k < 1) continue;
            yield return ($"unknown member nesting to depth {total}", Raw("zz_deep", U(new string('[', k) + new string(']', k))));
        }
        yield return ("unknown member of 10,000 nested arrays", Raw("zz_deep", U(new string('[', 10_000) + new string(']', 10_000))));
        yield return ("unknown member of 10,000 nested objects", Raw("zz_deep", U(string.Concat(Enumerable.Repeat("{\"a\":", 10_000)) + "1" + new string('}', 10_000))));
    }

    private static JsonObject Navigate(JsonNode document, object[] path)
    {
        JsonNode at = document;
        foreach (object step in path) at = step is string name ? at[name]! : at[(int)step]!;
        return at.AsObject();
    }

    private static string Short(string s) => s.Length > 48 ? s[..20] + $"...({s.Length} chars)..." + s[^12..] : s;

    /// <summary>The document as a whole: text around it, cut short, other roots, sizes at the stream buffers' edges.</summary>
    private static IEnumerable<(string Label, byte[] Bytes)> Document(byte[] b, bool fullTruncation)
    {
        byte[] Cat(params byte[][] parts) => parts.SelectMany(p => p).ToArray();
        string[] trailing = { " x", " {}", "{}", "\n", "   \t\r\n", ",", " null", "]", "}", " // c", " /* c */", "\u0000", " \"s\"", "1" };
        foreach (string t in trailing) yield return ($"followed by {Quoted(t)}", Cat(b, U(t)));
        yield return ("followed by a NUL byte", Cat(b, new byte[] { 0 }));
        yield return ("after a UTF-8 BOM", Cat(new byte[] { 0xEF, 0xBB, 0xBF }, b));
        yield return ("after whitespace", Cat(U(" \r\n\t "), b));
        yield return ("after a comment", Cat(U("/*c*/"), b));
        yield return ("with a trailing comma", Cat(b.AsSpan(0, b.Length - 1).ToArray(), U(",}")));
        yield return ("as UTF-16", Encoding.Unicode.GetBytes(Encoding.UTF8.GetString(b)));
        yield return ("indented", U(JsonNode.Parse(b)!.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping })));
        yield return ("inside an array", Cat(U("["), b, U("]")));
        // Cut short: every prefix of a short document; of a longer one, the first and last 16 and evenly spaced ones between.
        int spaced = fullTruncation ? 60 : 30;
        IEnumerable<int> cuts = b.Length <= (fullTruncation ? 160 : 0) ? Enumerable.Range(0, b.Length)
            : Enumerable.Range(0, Math.Min(16, b.Length)).Concat(Enumerable.Range(Math.Max(0, b.Length - 16), Math.Min(16, b.Length)))
                .Concat(Enumerable.Range(0, spaced).Select(i => (int)((long)i * b.Length / spaced))).Distinct().OrderBy(i => i);
        foreach (int cut in cuts) yield return ($"cut after {cut} bytes", b[..cut]);
        foreach (string other in new[] { "", " ", "null", "[]", "\"s\"", "1", "true", "{", "}", "{}", "[{}]", "{}{}", "{\"\":}", "nul", "\u00ef\u00bb\u00bf", "[null]", "[1]", "[[]]", "[{},null]", "[{\"zz\":1}]", "[{}]]" })
            yield return ($"the document {Quoted(other)}", U(other));
        // Sizes at the edges of the stream buffers (16 KiB for non-seekable streams, doubling).
        foreach (int size in new[] { 255, 256, 257, 16383, 16384, 16385, 32768, 32769 })
            if (size > b.Length) yield return ($"padded with spaces to {size} bytes", Cat(b, Enumerable.Repeat((byte)' ', size - b.Length).ToArray()));
    }
}

// ----------------------------------------------------------------------------------------------
// HPP documents
// ----------------------------------------------------------------------------------------------

internal static class HppDocuments
{
    /// <summary>samples/HppSample/SessionCreationResponseV1.example.json (Examples.SessionCreationResponse of tests/HppSchemaGen.Hpp.Tests), copied.</summary>
    public const string SessionCreationResponseExample = """
    {
      "distribution_module": {
        "generation_url": "https://api.klarna.com/hpp/v1/sessions/9cbc9884-1fdb-45a8-9694-9340340d0436/distribution/qr",
        "standalone_url": "https://pay.klarna.com/eu/hpp/payments/2OCkffK",
        "token": "9cbc9884"
      },
      "distribution_url": "https://api.klarna.com/hpp/v1/sessions/9cbc9884-1fdb-45a8-9694-9340340d0436/distribution",
      "expires_at": "2038-01-19T03:14:07.000Z",
      "manual_identification_check_url": "https://api.klarna.com/hpp/v1/sessions/9cbc9884-1fdb-45a8-9694-9340340d0436/manual-id-check",
      "qr_code_url": "https://pay.klarna.com/eu/hpp/payments/a94e7760-d135-2721-a538-d6294ea254ed/qr",
      "redirect_url": "https://pay.klarna.com/eu/hpp/payments/2OCkffK",
      "session_id": "9cbc9884-1fdb-45a8-9694-9340340d0436",
      "session_url": "https://api.klarna.com/hpp/v1/sessions/9cbc9884-1fdb-45a8-9694-9340340d0436"
    }
    """;

    /// <summary>Examples.SessionCreationRequest of tests/HppSchemaGen.Hpp.Tests (linked).</summary>
    public const string SessionCreationRequestExample = HppSchemaGen.Hpp.Tests.Examples.SessionCreationRequest;

    /// <summary>The documented examples and the documents of tests/HppSchemaGen.Hpp.Tests (ParseAndRoundTripTests, ValidationTests), with their types.</summary>
    public static readonly (string Type, string Label, string Json)[] Examples =
    {
        ("SessionCreationResponseV1", "documented response example", SessionCreationResponseExample),
        ("SessionCreationRequestV1", "documented request example", SessionCreationRequestExample),
        ("SessionCreationResponseV1", "unknown members", """{"session_id":"s1","brand_new":{"nested":[1,2,{"x":null}]},"another":"v"}"""),
        ("SessionResponseV1", "unknown enum value", """{"session_id":"s1","status":"PAUSED_BY_BANK"}"""),
        ("SessionResponseV1", "known enum value", """{"status":"COMPLETED"}"""),
        ("DistributionRequestV1", "required member missing", """{"method":"sms"}"""),
        ("DistributionRequestV1", "required members", """{"contact_information":{"email":"a@example.com"},"method":"email"}"""),
        ("SessionCreationResponseV1", "cut short", """{"session_id": "x","""),
        ("SessionCreationResponseV1", "invalid, then more text", """{"session_id": 1} {}"""),
        ("SessionCreationResponseV1", "valid, then more text", """{"session_id": "x"} x"""),
        ("SessionCreationResponseV1", "two errors", """{"session_id": 1, "expires_at": "soon"}"""),
        ("SessionCreationResponseV1", "session_id a number", """{"session_id": 42}"""),
        ("SessionCreationResponseV1", "date-time with a space", """{"expires_at": "2038-01-19 03:14"}"""),
        ("SessionCreationResponseV1", "token false", """{"distribution_module": {"token": false}}"""),
        ("SessionCreationResponseV1", "token 1", """{"distribution_module": {"token": 1}}"""),
        ("SessionCreationRequestV1", "width a string", """{"payment_session_url": "u", "options": {"background_images": [{"width": 1}, {"width": "wide"}]}}"""),
        ("BackgroundImageV1", "width 1.5", """{"width": 1.5}"""),
        ("BackgroundImageV1", "width 1.0", """{"width": 1.0}"""),
        ("SessionCreationRequestV1", "required member missing", """{"profile_id": "p"}"""),
        ("DistributionRequestV1", "method not in the enum", """{"contact_information": {}, "method": "fax"}"""),
        ("OptionsV1", "enum items not in the enum", """{"payment_method_categories": ["PAY_NOW", "CASH"], "show_subtotal_detail": "SHOW"}"""),
        ("SessionResponseV1", "many errors", """{"session_id": 1, "order_id": 2, "status": "NOPE", "updated_at": "yesterday", "customer": {"given_name": []}}"""),
        ("SessionCreationRequestV1", "profile_id 5 and a note", """{"profile_id": 5, "note": "kept"}"""),
    };

    /// <summary>A valid document of each HPP record, every member set (the variants' starting point).</summary>
    public static readonly Dictionary<string, string> Valid = new(StringComparer.Ordinal)
    {
        ["BackgroundImageV1"] = """{"url":"https://example.com/bg.jpg","width":1200}""",
        ["CustomerV1"] = """{"date_of_birth":"1980-01-01","family_name":"Andersson","given_name":"Anna","national_identification_number":"198001011234","title":"Ms"}""",
        ["DistributionContactV1"] = """{"access_id":"278352","email":"a@example.com","phone":"+46700000000","phone_country":"SE"}""",
        ["DistributionModuleV1"] = """{"generation_url":"https://api.klarna.com/hpp/v1/sessions/s/distribution/qr","standalone_url":"https://pay.klarna.com/eu/hpp/payments/2OCkffK","token":"9cbc9884"}""",
        ["DistributionRequestV1"] = """{"contact_information":{"access_id":"467521087419","email":"a@example.com","phone":"+46700000000","phone_country":"SE"},"method":"sms","template":"INSTORE_PURCHASE"}""",
        ["MerchantManualIdentificationV1"] = """{"challenge":"c-1","customer":{"given_name":"Anna","family_name":"Andersson"},"customer_obfuscated":{"given_name":"A***","family_name":"A*******"},"expires_at":"2038-01-19T03:14:07.000Z"}""",
        ["MerchantUrlsV1"] = """{"back":"https://example.com/back","cancel":"https://example.com/cancel","error":"https://example.com/error","failure":"https://example.com/failure","status_update":"https://example.com/status","success":"https://example.com/success?sid={{session_id}}"}""",
        ["OptionsV1"] = """{"background_images":[{"url":"https://example.com/bg.jpg","width":1200},{"url":"https://example.com/bg2.jpg","width":600}],"logo_url":"https://example.com/logo.jpg","page_title":"Complete your purchase","payment_method_categories":["PAY_NOW","PAY_LATER"],"payment_method_category":"KLARNA","place_order_mode":"PLACE_ORDER","purchase_type":"BUY","show_subtotal_detail":"HIDE"}""",
        ["SessionCreationRequestV1"] = """{"merchant_urls":{"success":"https://example.com/success","cancel":"https://example.com/cancel"},"options":{"background_images":[{"url":"https://example.com/bg.jpg","width":1200}],"payment_method_categories":["PAY_NOW"],"purchase_type":"BUY","place_order_mode":"PLACE_ORDER"},"payment_session_url":"https://api.klarna.com/payments/v1/sessions/92d97f60-7a78-46a5-8f68-c56fe52dc4af","profile_id":"87ab3565-5e06-4006-9ada-8eedc6926703"}""",
        ["SessionCreationResponseV1"] = """{"distribution_module":{"generation_url":"https://api.klarna.com/hpp/v1/sessions/s/distribution/qr","standalone_url":"https://pay.klarna.com/eu/hpp/payments/2OCkffK","token":"9cbc9884"},"distribution_url":"https://api.klarna.com/hpp/v1/sessions/s/distribution","expires_at":"2038-01-19T03:14:07.000Z","manual_identification_check_url":"https://api.klarna.com/hpp/v1/sessions/s/manual-id-check","qr_code_url":"https://pay.klarna.com/eu/hpp/payments/a94e7760/qr","redirect_url":"https://pay.klarna.com/eu/hpp/payments/2OCkffK","session_id":"9cbc9884-1fdb-45a8-9694-9340340d0436","session_url":"https://api.klarna.com/hpp/v1/sessions/9cbc9884"}""",
        ["SessionResponseV1"] = """{"authorization_token":"tok","customer":{"date_of_birth":"1980-01-01","given_name":"Anna"},"expires_at":"2038-01-19T03:14:07Z","klarna_reference":"ref-1","manual_identification":{"challenge":"c","customer":{"given_name":"Anna"},"expires_at":"2038-01-19T03:14:07+01:00"},"order_id":"o-1","session_id":"s-1","status":"COMPLETED","updated_at":"2024-01-02T03:04:05.123+00:00"}""",
    };
}

// ----------------------------------------------------------------------------------------------
// Probe schemas
// ----------------------------------------------------------------------------------------------

internal static class Probes
{
    /// <summary>A schema (its root record, or the schema class of its list root, is Probe.<c>Type</c>), a valid document, and the inputs aimed at it.</summary>
    public sealed record Probe(string Name, string Type, string Schema, string Base, params string[] Inputs);

    public static readonly Probe[] All =
    {
        new("p01-min-properties-default", "MinPropsDefault",
            """{"title":"MinPropsDefault","type":"object","minProperties":1,"properties":{"a":{"type":"integer","default":3}}}""",
            """{"a":3}""", """{}""", """{"zz":1}"""),
        new("p02-dependent-required-default", "DepReqDefault",
            """{"$schema":"https://json-schema.org/draft/2020-12/schema","title":"DepReqDefault","type":"object","properties":{"x":{"type":"string"},"a":{"type":"string","default":"d"}},"dependentRequired":{"x":["a"]}}""",
            """{"x":"1","a":"d"}""", """{"x":"1"}""", """{}"""),
        new("p03-anyof-required-default", "AnyOfRequiredDefault",
            """{"title":"AnyOfRequiredDefault","type":"object","properties":{"a":{"type":"boolean","default":false},"b":{"type":"string"}},"anyOf":[{"required":["a"]},{"required":["b"]}]}""",
            """{"a":true}""", """{}""", """{"b":"s"}"""),
        new("p04-if-else-required-default", "IfElseDefault",
            """{"title":"IfElseDefault","type":"object","properties":{"mode":{"type":"string","default":"a"},"n":{"type":"integer"}},"if":{"required":["mode"]},"else":{"required":["n"]}}""",
            """{"mode":"a"}""", """{}""", """{"n":1}"""),
        new("p05-oneof-required-default", "OneOfRequiredDefault",
            """{"title":"OneOfRequiredDefault","type":"object","properties":{"a":{"type":"number","default":0.5},"b":{"type":"string"}},"oneOf":[{"required":["a"]},{"required":["b"]}]}""",
            """{"b":"s"}""", """{}""", """{"a":1,"b":"s"}""", """{"a":1}"""),
        new("p06-dependent-schemas-default", "DepSchemasDefault",
            """{"$schema":"https://json-schema.org/draft/2020-12/schema","title":"DepSchemasDefault","type":"object","properties":{"x":{"type":"string"},"a":{"type":"integer","default":1}},"dependentSchemas":{"x":{"required":["a"]}}}""",
            """{"x":"1","a":1}""", """{"x":"1"}"""),
        new("p07-dependencies-default-draft07", "DependenciesDefault",
            """{"$schema":"http://json-schema.org/draft-07/schema#","title":"DependenciesDefault","type":"object","properties":{"x":{"type":"string"},"a":{"type":"string","default":"d"}},"dependencies":{"x":["a"]}}""",
            """{"x":"1","a":"d"}""", """{"x":"1"}"""),
        new("p08-max-properties-default", "MaxPropsDefault",
            """{"title":"MaxPropsDefault","type":"object","maxProperties":1,"properties":{"a":{"type":"integer","default":3},"b":{"type":"integer"}}}""",
            """{"a":3}""", """{"b":1}""", """{}"""),
        new("p09-date-pattern", "DatePattern",
            """{"title":"DatePattern","type":"object","properties":{"at":{"type":"string","format":"date-time","pattern":"^[^.]*$"}}}""",
            """{"at":"2024-01-02T03:04:05Z"}""", """{"at":"2024-01-02T03:04:05.000Z"}""", """{"at":"2024-01-02T03:04:05.5+01:00"}"""),
        new("p10-date-enum", "DateEnum",
            """{"title":"DateEnum","type":"object","properties":{"at":{"type":"string","format":"date-time","enum":["2024-01-02T03:04:05+00:00"]}}}""",
            """{"at":"2024-01-02T03:04:05+00:00"}""", """{"at":"2024-01-02T03:04:05Z"}"""),
        new("p11-date-max-length", "DateMaxLength",
            """{"title":"DateMaxLength","type":"object","properties":{"at":{"type":"string","format":"date-time","maxLength":25}}}""",
            """{"at":"2024-01-02T03:04:05Z"}""", """{"at":"2024-01-02T03:04:05.0000000+00:00"}"""),
        new("p12-uuid-pattern", "UuidPattern",
            """{"title":"UuidPattern","type":"object","properties":{"id":{"type":"string","format":"uuid","pattern":"^[0-9a-f-]+$"}}}""",
            """{"id":"550e8400-e29b-41d4-a716-446655440000"}""", """{"id":"550E8400-E29B-41D4-A716-446655440000"}"""),
        new("p13-number-enum", "NumberEnum",
            """{"title":"NumberEnum","type":"object","properties":{"x":{"type":"number","enum":[1,2.5]}}}""",
            """{"x":2.5}""", """{"x":1.0000000000000000000000001}""", """{"x":1.0}""", """{"x":2.50000000000000000001}"""),
        new("p14-number-maximum", "NumberMaximum",
            """{"title":"NumberMaximum","type":"object","properties":{"x":{"type":"number","maximum":1},"y":{"type":"number","exclusiveMaximum":0}}}""",
            """{"x":1,"y":-1}""", """{"x":1.0000000000000000000000001}""", """{"x":1.00000000000000000000000000000001}""", """{"y":-1e-400}""", """{"y":1e-400}"""),
        new("p15-integer-bounds", "IntegerBounds",
            """{"title":"IntegerBounds","type":"object","properties":{"n":{"type":"integer","minimum":1,"maximum":10,"multipleOf":2}}}""",
            """{"n":4}""", """{"n":4.0}""", """{"n":11}""", """{"n":3}""", """{"n":0}""", """{"n":10}"""),
        new("p16-date-uuid-closed", "DatePlain",
            """{"title":"DatePlain","type":"object","properties":{"at":{"type":"string","format":"date-time"},"id":{"type":"string","format":"uuid"}},"additionalProperties":false}""",
            """{"at":"2024-01-02T03:04:05Z","id":"550e8400-e29b-41d4-a716-446655440000"}""", """{"zz":1}"""),
        new("p17-const-and-min-properties-default", "ConstMember",
            """{"title":"ConstMember","type":"object","required":["kind"],"properties":{"kind":{"const":"k"},"n":{"type":"number","default":1.5}},"minProperties":2}""",
            """{"kind":"k","n":2}""", """{"kind":"k"}"""),
        new("p18-property-names-default", "PropNamesDefault",
            """{"title":"PropNamesDefault","type":"object","propertyNames":{"maxLength":1},"properties":{"a":{"type":"string","default":"x"},"long_name":{"type":"string","default":"y"}}}""",
            """{"a":"x"}""", """{}"""),
        new("p19-enum-default", "EnumDefault",
            """{"title":"EnumDefault","type":"object","minProperties":1,"properties":{"color":{"type":"string","enum":["red","green"],"default":"red"}}}""",
            """{"color":"green"}""", """{}"""),
        new("p21-allof-required-default", "AllOfRequiredDefault",
            """{"title":"AllOfRequiredDefault","type":"object","properties":{"a":{"type":"string","default":"d"}},"allOf":[{"required":["a"]}]}""",
            """{"a":"x"}""", """{}"""),
        new("p22-nested-min-properties-default", "Outer",
            """{"title":"Outer","type":"object","properties":{"inner":{"title":"Inner","type":"object","minProperties":1,"properties":{"n":{"type":"integer","default":0}}}}}""",
            """{"inner":{"n":1}}""", """{"inner":{}}"""),
        new("p23-enum-object-default", "EnumObject",
            """{"title":"EnumObject","type":"object","properties":{"a":{"type":"integer","default":1}},"enum":[{"a":1}]}""",
            """{"a":1}""", """{}"""),
        new("p24-unknown-member-and-min-properties-default", "OpenMinProps",
            """{"title":"OpenMinProps","type":"object","minProperties":2,"properties":{"a":{"type":"integer","default":1}}}""",
            """{"a":1,"zz":2}""", """{"zz":2}"""),
        new("p25-list-root-contains-required-default", "Pages",
            """{"title":"Pages","type":"array","items":{"$ref":"#/$defs/Item"},"contains":{"required":["a"]},"$defs":{"Item":{"title":"Item","type":"object","properties":{"a":{"type":"integer","default":1}}}}}""",
            """[{"a":2}]""", """[{}]""", """[{},{}]""", """[]"""),
        new("p20-not-required-default", "UnevalDefault",
            """{"$schema":"https://json-schema.org/draft/2020-12/schema","title":"UnevalDefault","type":"object","properties":{"a":{"type":"integer","default":2}},"not":{"required":["a"]}}""",
            """{}""", """{"a":2}"""),
    };

    /// <summary>The probe schemas compiled together, in namespace Probe.</summary>
    public static readonly Lazy<Sources.Source> Source = new(() =>
    {
        GeneratorHarness.Result result = GeneratorHarness.Run(
            All.Select(p => ("/probe/" + p.Name + ".schema.json", p.Schema)),
            new Dictionary<string, string> { ["build_property.HppSchemaGenNamespace"] = "Probe" });
        (Assembly? assembly, var diagnostics) = GeneratorHarness.Emit(result);
        return new Sources.Source(assembly, string.Join("\n", diagnostics.Select(d => d.ToString())), new Dictionary<string, Sources.Literals>());
    });
}
