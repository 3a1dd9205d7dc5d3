using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace HppSchemaGen.Generator.Diagnostics;

/// <summary>
/// Every diagnostic the generator reports, documented in docs/diagnostics.md (the help link) and
/// tracked in AnalyzerReleases.Shipped.md / Unshipped.md (RS2008 checks the two agree). Each
/// descriptor is written out with constant arguments so the release-tracking analyzer can read it.
/// </summary>
internal static class DiagnosticDescriptors
{
    private const string Category = "HppSchemaGen";
    private const string HelpBase = "https://github.com/hppschemagen/hppschemagen/blob/main/docs/diagnostics.md#";

    public static readonly DiagnosticDescriptor InvalidJson = new(
        "HSG0001", "Schema file is not valid JSON", "Schema file is not valid JSON: {0}", Category, DiagnosticSeverity.Error, true,
        "The file could not be parsed; nothing is generated from it. The location is where parsing stopped.", HelpBase + "hsg0001");

    public static readonly DiagnosticDescriptor DuplicateMember = new(
        "HSG0002", "Duplicate member in a schema object", "Member '{0}' appears more than once; the last one is used", Category, DiagnosticSeverity.Warning, true,
        "JSON leaves duplicate member names undefined; the generator keeps the last, as most parsers do.", HelpBase + "hsg0002");

    public static readonly DiagnosticDescriptor NotASchema = new(
        "HSG0003", "Value is not a schema", "{0} must be a schema (an object or a boolean); it is ignored", Category, DiagnosticSeverity.Warning, true,
        "A keyword that takes a subschema was given another kind of value.", HelpBase + "hsg0003");

    public static readonly DiagnosticDescriptor InvalidYaml = new(
        "HSG0004", "File is not valid YAML", "File is not valid YAML: {0}", Category, DiagnosticSeverity.Error, true,
        "The YAML reader (YAML 1.2, JSON-compatible core schema) stopped here; nothing is generated from the file.", HelpBase + "hsg0004");

    public static readonly DiagnosticDescriptor YamlReadDifferently = new(
        "HSG0005", "YAML value read differently", "YAML: {0}", Category, DiagnosticSeverity.Warning, true,
        "A YAML construct with no JSON equivalent (a tag, a complex key ...) was read in the nearest JSON way.", HelpBase + "hsg0005");

    public static readonly DiagnosticDescriptor SwaggerNotSupported = new(
        "HSG0006", "Swagger 2.0 is not supported", "This is a Swagger {0} document; only OpenAPI 3.0 and 3.1 are read. Convert it to OpenAPI 3 (for example with swagger2openapi); nothing is generated for this file.", Category, DiagnosticSeverity.Error, true,
        "Swagger 2.0 documents have another structure (definitions, parameters in body).", HelpBase + "hsg0006");

    public static readonly DiagnosticDescriptor OpenApiSkipped = new(
        "HSG0007", "OpenAPI document structure skipped", "OpenAPI: {0}", Category, DiagnosticSeverity.Warning, true,
        "A part of the OpenAPI document that should hold schemas does not have the expected shape.", HelpBase + "hsg0007");

    public static readonly DiagnosticDescriptor UnresolvedRef = new(
        "HSG1001", "Unresolved reference", "Cannot resolve '{0}' (base URI '{1}'): no schema in the AdditionalFiles has that URI, anchor or pointer", Category, DiagnosticSeverity.Error, true,
        "The generator never reads the disk or the network: every referenced schema must be an AdditionalFiles item. The reference fails validation.", HelpBase + "hsg1001");

    public static readonly DiagnosticDescriptor DuplicateId = new(
        "HSG1002", "Duplicate schema URI", "Schema URI '{0}' is defined more than once; the first definition (in file order) is used", Category, DiagnosticSeverity.Warning, true,
        "Two schemas declare the same $id (or anchor) URI.", HelpBase + "hsg1002");

    public static readonly DiagnosticDescriptor RefTooDeep = new(
        "HSG1003", "Reference chain too long", "The reference chain starting at '{0}' is longer than {1} or cycles without a schema; it is treated as accepting any value", Category, DiagnosticSeverity.Warning, true,
        "Mapping a schema to a C# type follows $ref chains up to a fixed length.", HelpBase + "hsg1003");

    public static readonly DiagnosticDescriptor RefCycle = new(
        "HSG1004", "Reference cycle", "The schema at '{0}' refers back to itself without moving into the instance; evaluating it would never end, so that reference fails validation", Category, DiagnosticSeverity.Warning, true,
        "A cycle of in-place applicators ($ref, allOf, not ...) would recurse forever at run time.", HelpBase + "hsg1004");

    public static readonly DiagnosticDescriptor UnsupportedKeyword = new(
        "HSG2001", "Unsupported keyword", "Keyword '{0}' is not supported and is not asserted", Category, DiagnosticSeverity.Warning, true,
        "The keyword is understood but beyond what the emitted validators implement.", HelpBase + "hsg2001");

    public static readonly DiagnosticDescriptor InvalidKeywordValue = new(
        "HSG2002", "Invalid keyword value", "Keyword '{0}' has an invalid value ({1}); it is ignored", Category, DiagnosticSeverity.Warning, true,
        "The keyword's value does not have the form the specification requires.", HelpBase + "hsg2002");

    public static readonly DiagnosticDescriptor InvalidPattern = new(
        "HSG2003", "Pattern cannot be compiled", "Pattern '{0}' cannot be compiled as a regular expression ({1}); it asserts nothing", Category, DiagnosticSeverity.Warning, true,
        "ECMA-262 patterns are translated to .NET; this one has no translation.", HelpBase + "hsg2003");

    public static readonly DiagnosticDescriptor TypeRenamed = new(
        "HSG3001", "Type name collision", "Type name '{0}' is already taken; the schema at '{1}' is named '{2}'", Category, DiagnosticSeverity.Info, true,
        "Set x-csharp-name on the schema to choose the name.", HelpBase + "hsg3001");

    public static readonly DiagnosticDescriptor MemberRenamed = new(
        "HSG3002", "Member name collision", "Member name '{0}' is already taken in '{1}'; JSON name '{2}' becomes '{3}'", Category, DiagnosticSeverity.Info, true,
        "Set x-csharp-name on the property's schema to choose the name.", HelpBase + "hsg3002");

    public static readonly DiagnosticDescriptor FallbackType = new(
        "HSG3003", "Schema mapped to JsonElement", "The schema at '{0}' has no single C# shape ({1}); its values are kept as JsonElement", Category, DiagnosticSeverity.Info, true,
        "Values keep an exact round trip and are still fully validated.", HelpBase + "hsg3003");

    public static readonly DiagnosticDescriptor InternalError = new(
        "HSG9001", "Generator failure", "The generator failed on this file and generated nothing for it: {0}", Category, DiagnosticSeverity.Error, true,
        "A bug in the generator; it is reported instead of failing the build. Please file it with the schema.", HelpBase + "hsg9001");

    private static readonly Dictionary<string, DiagnosticDescriptor> s_byId = Index();

    /// <summary>Every descriptor, in id order.</summary>
    public static IEnumerable<DiagnosticDescriptor> All => s_byId.Values;

    public static DiagnosticDescriptor Get(string id) => s_byId[id];

    private static Dictionary<string, DiagnosticDescriptor> Index()
    {
        var all = new[]
        {
            InvalidJson, DuplicateMember, NotASchema, InvalidYaml, YamlReadDifferently, SwaggerNotSupported, OpenApiSkipped, UnresolvedRef, DuplicateId, RefTooDeep, RefCycle,
            UnsupportedKeyword, InvalidKeywordValue, InvalidPattern, TypeRenamed, MemberRenamed, FallbackType, InternalError,
        };
        var map = new Dictionary<string, DiagnosticDescriptor>();
        foreach (DiagnosticDescriptor d in all) map[d.Id] = d;
        return map;
    }
}
