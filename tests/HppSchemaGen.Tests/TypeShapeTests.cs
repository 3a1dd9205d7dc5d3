using System.Linq;
using HppSchemaGen.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace HppSchemaGen.Tests;

/// <summary>The C# shapes users get for each kind of schema, read from the compiled output's symbols.</summary>
public class TypeShapeTests
{
    private static INamedTypeSymbol Type(GeneratorHarness.Result r, string name)
    {
        Assert.Empty(r.CompileDiagnostics.Select(d => d.ToString()));
        return r.Output.GetTypeByMetadataName("Consumer." + name) ?? throw new Xunit.Sdk.XunitException("no type " + name + " in " + string.Join(", ", r.Run.GeneratedSources.Select(s => s.HintName)));
    }

    private static IPropertySymbol Property(INamedTypeSymbol type, string name) => type.GetMembers(name).OfType<IPropertySymbol>().Single();

    private static string Display(IPropertySymbol p) => p.Type.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat.WithMiscellaneousOptions(SymbolDisplayMiscellaneousOptions.IncludeNullableReferenceTypeModifier | SymbolDisplayMiscellaneousOptions.UseSpecialTypes));

    [Fact]
    public void Required_optional_and_nullable_members_tell_the_truth()
    {
        var r = GeneratorHarness.RunSingle("""
            {"title": "T", "type": "object", "required": ["a", "b"], "properties": {
              "a": {"type": "string"}, "b": {"type": ["string", "null"]}, "c": {"type": "integer"}, "d": {"type": "integer", "nullable": true}}}
            """);
        INamedTypeSymbol t = Type(r, "T");
        Assert.True(Property(t, "A").IsRequired);
        Assert.Equal("string", Display(Property(t, "A")));
        Assert.True(Property(t, "B").IsRequired);
        Assert.Equal("string?", Display(Property(t, "B")));
        Assert.False(Property(t, "C").IsRequired);
        Assert.Equal("long?", Display(Property(t, "C")));
        Assert.Equal("long?", Display(Property(t, "D")));
    }

    [Fact]
    public void Defaults_initialize_optional_members_which_are_then_not_nullable()
    {
        var r = GeneratorHarness.RunSingle("""
            {"title": "Settings", "type": "object", "properties": {"n": {"type": "integer", "default": 3}, "s": {"type": "string", "default": "x\"y"},
             "m": {"type": "string", "enum": ["a", "b"], "default": "b"}, "bad": {"type": "integer", "default": "oops"}}}
            """);
        INamedTypeSymbol s = Type(r, "Settings");
        Assert.Equal("long", Display(Property(s, "N")));
        Assert.Equal("string", Display(Property(s, "S")));
        Assert.Equal("long?", Display(Property(s, "Bad")));
        string source = r.Source("Settings.g.cs");
        Assert.Contains("public long N { get; init; } = 3L;", source);
        Assert.Contains("= \"x\\\"y\";", source);
        Assert.Contains("= global::Consumer.SettingsM.B;", source);
    }

    [Fact]
    public void AllOf_of_objects_is_one_merged_record()
    {
        var r = GeneratorHarness.RunSingle("""
            {"title": "E", "allOf": [{"$ref": "#/$defs/P"}, {"properties": {"id": {"type": "integer"}}, "required": ["id"]}],
             "$defs": {"P": {"type": "object", "properties": {"name": {"type": "string"}}}}}
            """);
        INamedTypeSymbol e = Type(r, "E");
        Assert.True(Property(e, "Id").IsRequired);
        Assert.Equal("string?", Display(Property(e, "Name")));
        Assert.Equal(2, r.Run.GeneratedSources.Count(s => s.HintName is "E.g.cs" or "P.g.cs"));
    }

    [Fact]
    public void OneOf_is_a_union_with_one_case_per_branch_and_Unknown()
    {
        var r = GeneratorHarness.RunSingle("""
            {"title": "U", "oneOf": [{"type": "string"}, {"type": "integer"}, {"title": "Thing", "type": "object", "properties": {"a": {"type": "string"}}}]}
            """);
        INamedTypeSymbol u = Type(r, "U");
        Assert.True(u.IsAbstract);
        string[] cases = u.GetTypeMembers().Where(t => SymbolEqualityComparer.Default.Equals(t.BaseType, u)).Select(t => t.Name).OrderBy(n => n).ToArray();
        Assert.Equal(new[] { "Integer", "String", "Thing", "Unknown" }, cases);
        Assert.NotNull(r.Output.GetTypeByMetadataName("Consumer.UThing"));
    }

    [Fact]
    public void Maps_become_dictionaries_and_arrays_lists()
    {
        var r = GeneratorHarness.RunSingle("""
            {"title": "M", "type": "object", "properties": {"prices": {"type": "object", "additionalProperties": {"type": "number"}},
             "tags": {"type": "array", "items": {"type": "string"}}, "any": {}}}
            """);
        INamedTypeSymbol m = Type(r, "M");
        Assert.Equal("Dictionary<string, double>?", Display(Property(m, "Prices")));
        Assert.Equal("List<string>?", Display(Property(m, "Tags")));
        Assert.Equal("JsonElement?", Display(Property(m, "Any")));
    }

    [Fact]
    public void Schemas_with_no_single_shape_fall_back_to_JsonElement_with_HSG3003()
    {
        var r = GeneratorHarness.RunSingle("""{"title": "F", "type": "object", "properties": {"v": {"type": ["string", "integer"]}}}""");
        Assert.Equal("JsonElement?", Display(Property(Type(r, "F"), "V")));
        Assert.Contains(r.GeneratorDiagnostics, d => d.Id == "HSG3003");
    }

    [Fact]
    public void Format_assertion_is_on_by_default_and_off_with_the_MSBuild_property()
    {
        const string schema = """{"title": "F", "type": "object", "properties": {"when": {"type": "string", "format": "date-time"}}}""";
        Assert.Contains("Checks.Format", GeneratorHarness.RunSingle(schema).Source("F.Schema.g.cs"));
        var off = GeneratorHarness.RunSingle(schema, global: new System.Collections.Generic.Dictionary<string, string> { ["build_property.HppSchemaGenFormatAssertion"] = "false" });
        Assert.DoesNotContain("Checks.Format", off.Source("F.Schema.g.cs"));
        Assert.Empty(off.CompileDiagnostics.Select(d => d.ToString()));
    }

    [Fact]
    public void Namespace_and_context_name_follow_the_MSBuild_properties()
    {
        var r = GeneratorHarness.RunSingle("""{"title": "N", "type": "object", "properties": {"a": {"type": "string"}}}""",
            global: new System.Collections.Generic.Dictionary<string, string> { ["build_property.HppSchemaGenNamespace"] = "My.Api", ["build_property.HppSchemaGenContextName"] = "ApiJson" });
        Assert.Empty(r.CompileDiagnostics.Select(d => d.ToString()));
        Assert.NotNull(r.Output.GetTypeByMetadataName("My.Api.N"));
        Assert.NotNull(r.Output.GetTypeByMetadataName("My.Api.ApiJson"));
    }

    [Fact]
    public void Adding_a_property_renames_no_existing_type()
    {
        const string before = """
            {"title": "Order", "type": "object", "properties": {
              "status": {"type": "string", "enum": ["a", "b"]},
              "customer": {"type": "object", "properties": {"kind": {"type": "string", "enum": ["x"]}}}}}
            """;
        const string after = """
            {"title": "Order", "type": "object", "properties": {
              "aaa_new": {"type": "object", "properties": {"status": {"type": "string", "enum": ["n"]}}},
              "status": {"type": "string", "enum": ["a", "b"]},
              "customer": {"type": "object", "properties": {"kind": {"type": "string", "enum": ["x"]}}}}}
            """;
        var names1 = GeneratorHarness.RunSingle(before).Run.GeneratedSources.Select(s => s.HintName).ToHashSet();
        var names2 = GeneratorHarness.RunSingle(after).Run.GeneratedSources.Select(s => s.HintName).ToHashSet();
        Assert.Subset(names2, names1);
        Assert.Contains("OrderStatus.g.cs", names2);
        Assert.Contains("OrderCustomerKind.g.cs", names2);
    }
}
