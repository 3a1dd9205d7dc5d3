namespace HppSchemaGen.Validation;

/// <summary>UTF-16 facts shared by the runtime and the generator (which links this file).</summary>
internal static class Utf16
{
    /// <summary>True when <paramref name="value"/> has a surrogate without its pair: such text has no UTF-8 form.</summary>
    public static bool HasLoneSurrogate(string value)
    {
        for (int i = 0; i < value.Length; i++)
        {
            if (char.IsHighSurrogate(value[i]))
            {
                if (i + 1 >= value.Length || !char.IsLowSurrogate(value[i + 1])) return true;
                i++;
            }
            else if (char.IsLowSurrogate(value[i])) return true;
        }
        return false;
    }
}
