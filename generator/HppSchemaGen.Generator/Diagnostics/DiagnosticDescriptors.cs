using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace HppSchemaGen.Generator.Diagnostics;

/// <summary>Every diagnostic the generator reports; documented in docs/diagnostics.md.</summary>
internal static class DiagnosticDescriptors
{
    private const string Category = "HppSchemaGen";
    private const string HelpBase = "https://github.com/hppschemagen/hppschemagen/blob/main/docs/diagnostics.md#";

    public const string InvalidJson = "HSG0001";
    public const string DuplicateMember = "HSG0002";
    public const string NotASchema = "HSG0003";
    public const string InvalidYaml = "HSG0004";
    public const string YamlReadDifferently = "HSG0005";
    public const string SwaggerNotSupported = "HSG0006";
    public const string OpenApiSkipped = "HSG0007";
    public const string UnresolvedRef = "HSG1001";
    public const string DuplicateId = "HSG1002";
    public const string RefTooDeep = "HSG1003";
    public const string RefCycle = "HSG1004";
    public const string UnsupportedKeyword = "HSG2001";
    public const string InvalidKeywordValue = "HSG2002";
    public const string InvalidPattern = "HSG2003";
    public const string TypeRenamed = "HSG3001";
    public const string MemberRenamed = "HSG3002";
    public const string FallbackType = "HSG3003";
    public const string InternalError = "HSG9001";

    private static readonly Dictionary<string, DiagnosticDescriptor> s_all = new()
    {
        [InvalidJson] = Make(InvalidJson, "Schema file is not valid JSON", "Schema file is not valid JSON: {0}", DiagnosticSeverity.Error),
        [DuplicateMember] = Make(DuplicateMember, "Duplicate member in a schema object", "Member '{0}' appears more than once; the last one is used", DiagnosticSeverity.Warning),
        [NotASchema] = Make(NotASchema, "Value is not a schema", "{0} must be a schema (an object or a boolean); it is ignored", DiagnosticSeverity.Warning),
        [InvalidYaml] = Make(InvalidYaml, "File is not valid YAML", "File is not valid YAML: {0}", DiagnosticSeverity.Error),
        [YamlReadDifferently] = Make(YamlReadDifferently, "YAML value read differently", "YAML: {0}", DiagnosticSeverity.Warning),
        [SwaggerNotSupported] = Make(SwaggerNotSupported, "Swagger 2.0 is not supported", "This is a Swagger {0} document; only OpenAPI 3.0 and 3.1 are read. Convert it to OpenAPI 3 (for example with swagger2openapi); nothing is generated for this file", DiagnosticSeverity.Error),
        [OpenApiSkipped] = Make(OpenApiSkipped, "OpenAPI document structure skipped", "OpenAPI: {0}", DiagnosticSeverity.Warning),
        [UnresolvedRef] = Make(UnresolvedRef, "Unresolved reference", "Cannot resolve '{0}' (base URI '{1}'): no schema in the AdditionalFiles has that URI, anchor or pointer", DiagnosticSeverity.Error),
        [DuplicateId] = Make(DuplicateId, "Duplicate schema URI", "Schema URI '{0}' is defined more than once; the first definition (in file order) is used", DiagnosticSeverity.Warning),
        [RefTooDeep] = Make(RefTooDeep, "Reference chain too long", "The reference chain starting at '{0}' is longer than {1} or cycles without a schema; it is treated as accepting any value", DiagnosticSeverity.Warning),
        [RefCycle] = Make(RefCycle, "Reference cycle", "The schema at '{0}' refers back to itself without moving into the instance; evaluating it would never end, so that reference fails validation", DiagnosticSeverity.Warning),
        [UnsupportedKeyword] = Make(UnsupportedKeyword, "Unsupported keyword", "Keyword '{0}' is not supported and is not asserted", DiagnosticSeverity.Warning),
        [InvalidKeywordValue] = Make(InvalidKeywordValue, "Invalid keyword value", "Keyword '{0}' has an invalid value ({1}); it is ignored", DiagnosticSeverity.Warning),
        [InvalidPattern] = Make(InvalidPattern, "Pattern cannot be compiled", "Pattern '{0}' cannot be compiled as a regular expression ({1}); it asserts nothing", DiagnosticSeverity.Warning),
        [TypeRenamed] = Make(TypeRenamed, "Type name collision", "Type name '{0}' is already taken; the schema at '{1}' is named '{2}'", DiagnosticSeverity.Info),
        [MemberRenamed] = Make(MemberRenamed, "Member name collision", "Member name '{0}' is already taken in '{1}'; JSON name '{2}' becomes '{3}'", DiagnosticSeverity.Info),
        [FallbackType] = Make(FallbackType, "Schema mapped to JsonElement", "The schema at '{0}' has no single C# shape ({1}); its values are kept as JsonElement", DiagnosticSeverity.Info),
        [InternalError] = Make(InternalError, "Generator failure", "The generator failed on this file and generated nothing for it: {0}", DiagnosticSeverity.Error),
    };

    public static IEnumerable<DiagnosticDescriptor> All => s_all.Values;

    public static DiagnosticDescriptor Get(string id) => s_all[id];

    private static DiagnosticDescriptor Make(string id, string title, string message, DiagnosticSeverity severity)
        => new(id, title, message, Category, severity, isEnabledByDefault: true, helpLinkUri: HelpBase + id.ToLowerInvariant());
}
