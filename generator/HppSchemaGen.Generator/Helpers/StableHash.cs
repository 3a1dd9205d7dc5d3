namespace HppSchemaGen.Generator.Helpers;

/// <summary>FNV-1a over the lower-cased name: the same on every machine and runtime (string.GetHashCode is randomized).</summary>
internal static class StableHash
{
    public static uint Of(string name)
    {
        uint hash = 2166136261;
        foreach (char c in name)
        {
            hash ^= char.ToLowerInvariant(c);
            hash *= 16777619;
        }
        return hash;
    }
}
