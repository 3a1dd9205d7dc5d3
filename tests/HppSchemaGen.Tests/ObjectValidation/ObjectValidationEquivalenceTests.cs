using System;
using System.Collections;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using CsCheck;
using HppSchemaGen.Tests.Infrastructure;
using Xunit;

namespace HppSchemaGen.Tests.ObjectValidation;

/// <summary>
/// The instance <c>Validate()</c> of every generated record and union reports exactly what the static
/// <c>Validate(JsonElement)</c> reports on the value serialized through the generated context: same
/// validity, same multiset of (instance location, keyword location, absolute keyword location,
/// message). Values come from CsCheck generators built by reflection over the generated types, 2 in
/// 5 "tame" (required members set, known enum values, schema literals: mostly valid) and 3 in 5
/// "wild" (nulls, missing members, unknown enum values, hostile strings, extreme numbers, colliding
/// extension data: often invalid). Seeds are fixed, so a red run is reproducible; the number of
/// cases per type is 200 (HPP) / 100 (corpus), or HPPSCHEMAGEN_OBJECT_CASES.
/// </summary>
public class ObjectValidationEquivalenceTests
{
    internal const string Hpp = "hpp";
    internal const string Corpus = "corpus";

    internal static readonly Dictionary<string, Lazy<Source>> s_sources = new()
    {
        [Hpp] = new Lazy<Source>(BuildHpp),
        [Corpus] = new Lazy<Source>(BuildCorpus),
    };

    /// <summary>Generated cases per (source, type), shared by the equivalence theory and the distribution check.</summary>
    private static readonly ConcurrentDictionary<(string Source, string Type), Lazy<IReadOnlyList<Case>>> s_cases = new();

    private static int CasesFor(string source)
        => int.TryParse(Environment.GetEnvironmentVariable("HPPSCHEMAGEN_OBJECT_CASES"), out int n) && n > 0 ? n : source == Hpp ? 200 : 100;

    // ------------------------------------------------------------------------------------------
    // Tests
    // ------------------------------------------------------------------------------------------

    /// <summary>One row per generated record or union type of each source, so a failure names its type.</summary>
    public static TheoryData<string, string> Types()
    {
        var data = new TheoryData<string, string>();
        foreach ((string name, Lazy<Source> source) in s_sources)
        {
            // A source that does not compile still yields a row, which then fails with the diagnostics.
            if (source.Value.Assembly is null) data.Add(name, "(no assembly)");
            foreach (Type t in source.Value.Types) data.Add(name, t.FullName!);
        }
        return data;
    }

    [Fact]
    public void Both_sources_compile_and_have_records_or_unions()
    {
        Source hpp = s_sources[Hpp].Value;
        Source corpus = s_sources[Corpus].Value;
        Assert.True(hpp.Assembly is not null, "HPP schemas do not compile:\n" + hpp.Diagnostics);
        Assert.True(corpus.Assembly is not null, "corpus does not compile:\n" + corpus.Diagnostics);
        // The 11 HPP schemas are 11 records; fewer means the type discovery below is broken.
        Assert.True(hpp.Types.Count >= 10, "HPP types found: " + string.Join(", ", hpp.Types.Select(t => t.Name)));
        Assert.NotEmpty(corpus.Types);
        Assert.Contains(corpus.Types, IsUnion);
    }

    /// <summary>
    /// The generators are worth something only if they produce both outcomes often and the values
    /// serialize. Measured on the JSON path alone, so this holds independently of the instance method.
    /// </summary>
    [Theory]
    [InlineData(Hpp)]
    [InlineData(Corpus)]
    public void Generated_values_are_often_valid_often_invalid_and_serialize(string sourceName)
    {
        Source source = s_sources[sourceName].Value;
        Assert.True(source.Assembly is not null, source.Diagnostics);
        int valid = 0, invalid = 0, skipped = 0, total = 0;
        var perType = new List<string>();
        foreach (Type t in source.Types)
        {
            int v = 0, i = 0, s = 0;
            foreach (Case c in CasesOf(sourceName, t))
            {
                if (c.Element is not JsonElement element) s++;
                else if (source.StaticValidate(t)(element).IsValid) v++;
                else i++;
            }
            perType.Add($"{t.FullName}: {v} valid, {i} invalid, {s} not serializable");
            valid += v; invalid += i; skipped += s; total += v + i + s;
        }
        string summary = $"{sourceName}: {total} cases, {valid} valid, {invalid} invalid, {skipped} not serializable\n" + string.Join("\n", perType);
        Assert.True(total > 0, summary);
        Assert.True(valid * 5 >= total, "fewer than 20% valid. " + summary);
        Assert.True(invalid * 5 >= total, "fewer than 20% invalid. " + summary);
        Assert.True(skipped * 10 < total, "10% or more could not be serialized. " + summary);
    }

    [Theory]
    [MemberData(nameof(Types))]
    public void Instance_Validate_reports_the_errors_of_validating_the_serialized_value(string sourceName, string typeName)
    {
        Source source = s_sources[sourceName].Value;
        Assert.True(source.Assembly is not null, sourceName + " does not compile:\n" + source.Diagnostics);
        Type type = source.Types.Single(t => t.FullName == typeName);

        // A record or union without the instance method is a failure, not a skip: every generated type must have it.
        MethodInfo? instanceValidate = type.GetMethod("Validate", BindingFlags.Public | BindingFlags.Instance, Type.EmptyTypes);
        Assert.True(instanceValidate is not null && instanceValidate.ReturnType == typeof(ValidationResult),
            $"{typeName} has no public instance method 'HppSchemaGen.ValidationResult Validate()'");

        Func<JsonElement, ValidationResult> validateJson = source.StaticValidate(type);
        IReadOnlyList<Case> cases = CasesOf(sourceName, type);
        var problems = new List<string>();
        int skipped = 0;
        string? firstSkip = null;
        foreach (Case c in cases)
        {
            // Values System.Text.Json cannot write have no JSON to compare with; they are counted, and must stay rare.
            if (c.Element is not JsonElement element)
            {
                skipped++;
                firstSkip ??= $"seed {c.Seed}: {c.SerializeError}";
                continue;
            }
            ValidationResult expected = validateJson(element);
            ValidationResult actual;
            try
            {
                actual = (ValidationResult)instanceValidate!.Invoke(c.Value, null)!;
            }
            catch (TargetInvocationException e)
            {
                problems.Add($"case {c.Index} (seed {c.Seed}): Validate() threw {e.InnerException}\n  JSON: {element.GetRawText()}\n  JSON errors:\n{Describe(expected)}");
                continue;
            }
            if (actual.IsValid != expected.IsValid || !SameErrors(actual, expected))
                problems.Add($"case {c.Index} (seed {c.Seed}):\n  JSON: {element.GetRawText()}\n  Validate(JsonElement):\n{Describe(expected)}\n  Validate():\n{Describe(actual)}");
            if (problems.Count >= 5) break;
        }
        Assert.True(problems.Count == 0, $"{typeName}: the instance Validate() disagrees with Validate(JsonElement) on the serialized value\n" + string.Join("\n", problems));
        Assert.True(skipped * 10 < cases.Count, $"{typeName}: {skipped} of {cases.Count} values could not be serialized, first: {firstSkip}");
    }

    /// <summary>The documented request example is valid, and validating it as an object allocates nothing.</summary>
    [Fact]
    public void Hpp_request_example_is_valid_and_instance_Validate_allocates_nothing()
    {
        Source source = s_sources[Hpp].Value;
        Assert.True(source.Assembly is not null, source.Diagnostics);
        Type type = source.Types.Single(t => t.Name == "SessionCreationRequestV1");
        JsonTypeInfo typeInfo = source.TypeInfo(type)!;
        object request = JsonSerializer.Deserialize(SessionCreationRequestExample, typeInfo)!;

        MethodInfo? method = type.GetMethod("Validate", BindingFlags.Public | BindingFlags.Instance, Type.EmptyTypes);
        Assert.True(method is not null, "SessionCreationRequestV1 has no public instance method Validate()");
        // A delegate bound to the instance: calling it allocates nothing itself (MethodInfo.Invoke would).
        var validate = method!.CreateDelegate<Func<ValidationResult>>(request);

        using (JsonDocument doc = JsonDocument.Parse(SessionCreationRequestExample))
            Assert.True(source.StaticValidate(type)(doc.RootElement).IsValid, "the example itself is invalid");
        for (int i = 0; i < 10; i++) Assert.True(validate().IsValid, validate().ToString());

        long before = GC.GetAllocatedBytesForCurrentThread();
        bool allValid = true;
        for (int i = 0; i < 100; i++) allValid &= validate().IsValid;
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.True(allValid);
        Assert.Equal(0, allocated);
    }

    /// <summary>
    /// The SessionCreationRequestV1 example of tests/HppSchemaGen.Hpp.Tests (Examples.cs, linked into this
    /// project). It reaches every nested record and enum of the request.
    /// </summary>
    private const string SessionCreationRequestExample = HppSchemaGen.Hpp.Tests.Examples.SessionCreationRequest;

    // ------------------------------------------------------------------------------------------
    // Comparing results
    // ------------------------------------------------------------------------------------------

    private static bool SameErrors(ValidationResult a, ValidationResult b)
        => a.Errors.Count == b.Errors.Count && Sorted(a).SequenceEqual(Sorted(b));

    /// <summary>The errors as comparable keys, in a fixed order: the comparison is of multisets, not sequences.</summary>
    private static IEnumerable<(string, string, string?, string)> Sorted(ValidationResult r)
        => r.Errors.Select(e => (e.InstanceLocation, e.KeywordLocation, e.AbsoluteKeywordLocation, e.Message))
            .OrderBy(k => k.InstanceLocation, StringComparer.Ordinal).ThenBy(k => k.KeywordLocation, StringComparer.Ordinal)
            .ThenBy(k => k.AbsoluteKeywordLocation, StringComparer.Ordinal).ThenBy(k => k.Message, StringComparer.Ordinal);

    private static string Describe(ValidationResult r)
        => r.IsValid ? "    (valid)" : string.Join("\n", Sorted(r).Select(e => $"    {e.Item1} | {e.Item2} | {e.Item3 ?? "-"} | {e.Item4}"));

    // ------------------------------------------------------------------------------------------
    // Cases
    // ------------------------------------------------------------------------------------------

    /// <summary>One generated value: the seed that made it, and its JSON (null when serialization threw).</summary>
    internal sealed record Case(int Index, ulong Seed, object Value, JsonElement? Element, string? SerializeError);

    internal static IReadOnlyList<Case> CasesOf(string sourceName, Type type)
        => s_cases.GetOrAdd((sourceName, type.FullName!), key => new Lazy<IReadOnlyList<Case>>(() => MakeCases(sourceName, type))).Value;

    private static IReadOnlyList<Case> MakeCases(string sourceName, Type type)
    {
        Source source = s_sources[sourceName].Value;
        Gen<object?> gen = source.Generators.Root(type);
        JsonTypeInfo typeInfo = source.TypeInfo(type) ?? throw new InvalidOperationException(type.FullName + " is in no JsonSerializerContext of the assembly");
        // Seeds from the type's name (a stable hash, not string.GetHashCode, which differs per process).
        ulong baseSeed = Fnv1a(sourceName + "|" + type.FullName);
        int count = CasesFor(sourceName);
        var cases = new List<Case>(count);
        for (int i = 0; i < count; i++)
        {
            ulong seed = baseSeed + (ulong)i;
            object value = gen.Generate(new PCG(1, seed), null, out _)!;
            try
            {
                cases.Add(new Case(i, seed, value, JsonSerializer.SerializeToElement(value, typeInfo), null));
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                cases.Add(new Case(i, seed, value, null, e.GetType().Name + ": " + e.Message));
            }
        }
        return cases;
    }

    private static ulong Fnv1a(string s)
    {
        ulong h = 14695981039346656037;
        foreach (char c in s) { h ^= c; h *= 1099511628211; }
        return h;
    }

    // ------------------------------------------------------------------------------------------
    // Sources: the generated assemblies, compiled once each
    // ------------------------------------------------------------------------------------------

    internal sealed class Source
    {
        private readonly ConcurrentDictionary<Type, Func<JsonElement, ValidationResult>> _validators = new();
        private readonly JsonSerializerContext[] _contexts;

        public Source(System.Reflection.Assembly? assembly, string diagnostics, Dictionary<string, Literals> literals)
        {
            Assembly = assembly;
            Diagnostics = diagnostics;
            Type[] all = assembly?.GetTypes() ?? Array.Empty<Type>();
            Types = all.Where(t => t.IsVisible && (IsRecord(t) || IsUnion(t))).OrderBy(t => t.FullName, StringComparer.Ordinal).ToList();
            _contexts = all.Where(t => typeof(JsonSerializerContext).IsAssignableFrom(t) && !t.IsAbstract)
                .Select(t => (JsonSerializerContext)t.GetProperty("Default", BindingFlags.Public | BindingFlags.Static)!.GetValue(null)!)
                .ToArray();
            Generators = new ValueGenerators(literals);
        }

        public System.Reflection.Assembly? Assembly { get; }

        public string Diagnostics { get; }

        /// <summary>Every public generated record and union, by full name.</summary>
        public IReadOnlyList<Type> Types { get; }

        public ValueGenerators Generators { get; }

        /// <summary>The metadata the context's own options resolve for the type (so the fast path serializes, as in production).</summary>
        public JsonTypeInfo? TypeInfo(Type type)
        {
            JsonSerializerContext? context = _contexts.FirstOrDefault(c => c.GetTypeInfo(type) is not null);
            return context?.Options.GetTypeInfo(type);
        }

        public Func<JsonElement, ValidationResult> StaticValidate(Type type)
            => _validators.GetOrAdd(type, t => t.GetMethod("Validate", BindingFlags.Public | BindingFlags.Static | BindingFlags.DeclaredOnly, new[] { typeof(JsonElement) })!
                .CreateDelegate<Func<JsonElement, ValidationResult>>());
    }

    private static Source BuildHpp()
    {
        var files = GeneratorHarness.HppSchemas().ToList();
        // The namespace HppSnapshotTests and the HPP sample use.
        const string ns = "Klarna.Hpp";
        GeneratorHarness.Result result = GeneratorHarness.Run(files, new Dictionary<string, string> { ["build_property.HppSchemaGenNamespace"] = ns });
        var literals = new Literals();
        foreach ((_, string text) in files) literals.Add(text);
        return Load(result, new Dictionary<string, Literals> { [ns] = literals.Done() });
    }

    /// <summary>The tests/corpus schemas compiled exactly as CorpusTests.Generate does: one assembly, a namespace per file.</summary>
    private static Source BuildCorpus()
    {
        string dir = Path.Combine(DiagnosticTests.RepoRoot(), "tests", "corpus");
        var files = new List<(string, string)>();
        var perFile = new Dictionary<string, IReadOnlyDictionary<string, string>>();
        var literals = new Dictionary<string, Literals>();
        foreach (string f in Directory.GetFiles(dir, "*.schema.json").OrderBy(f => f, StringComparer.Ordinal))
        {
            string path = "/corpus/" + Path.GetFileName(f);
            string text = File.ReadAllText(f);
            string ns = "Corpus.S" + Path.GetFileName(f)[..2];
            files.Add((path, text));
            perFile[path] = new Dictionary<string, string> { ["build_metadata.AdditionalFiles.HppSchemaGenNamespace"] = ns };
            var pool = new Literals();
            pool.Add(text);
            literals[ns] = pool.Done();
        }
        GeneratorHarness.Result result = GeneratorHarness.Run(files, new Dictionary<string, string> { ["build_property.HppSchemaGenNamespace"] = "Corpus" }, perFile);
        return Load(result, literals);
    }

    private static Source Load(GeneratorHarness.Result result, Dictionary<string, Literals> literals)
    {
        (System.Reflection.Assembly? assembly, var diagnostics) = GeneratorHarness.Emit(result);
        return new Source(assembly, string.Join("\n", diagnostics.Select(d => d.ToString())), literals);
    }

    // ------------------------------------------------------------------------------------------
    // What the generated types look like
    // ------------------------------------------------------------------------------------------

    private static bool HasStaticValidate(Type t)
        => t.GetMethod("Validate", BindingFlags.Public | BindingFlags.Static | BindingFlags.DeclaredOnly, new[] { typeof(JsonElement) }) is not null;

    /// <summary><c>public sealed partial record X</c> with the static validator and JSON members.</summary>
    private static bool IsRecord(Type t)
        => t.IsClass && t.IsSealed && !t.IsAbstract && t.GetMethod("<Clone>$") is not null && HasStaticValidate(t)
           && (DataProperties(t).Any() || ExtensionProperty(t) is not null);

    /// <summary><c>public abstract partial record U</c> with the static validator and nested sealed case records.</summary>
    private static bool IsUnion(Type t)
        => t.IsClass && t.IsAbstract && !t.IsSealed && HasStaticValidate(t) && UnionCases(t).Any();

    /// <summary>A generated open string enum: <c>From(string)</c> and <c>KnownValues</c>.</summary>
    private static bool IsEnum(Type t)
        => t.IsClass && t.IsSealed && t.GetMethod("From", BindingFlags.Public | BindingFlags.Static, new[] { typeof(string) }) is not null
           && t.GetProperty("KnownValues", BindingFlags.Public | BindingFlags.Static) is not null;

    private static IEnumerable<Type> UnionCases(Type union)
        => union.GetNestedTypes(BindingFlags.Public).Where(n => n.IsSealed && n.BaseType == union);

    private static IEnumerable<PropertyInfo> DataProperties(Type t)
        => t.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.GetCustomAttribute<JsonPropertyNameAttribute>() is not null);

    private static PropertyInfo? ExtensionProperty(Type t)
        => t.GetProperties(BindingFlags.Public | BindingFlags.Instance).FirstOrDefault(p => p.GetCustomAttribute<JsonExtensionDataAttribute>() is not null);

    private static bool HasLoneSurrogate(string s)
    {
        for (int i = 0; i < s.Length; i++)
        {
            if (char.IsHighSurrogate(s[i]) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1])) i++;
            else if (char.IsSurrogate(s[i])) return true;
        }
        return false;
    }

    // ------------------------------------------------------------------------------------------
    // Literals of the schemas: the values most likely to satisfy them
    // ------------------------------------------------------------------------------------------

    /// <summary>
    /// Strings, numbers and member names found in a namespace's schemas (enum, const, default,
    /// examples, bounds, lengths, property names). Random strings almost never satisfy a const or an
    /// enum; these do, so "tame" values are often valid without the generators reading each schema.
    /// </summary>
    internal sealed class Literals
    {
        private readonly HashSet<string> _strings = new(StringComparer.Ordinal);
        private readonly HashSet<double> _numbers = new();
        private readonly HashSet<string> _names = new(StringComparer.Ordinal);

        public IReadOnlyList<string> Strings { get; private set; } = Array.Empty<string>();

        public IReadOnlyList<double> Numbers { get; private set; } = Array.Empty<double>();

        public IReadOnlyList<string> Names { get; private set; } = Array.Empty<string>();

        public void Add(string schemaText)
        {
            using JsonDocument doc = JsonDocument.Parse(schemaText);
            Walk(doc.RootElement);
        }

        /// <summary>Every literal of <paramref name="parts"/>, for a type whose namespace has none of its own.</summary>
        public static Literals Merge(IEnumerable<Literals> parts)
        {
            var all = new Literals();
            foreach (Literals l in parts)
            {
                all._strings.UnionWith(l._strings);
                all._numbers.UnionWith(l._numbers);
                all._names.UnionWith(l._names);
            }
            return all.Done();
        }

        public Literals Done()
        {
            Strings = _strings.Where(s => !HasLoneSurrogate(s)).OrderBy(s => s, StringComparer.Ordinal).ToArray();
            Numbers = _numbers.Where(double.IsFinite).OrderBy(n => n).ToArray();
            Names = _names.Where(s => !HasLoneSurrogate(s)).OrderBy(s => s, StringComparer.Ordinal).ToArray();
            return this;
        }

        private void Walk(JsonElement e)
        {
            if (e.ValueKind == JsonValueKind.Array)
            {
                foreach (JsonElement item in e.EnumerateArray()) Walk(item);
                return;
            }
            if (e.ValueKind != JsonValueKind.Object) return;
            foreach (JsonProperty p in e.EnumerateObject())
            {
                switch (p.Name)
                {
                    case "properties" when p.Value.ValueKind == JsonValueKind.Object:
                        foreach (JsonProperty member in p.Value.EnumerateObject()) _names.Add(member.Name);
                        break;
                    case "enum" or "examples" when p.Value.ValueKind == JsonValueKind.Array:
                        foreach (JsonElement item in p.Value.EnumerateArray()) Literal(item);
                        break;
                    case "const" or "default" or "example":
                        Literal(p.Value);
                        break;
                    case "minimum" or "maximum" or "exclusiveMinimum" or "exclusiveMaximum" or "multipleOf" when p.Value.ValueKind == JsonValueKind.Number:
                        // The bound and its neighbours: values just inside and just outside.
                        double bound = p.Value.GetDouble();
                        _numbers.Add(bound); _numbers.Add(bound - 1); _numbers.Add(bound + 1);
                        break;
                    case "minLength" or "maxLength" when p.Value.ValueKind == JsonValueKind.Number && p.Value.TryGetInt32(out int length):
                        foreach (int n in new[] { length - 1, length, length + 1 })
                            if (n >= 0 && n <= 1000) _strings.Add(new string('a', n));
                        break;
                }
                Walk(p.Value);
            }
        }

        private void Literal(JsonElement v)
        {
            if (v.ValueKind == JsonValueKind.String) _strings.Add(v.GetString()!);
            else if (v.ValueKind == JsonValueKind.Number) _numbers.Add(v.GetDouble());
        }
    }

    // ------------------------------------------------------------------------------------------
    // Generators, by reflection over the generated types
    // ------------------------------------------------------------------------------------------

    /// <summary>
    /// CsCheck generators of values of generated types. "Tame" generators set every required member,
    /// never put null where the type says non-null, and draw from known enum values and the schema's
    /// literals; "wild" ones add missing and null members, unknown enum values, empty, long and
    /// non-ASCII strings, negative and huge numbers, and extension data colliding with declared members.
    /// Nesting stops at <see cref="MaxDepth"/> (then null, or an Unknown case for unions).
    /// </summary>
    internal sealed class ValueGenerators
    {
        private const int MaxDepth = 3;

        /// <summary>A property left at the value the constructor gives it (absent, or its schema default).</summary>
        private static readonly object Unset = new();

        /// <summary>Always null. (Gen.Const&lt;object?&gt;(null) would bind to the Const(Func&lt;T&gt;) overload.)</summary>
        private static readonly Gen<object?> NullValue = Gen.Const((object?)null);

        private readonly Dictionary<string, Literals> _byNamespace;
        private readonly Literals _all;
        private readonly Dictionary<(Type, int, bool, Literals), Gen<object?>> _cache = new();
        private readonly object _lock = new();

        public ValueGenerators(Dictionary<string, Literals> byNamespace)
        {
            _byNamespace = byNamespace;
            _all = Literals.Merge(byNamespace.Values);
        }

        /// <summary>A value of the record or union <paramref name="type"/>: 2 in 5 tame, 3 in 5 wild (lax schemas such as HPP make many wild values valid too).</summary>
        public Gen<object?> Root(Type type)
        {
            lock (_lock) return Freq<object?>((2, Of(type, 0, tame: true, LiteralsOf(type))), (3, Of(type, 0, tame: false, LiteralsOf(type))));
        }

        private Literals LiteralsOf(Type t) => t.Namespace is string ns && _byNamespace.TryGetValue(ns, out Literals? l) ? l : _all;

        /// <summary>
        /// A non-null value of <paramref name="t"/> (null only for a record past the depth limit);
        /// <paramref name="literals"/> are those of the type that has the member.
        /// </summary>
        private Gen<object?> Of(Type t, int depth, bool tame, Literals literals)
        {
            if (_cache.TryGetValue((t, depth, tame, literals), out Gen<object?>? cached)) return cached;
            Gen<object?> gen = Create(t, depth, tame, literals);
            _cache[(t, depth, tame, literals)] = gen;
            return gen;
        }

        private Gen<object?> Create(Type t, int depth, bool tame, Literals literals)
        {
            if (Nullable.GetUnderlyingType(t) is Type underlying) return Of(underlying, depth, tame, literals);
            if (t == typeof(string)) return Strings(literals, tame);
            if (t == typeof(long)) return Longs(literals, tame, long.MinValue, long.MaxValue, Gen.Long).Select(v => (object?)v);
            if (t == typeof(int)) return Longs(literals, tame, int.MinValue, int.MaxValue, Gen.Int.Select(i => (long)i)).Select(v => (object?)(int)v);
            if (t == typeof(double)) return Doubles(literals, tame).Select(v => (object?)v);
            if (t == typeof(float)) return Doubles(literals, tame).Where(d => Math.Abs(d) <= float.MaxValue).Select(v => (object?)(float)v);
            if (t == typeof(decimal)) return Decimals(tame);
            if (t == typeof(bool)) return Gen.Bool.Select(b => (object?)b);
            if (t == typeof(DateTimeOffset)) return DateTimeOffsets(tame);
            if (t == typeof(Guid)) return Freq<object?>((1, Gen.Const<object?>(Guid.Empty)), (4, Gen.Guid.Select(g => (object?)g)));
            if (t == typeof(DateOnly)) return Freq<object?>((3, PickT(new object?[] { new DateOnly(2024, 1, 2), new DateOnly(1987, 8, 15), new DateOnly(2038, 1, 19) })), (tame ? 0 : 2, Gen.DateOnly.Select(d => (object?)d)));
            if (t == typeof(JsonElement)) return JsonValues(literals, tame ? 1 : 2, tame).Select(e => (object?)e);
            if (t.IsGenericType && t.GetGenericTypeDefinition() == typeof(List<>)) return Lists(t, depth, tame, literals);
            if (t.IsGenericType && t.GetGenericTypeDefinition() == typeof(Dictionary<,>) && t.GetGenericArguments()[0] == typeof(string)) return Dictionaries(t, depth, tame, literals);
            if (IsEnum(t)) return Enums(t, tame);
            if (IsRecord(t)) return depth >= MaxDepth ? NullValue : Record(t, depth, tame);
            if (IsUnion(t)) return Union(t, depth, tame);
            // A new kind of member type must be taught to the generators, not silently skipped.
            throw new NotSupportedException("no generator for member type " + t.FullName);
        }

        /// <summary>A value where <paramref name="t"/> is expected, null allowed or not; wild values put null even where it is not allowed.</summary>
        private Gen<object?> Slot(Type t, bool nullAllowed, int depth, bool tame, Literals literals)
        {
            Gen<object?> value = Of(t, depth, tame, literals);
            if (Nullable.GetUnderlyingType(t) is not null) return Freq<object?>((1, NullValue), (4, value));
            if (t.IsValueType) return value;
            if (nullAllowed) return Freq<object?>((1, NullValue), (4, value));
            return tame ? value : Freq<object?>((1, NullValue), (8, value));
        }

        private Gen<object?> Record(Type t, int depth, bool tame)
        {
            var nullability = new NullabilityInfoContext();
            object fresh = Activator.CreateInstance(t, nonPublic: true)!;
            var properties = new List<PropertyInfo>();
            var gens = new List<Gen<object?>>();
            foreach (PropertyInfo p in DataProperties(t))
            {
                bool required = p.GetCustomAttribute<RequiredMemberAttribute>() is not null;
                bool nullAllowed = Nullable.GetUnderlyingType(p.PropertyType) is not null || nullability.Create(p).WriteState == NullabilityState.Nullable;
                Gen<object?> value = Slot(p.PropertyType, nullAllowed, depth + 1, tame, LiteralsOf(t));
                // A JsonElement left unset is default (undefined), which no serializer can write: always set it.
                bool canStayUnset = !(p.GetValue(fresh) is JsonElement { ValueKind: JsonValueKind.Undefined });
                Gen<object?> gen = !canStayUnset ? value
                    : required ? (tame ? value : Freq<object?>((1, Gen.Const<object?>(Unset)), (7, value)))
                    : Freq<object?>((2, Gen.Const<object?>(Unset)), (5, value));
                properties.Add(p);
                gens.Add(gen);
            }
            if (ExtensionProperty(t) is PropertyInfo extension)
            {
                properties.Add(extension);
                gens.Add(ExtensionData(DataProperties(t).Select(p => p.GetCustomAttribute<JsonPropertyNameAttribute>()!.Name).ToArray(), LiteralsOf(t), tame));
            }
            // One generator of all the members' values, built by folding: CsCheck combines generators pairwise.
            Gen<object?[]> all = Gen.Const(Array.Empty<object?>()); // never mutated: each step copies
            foreach (Gen<object?> g in gens)
                all = Gen.Select(all, g, (values, v) => values.Append(v).ToArray());
            PropertyInfo[] props = properties.ToArray();
            return all.Select(values =>
            {
                object instance = Activator.CreateInstance(t, nonPublic: true)!;
                for (int i = 0; i < props.Length; i++)
                    if (!ReferenceEquals(values[i], Unset)) props[i].SetValue(instance, values[i]); // init setters accept reflection
                return (object?)instance;
            });
        }

        /// <summary>
        /// The [JsonExtensionData] dictionary: null, empty, or a few members; wild ones reuse declared
        /// names (written twice then) and carry any JSON, tame ones add a scalar under a fresh name.
        /// </summary>
        private Gen<object?> ExtensionData(string[] declared, Literals literals, bool tame)
        {
            Gen<string> freshName = Freq((1, PickT(new[] { "extra", "x-custom" })), (1, Gen.Char['a', 'z'].Array[1, 8].Select(c => "zz_" + new string(c))));
            Gen<string> name = tame ? freshName : Freq((3, freshName), (4, PickT(declared)), (1, PickT(literals.Names)), (1, PickT(new[] { "" })));
            Gen<JsonElement> value = JsonValues(literals, tame ? 0 : 2, tame);
            Gen<object?> members = Gen.Select(name, value).List[1, tame ? 1 : 3].Select(pairs =>
            {
                var d = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
                foreach ((string k, JsonElement v) in pairs) d[k] = v;
                return (object?)d;
            });
            Func<object?> empty = () => new Dictionary<string, JsonElement>(); // a new dictionary per value, none shared
            return Freq<object?>((3, NullValue), (1, Gen.Const(empty)), (tame ? 1 : 4, members));
        }

        private Gen<object?> Union(Type t, int depth, bool tame)
        {
            var options = new List<(int Weight, Gen<object?>? Gen)>();
            Gen<object?>? unknown = null;
            foreach (Type c in UnionCases(t))
            {
                ConstructorInfo ctor = c.GetConstructors().Single(k => k.GetParameters() is { Length: 1 } ps && ps[0].ParameterType != c);
                Type valueType = ctor.GetParameters()[0].ParameterType;
                if (c.Name == "Unknown" && valueType == typeof(JsonElement))
                {
                    unknown = JsonValues(LiteralsOf(t), tame ? 1 : 2, tame).Select(e => (object?)ctor.Invoke(new object?[] { e }));
                    continue;
                }
                // Past the depth limit a union's own cases could recurse without end: only Unknown is left.
                if (depth >= MaxDepth) continue;
                Gen<object?> value = Slot(valueType, nullAllowed: false, depth + 1, tame, LiteralsOf(t));
                options.Add((4, value.Select(v => (object?)ctor.Invoke(new[] { v }))));
            }
            if (unknown is not null) options.Add((options.Count == 0 ? 1 : tame ? 0 : 1, unknown));
            if (options.All(o => o.Weight == 0)) throw new NotSupportedException(t.FullName + ": no union case to generate");
            return Freq<object?>(options.ToArray());
        }

        private Gen<object?> Lists(Type t, int depth, bool tame, Literals literals)
        {
            Type element = t.GetGenericArguments()[0];
            Gen<object?> item = Slot(element, nullAllowed: false, depth + 1, tame, literals);
            return item.List[0, tame ? 2 : 4].Select(items =>
            {
                var list = (IList)Activator.CreateInstance(t)!;
                foreach (object? v in items) list.Add(v);
                return (object?)list;
            });
        }

        private Gen<object?> Dictionaries(Type t, int depth, bool tame, Literals literals)
        {
            Type valueType = t.GetGenericArguments()[1];
            Gen<object?> value = Slot(valueType, nullAllowed: false, depth + 1, tame, literals);
            Gen<string> key = Freq((3, Gen.Char['a', 'z'].Array[1, 6].Select(c => new string(c))), (1, PickT(literals.Names)), (tame ? 0 : 1, PickT(new[] { "", "ü-ключ" })));
            return Gen.Select(key, value).List[0, 3].Select(pairs =>
            {
                var d = (IDictionary)Activator.CreateInstance(t)!;
                foreach ((string k, object? v) in pairs) d[k] = v;
                return (object?)d;
            });
        }

        private static Gen<object?> Enums(Type t, bool tame)
        {
            MethodInfo from = t.GetMethod("From", BindingFlags.Public | BindingFlags.Static, new[] { typeof(string) })!;
            object?[] known = ((IEnumerable)t.GetProperty("KnownValues", BindingFlags.Public | BindingFlags.Static)!.GetValue(null)!).Cast<object?>().ToArray();
            Gen<object?> unknown = PickT(new[] { "NOT_A_KNOWN_VALUE", "", "pay_now", "Ünknown" })!.Select(s => (object?)from.Invoke(null, new object?[] { s }));
            return Freq<object?>((5, PickT(known)), (tame && known.Length > 0 ? 0 : 2, unknown));
        }

        // -- primitives ---------------------------------------------------------------------------

        /// <summary>Strings: literals of the schemas and common well-formed values; wild adds empty, long, non-ASCII, control characters.</summary>
        private static Gen<object?> Strings(Literals literals, bool tame) => StringsT(literals, tame).Select(s => (object?)s);

        private static readonly string[] s_benign =
        {
            "abc", "Hello", "https://example.com/x", "user@example.com", "2024-01-02", "2024-01-02T03:04:05Z", "03:04:05Z",
            "550e8400-e29b-41d4-a716-446655440000", "example.com", "192.168.0.1", "SE", "42", "P1D",
        };

        private static readonly string[] s_hostile =
        {
            "", new string('a', 300), "Ünïcødé ✓", "emoji 😀", "tab\there \"q\" \\ \u0001", "-1", "not a date", "2024-13-45", "http://", "a b c", "\u0000",
        };

        private static Gen<string> StringsT(Literals literals, bool tame)
            => Freq(
                (4, PickT(literals.Strings)),
                (3, PickT(s_benign)),
                (tame ? 0 : 3, PickT(s_hostile)),
                (tame ? 0 : 1, Gen.Char[' ', '~'].Array[0, 16].Select(c => new string(c))));

        private static Gen<long> Longs(Literals literals, bool tame, long min, long max, Gen<long> any)
        {
            long[] small = { 0, 1, 2, 5, 10, 100, 1200 };
            long[] fromSchema = literals.Numbers.Where(n => n == Math.Floor(n) && n >= min && n <= max && Math.Abs(n) < 9e15).Select(n => (long)n).ToArray();
            long[] extreme = { -1, -100, min, max, Math.Min(max, int.MaxValue + 1L) };
            return Freq((3, PickT(small)), (3, PickT(fromSchema)), (tame ? 0 : 2, PickT(extreme)), (tame ? 0 : 1, any));
        }

        private static Gen<double> Doubles(Literals literals, bool tame)
        {
            double[] small = { 0, 1, 0.5, 2.5, 10, 100 };
            double[] fromSchema = literals.Numbers.ToArray();
            double[] extreme = { -1, -0.5, -0.0, 1e300, -1e300, 1e-300, double.Epsilon, double.MaxValue, 3.0000000000000004 };
            return Freq((3, PickT(small)), (3, PickT(fromSchema)), (tame ? 0 : 2, PickT(extreme)), (tame ? 0 : 1, Gen.Double.Where(double.IsFinite)));
        }

        private static Gen<object?> Decimals(bool tame)
        {
            decimal[] small = { 0m, 1m, 1.5m, 10m };
            decimal[] extreme = { -1m, decimal.MaxValue, decimal.MinValue, 0.0001m, 1.000m };
            return Freq((3, PickT(small)), (tame ? 0 : 2, PickT(extreme)), (tame ? 0 : 1, Gen.Decimal)).Select(d => (object?)d);
        }

        private static Gen<object?> DateTimeOffsets(bool tame)
        {
            DateTimeOffset[] fixedValues =
            {
                new(2024, 1, 2, 3, 4, 5, TimeSpan.Zero), new(2038, 1, 19, 3, 14, 7, TimeSpan.FromHours(2)),
                new DateTimeOffset(2024, 2, 29, 23, 59, 59, TimeSpan.FromHours(-5)).AddTicks(1234567),
            };
            return Freq((3, PickT(fixedValues)), (tame ? 0 : 2, Gen.DateTimeOffset)).Select(d => (object?)d);
        }

        // -- JSON ---------------------------------------------------------------------------------

        /// <summary>Any JSON value up to <paramref name="depth"/> levels: scalars from the literals, arrays, objects keyed by schema member names.</summary>
        private static Gen<JsonElement> JsonValues(Literals literals, int depth, bool tame)
            => JsonText(literals, depth, tame).Select(Parse);

        private static Gen<string> JsonText(Literals literals, int depth, bool tame)
        {
            Gen<string> scalar = Freq(
                (1, PickT(new[] { "null", "true", "false" })),
                (2, Doubles(literals, tame).Select(FormatNumber)),
                (4, StringsT(literals, tame).Select(Json)));
            if (depth == 0) return scalar;
            Gen<string> inner = JsonText(literals, depth - 1, tame);
            Gen<string> key = Freq((2, PickT(literals.Names)), (1, Gen.Char['a', 'z'].Array[1, 5].Select(c => new string(c))));
            Gen<string> array = inner.Array[0, 3].Select(items => "[" + string.Join(",", items) + "]");
            Gen<string> obj = Gen.Select(key, inner).Array[0, 3].Select(members =>
                "{" + string.Join(",", members.DistinctBy(m => m.Item1, StringComparer.Ordinal).Select(m => Json(m.Item1) + ":" + m.Item2)) + "}");
            return Freq((4, scalar), (1, array), (2, obj));
        }

        private static string FormatNumber(double d) => d.ToString("R", CultureInfo.InvariantCulture);

        private static string Json(string s) => "\"" + JsonEncodedText.Encode(s, JavaScriptEncoder.UnsafeRelaxedJsonEscaping).ToString() + "\"";

        /// <summary>A standalone element (its own document), so it outlives the text it was parsed from.</summary>
        private static JsonElement Parse(string json)
        {
            using JsonDocument doc = JsonDocument.Parse(json);
            return doc.RootElement.Clone();
        }

        // -- combinators --------------------------------------------------------------------------

        /// <summary>Gen.Frequency over the options with a positive weight and a generator (0 or null switches one off).</summary>
        private static Gen<T> Freq<T>(params (int Weight, Gen<T>? Gen)[] options)
        {
            (int, IGen<T>)[] live = options.Where(o => o.Weight > 0 && o.Gen is not null).Select(o => (o.Weight, (IGen<T>)o.Gen!)).ToArray();
            if (live.Length == 0) throw new InvalidOperationException("no generator left");
            return live.Length == 1 ? (Gen<T>)live[0].Item2 : Gen.Frequency(live);
        }

        /// <summary>One of <paramref name="values"/>, uniformly; null (switched off in <see cref="Freq"/>) when there are none.</summary>
        private static Gen<T>? PickT<T>(IReadOnlyList<T> values) => values.Count == 0 ? null : Gen.Int[0, values.Count - 1].Select(i => values[i]);
    }
}
