namespace HppSchemaGen.Generator;

internal static class ThisAssembly
{
    /// <summary>Written into [GeneratedCode]; a constant so output never depends on the build.</summary>
    public const string Version = "0.1.0";
}
