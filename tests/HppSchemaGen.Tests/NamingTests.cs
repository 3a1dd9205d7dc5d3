using HppSchemaGen.Generator.Model;
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
}
