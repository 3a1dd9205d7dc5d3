using System.Linq;
using System.Text.Json;
using HppSchemaGen.Tests.Infrastructure;
using Xunit;

namespace HppSchemaGen.Tests;

/// <summary>Error messages say what the value is, in the schema's own draft.</summary>
public class ErrorMessageTests
{
    [Theory]
    [InlineData("2.0", "Expected integer but found number.")]
    [InlineData("1e2", "Expected integer but found number.")]
    [InlineData("2.5", "Expected integer but found number.")]
    [InlineData("\"2\"", "Expected integer but found string.")]
    public void Draft_4_integer_errors_name_the_kind_draft_4_sees(string value, string message)
    {
        var result = GeneratorHarness.RunSingle("""{"$schema": "http://json-schema.org/draft-04/schema#", "title": "D4", "type": "object", "properties": {"p": {"type": "integer"}}}""");
        Assert.Empty(result.CompileDiagnostics.Select(d => d.ToString()));
        var validate = GeneratorHarness.Validator(GeneratorHarness.Load(result)!, "D4");
        using JsonDocument doc = JsonDocument.Parse("{\"p\": " + value + "}");
        ValidationResult r = validate(doc.RootElement);
        Assert.Equal(message, Assert.Single(r.Errors).Message);
    }
}
