using System;
using System.Linq;
using System.Reflection;
using HppSchemaGen;
using Xunit;

namespace HppSchemaGen.Hpp.OpenApi.Tests;

/// <summary>The OpenAPI document yields exactly the 11 HPP component types, each with Validate and Parse.</summary>
public class ComponentTypesTests
{
    private static readonly string[] Components =
    {
        "BackgroundImageV1", "CustomerV1", "DistributionContactV1", "DistributionModuleV1", "DistributionRequestV1",
        "MerchantManualIdentificationV1", "MerchantUrlsV1", "OptionsV1", "SessionCreationRequestV1", "SessionCreationResponseV1", "SessionResponseV1",
    };

    [Fact]
    public void The_eleven_components_are_records_with_validate_and_parse()
    {
        Assembly assembly = typeof(ComponentTypesTests).Assembly;
        foreach (string name in Components)
        {
            Type? t = assembly.GetType("Klarna.Hpp." + name);
            Assert.True(t is not null, name);
            Assert.NotNull(t!.GetMethod("Validate", new[] { typeof(System.Text.Json.JsonElement) }));
            Assert.NotNull(t.GetMethod("Parse", new[] { typeof(System.ReadOnlySpan<byte>) }));
            JsonSchemaSourceAttribute source = t.GetCustomAttribute<JsonSchemaSourceAttribute>()!;
            Assert.Equal("hpp-openapi.yml", source.Document);
            Assert.Equal("/components/schemas/" + name, source.Pointer);
        }
    }
}
