using System.Linq;
using HppSchemaGen.Generator.Model;
using HppSchemaGen.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace HppSchemaGen.Tests;

public class NamingTests
{
    [Theory]
    [InlineData("expires_at", "ExpiresAt")]
    [InlineData("backgroundImages", "BackgroundImages")]
    [InlineData("PAY_NOW", "PayNow")]
    [InlineData("URL", "Url")]
    [InlineData("klarna:09f4a78d-d096", "Klarna09f4a78dD096")]
    [InlineData("467521087419", "_467521087419")]
    [InlineData("a b", "AB")]
    [InlineData("", "Empty")]
    [InlineData("***", "Empty")]
    [InlineData("über_größe", "ÜberGröße")]
    [InlineData("x\u202Ey", "XY")]
    public void Pascal_case_names_are_valid_identifiers(string json, string expected)
    {
        Assert.Equal(expected, Naming.ToPascalCase(json, "Empty"));
    }

    /// <summary>
    /// A type named Main (a title, a $defs key or a file name) must not give a validator method that
    /// name: in a console project the compiler takes any static Main as an entry point candidate and
    /// warns (CS7022 beside top-level statements, CS0028 beside Program.Main), which fails a build
    /// with warnings as errors.
    /// </summary>
    [Theory]
    [InlineData("System.Console.WriteLine(Consumer.Config.Validate(System.Text.Json.JsonDocument.Parse(\"{}\").RootElement).IsValid);")]
    [InlineData("static class Program { static void Main() { } }")]
    public void A_type_named_Main_builds_in_a_console_project(string program)
    {
        const string Schema = """
            {"title": "Config", "type": "object", "properties": {"main": {"$ref": "#/$defs/main"}},
             "$defs": {"main": {"type": "object", "properties": {"x": {"type": "string", "maxLength": 3}}}}}
            """;
        var result = GeneratorHarness.Run(new[] { ("/schemas/config.schema.json", Schema), ("/schemas/main.schema.json", """{"type": "object", "properties": {"y": {"type": "integer", "minimum": 2}}}""") }, null, null, program);
        Compilation console = result.Output.WithOptions(((CSharpCompilationOptions)result.Output.Options).WithOutputKind(OutputKind.ConsoleApplication));
        Assert.Empty(console.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).Select(d => d.ToString()));
        Assert.Contains(result.Run.GeneratedSources, s => s.SourceText.ToString().Contains("public sealed partial record Main"));
    }

    /// <summary>
    /// Value validators are named after the node and the CLR type they check: a union named like a
    /// CLR type (Boolean, Int64, JsonElement) or a list (ListOfString), with a branch of that type,
    /// must still get two methods, not one name for both (CS1503 in a SchemaStore schema, dein.json).
    /// </summary>
    [Theory]
    [InlineData("Boolean", """[{"type": "boolean"}, {"type": "number"}]""")]
    [InlineData("Int64", """[{"type": "integer"}, {"type": "string"}]""")]
    [InlineData("String", """[{"type": "string"}, {"type": "integer"}]""")]
    [InlineData("Double", """[{"type": "number"}, {"type": "string"}]""")]
    [InlineData("JsonElement", """[{"type": "object"}, {"type": "boolean"}]""")]
    [InlineData("ListOfString", """[{"type": "array", "items": {"type": "string"}}, {"type": "integer"}]""")]
    public void A_union_named_like_a_CLR_type_it_holds_compiles(string name, string branches)
    {
        string schema = "{\"title\": \"T\", \"type\": \"object\", \"properties\": {\"b\": {\"$ref\": \"#/$defs/" + name + "\"}}, "
            + "\"$defs\": {\"" + name + "\": {\"oneOf\": " + branches + "}}}";
        var result = GeneratorHarness.RunSingle(schema);
        Assert.Empty(result.CompileDiagnostics.Select(d => d.ToString()));
        Assert.Contains(result.Run.GeneratedSources, s => s.SourceText.ToString().Contains("record " + name));
    }
}
