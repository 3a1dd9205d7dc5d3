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

    /// <summary>Parses <paramref name="json"/> as the type and writes it back through the generated context.</summary>
    private static string RoundTrip(GeneratorHarness.Result r, string typeName, string json)
    {
        System.Reflection.Assembly assembly = GeneratorHarness.Load(r)!;
        System.Type type = assembly.GetType("Consumer." + typeName)!;
        object value = type.GetMethod("Parse", new[] { typeof(string) })!.Invoke(null, new object[] { json })!;
        object context = assembly.GetType("Consumer.SchemaJsonContext")!.GetProperty("Default")!.GetValue(null)!;
        var info = (System.Text.Json.Serialization.Metadata.JsonTypeInfo)context.GetType().GetProperty(typeName)!.GetValue(context)!;
        return System.Text.Json.JsonSerializer.Serialize(value, info);
    }

    /// <summary>
    /// A record without extension data drops unknown members: it is only closed when nothing but its
    /// properties can admit a member. Pattern properties, a reference beside unevaluatedProperties, or a
    /// conditional keep the extension data, so a valid document round-trips whole.
    /// </summary>
    [Theory]
    [InlineData("""{"properties": {"a": {"type": "string"}}, "patternProperties": {"^x": {"type": "string"}}, "additionalProperties": false}""", """{"a":"1","x1":"2"}""")]
    [InlineData("""{"properties": {"a": {"type": "string"}}, "$ref": "#/$defs/B", "unevaluatedProperties": false, "$defs": {"B": {"properties": {"b": {"type": "integer"}}}}}""", """{"a":"x","b":1}""")]
    [InlineData("""{"properties": {"a": {"type": "string"}}, "if": {"required": ["a"]}, "then": {"properties": {"b": {"type": "integer"}}}, "unevaluatedProperties": false}""", """{"a":"x","b":1}""")]
    [InlineData("""{"properties": {"a": {"type": "string"}}, "anyOf": [{"properties": {"b": {"type": "integer"}}}], "unevaluatedProperties": false}""", """{"a":"x","b":1}""")]
    [InlineData("""{"properties": {"a": {"type": "string"}}, "dependentSchemas": {"a": {"properties": {"b": {"type": "integer"}}}}, "unevaluatedProperties": false}""", """{"a":"x","b":1}""")]
    [InlineData("""{"properties": {"a": {"type": "string"}}, "allOf": [{"patternProperties": {"^b": {"type": "integer"}}}], "unevaluatedProperties": false}""", """{"a":"x","b":1}""")]
    [InlineData("""{"properties": {"a": {"type": "string"}}, "additionalProperties": {"type": "integer"}, "unevaluatedProperties": false}""", """{"a":"x","b":1}""")]
    public void Members_other_keywords_admit_survive_a_round_trip(string schema, string json)
    {
        var r = GeneratorHarness.RunSingle("""{"title": "T", "type": "object", """ + schema.Substring(1));
        Assert.NotEmpty(Type(r, "T").GetMembers("AdditionalProperties"));
        Assert.Equal(json, RoundTrip(r, "T", json));
    }

    [Theory]
    [InlineData("""{"properties": {"a": {"type": "string"}}, "additionalProperties": false}""")]
    [InlineData("""{"properties": {"a": {"type": "string"}}, "allOf": [{"properties": {"b": {"type": "integer"}}}], "unevaluatedProperties": false}""")]
    [InlineData("""{"properties": {"a": {"type": "string"}}, "patternProperties": {}, "additionalProperties": false}""")]
    public void A_record_only_its_properties_can_fill_is_closed(string schema)
    {
        var r = GeneratorHarness.RunSingle("""{"title": "T", "type": "object", """ + schema.Substring(1));
        Assert.Empty(Type(r, "T").GetMembers("AdditionalProperties"));
    }

    /// <summary>
    /// An absent member holds its default, so a default the member's schema rejects, or one an
    /// object-level keyword could turn against the document, is not used: Parse("{}") and writing the
    /// value back stay valid.
    /// </summary>
    [Fact]
    public void Defaults_the_schema_rejects_do_not_initialize_members()
    {
        var r = GeneratorHarness.RunSingle("""
            {"title": "T", "type": "object", "properties": {
              "u": {"type": "string", "format": "uri", "default": ""}, "m": {"type": "string", "minLength": 3, "default": ""},
              "p": {"type": "string", "pattern": "^a", "default": "b"}, "n": {"type": "integer", "minimum": 5, "default": 0},
              "x": {"type": "number", "exclusiveMaximum": 1, "default": 1}, "k": {"type": "integer", "multipleOf": 2, "default": 3},
              "c": {"type": "boolean", "const": true, "default": false}, "r": {"$ref": "#/$defs/Short", "default": "toolong"},
              "ok": {"type": "integer", "minimum": 0, "maximum": 10, "multipleOf": 5, "default": 5}, "s": {"type": "string", "maxLength": 2, "default": "\ud83d\ude00a"}},
             "$defs": {"Short": {"type": "string", "maxLength": 3}}}
            """);
        INamedTypeSymbol t = Type(r, "T");
        foreach (string name in new[] { "U", "M", "P", "N", "X", "K", "C", "R" })
            Assert.True(Property(t, name).Type.NullableAnnotation == NullableAnnotation.Annotated || Property(t, name).Type.OriginalDefinition.SpecialType == SpecialType.System_Nullable_T, name + " has its default: " + Display(Property(t, name)));
        Assert.Equal("long", Display(Property(t, "Ok")));
        Assert.Equal("string", Display(Property(t, "S")));
        string parsed = RoundTrip(r, "T", "{}");
        Assert.Equal("""{"ok":5,"s":"\uD83D\uDE00a"}""", parsed);
    }

    [Theory]
    [InlineData("\"dependentRequired\": {\"mode\": [\"x\"]}")]
    [InlineData("\"maxProperties\": 1")]
    [InlineData("\"allOf\": [{\"if\": {\"required\": [\"mode\"]}, \"then\": {\"required\": [\"x\"]}}]")]
    public void Object_keywords_a_default_could_break_keep_members_without_defaults(string keyword)
    {
        var r = GeneratorHarness.RunSingle("""{"title": "T", "type": "object", "properties": {"mode": {"type": "string", "default": "fast"}, "x": {"type": "string"}}, """ + keyword + "}");
        Assert.Equal("string?", Display(Property(Type(r, "T"), "Mode")));
        Assert.Equal("{}", RoundTrip(r, "T", "{}"));
    }

    [Fact]
    public void Formats_type_members_only_where_format_is_asserted()
    {
        const string Schema = """
            {"title": "T", "type": "object", "properties": {"dt": {"type": "string", "format": "date-time"}, "u": {"type": "string", "format": "uuid"}, "d": {"type": "string", "format": "date"}}}
            """;
        INamedTypeSymbol asserted = Type(GeneratorHarness.RunSingle(Schema), "T");
        Assert.Equal(new[] { "DateTimeOffset?", "Guid?", "DateOnly?" }, new[] { "Dt", "U", "D" }.Select(n => Display(Property(asserted, n))));

        // As an annotation, "yesterday" is a valid date-time: the members are strings that hold it.
        var r = GeneratorHarness.RunSingle(Schema, global: new System.Collections.Generic.Dictionary<string, string> { ["build_property.HppSchemaGenFormatAssertion"] = "false" });
        INamedTypeSymbol annotated = Type(r, "T");
        Assert.All(new[] { "Dt", "U", "D" }, n => Assert.Equal("string?", Display(Property(annotated, n))));
        const string Json = """{"dt":"yesterday","u":"nope","d":"2020-13-45"}""";
        Assert.Equal(Json, RoundTrip(r, "T", Json));
    }

    /// <summary>
    /// <c>items</c> says "array" only when an allOf branch does not allow another kind: GitHub's workflow
    /// schema writes <c>"allOf": [{"$ref": "#/definitions/types"}], "items": {...}</c> where <c>types</c> is
    /// an array or a string, and the common string form must parse.
    /// </summary>
    [Fact]
    public void Keywords_of_one_kind_do_not_type_a_value_an_allOf_branch_lets_be_another()
    {
        var r = GeneratorHarness.RunSingle("""
            {"title": "W", "type": "object", "properties": {
              "types": {"allOf": [{"$ref": "#/$defs/types"}], "items": {"type": "string", "enum": ["published", "created"]}},
              "list": {"allOf": [{"$ref": "#/$defs/list"}], "items": {"type": "string"}}},
             "$defs": {"types": {"oneOf": [{"type": "array", "minItems": 1}, {"type": "string"}]}, "list": {"type": "array"}}}
            """);
        INamedTypeSymbol w = Type(r, "W");
        Assert.Equal("JsonElement?", Display(Property(w, "Types")));
        Assert.Equal("List<string>?", Display(Property(w, "List")));
        Assert.Equal("""{"types":"published"}""", RoundTrip(r, "W", """{"types":"published"}"""));
    }

    /// <summary>
    /// A schema with <c>properties</c> and no <c>type</c> is typed as a record, but any other value is
    /// valid: such a document is reported as valid JSON the type cannot hold, never as malformed.
    /// </summary>
    [Fact]
    public void A_valid_value_the_type_cannot_hold_is_not_called_malformed()
    {
        var r = GeneratorHarness.RunSingle("""{"title": "T", "type": "object", "properties": {"m": {"additionalProperties": {"type": "string"}}}}""");
        System.Type t = GeneratorHarness.Load(r)!.GetType("Consumer.T")!;
        var args = new object?[] { """{"m": 5}""", null, null };
        Assert.False((bool)t.GetMethod("TryParse", new[] { typeof(string), t.MakeByRefType(), typeof(ValidationResult).MakeByRefType() })!.Invoke(null, args)!);
        string message = Assert.Single(((ValidationResult)args[2]!).Errors).Message;
        Assert.StartsWith("The JSON is valid against the schema, but the generated type cannot hold it: ", message);
        Assert.DoesNotContain("Malformed", message);
        var e = Assert.Throws<System.Reflection.TargetInvocationException>(() => t.GetMethod("Parse", new[] { typeof(string) })!.Invoke(null, new object[] { """{"m": 5}""" }));
        Assert.IsAssignableFrom<System.Text.Json.JsonException>(e.InnerException);
        Assert.StartsWith("The JSON is valid against the schema", e.InnerException!.Message);
    }
}
