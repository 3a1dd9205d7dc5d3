namespace HppSchemaGen.Testing.Conformance;

/// <summary>One test of the JSON-Schema-Test-Suite and what the generated validator said.</summary>
public sealed record SuiteResult(string Draft, string File, int GroupIndex, string Group, string Test, bool Expected, bool? Actual, string? Problem)
{
    public bool Passed => Actual == Expected;
}
