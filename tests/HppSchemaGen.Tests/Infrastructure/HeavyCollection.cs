using Xunit;

namespace HppSchemaGen.Tests.Infrastructure;

/// <summary>
/// Tests that read or generate documents of tens of megabytes: they run alone, after the parallel
/// ones, so their load cannot push the time-bounded tests elsewhere past their limits.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class HeavyCollection
{
    public const string Name = "Heavy: large documents, run alone";
}
