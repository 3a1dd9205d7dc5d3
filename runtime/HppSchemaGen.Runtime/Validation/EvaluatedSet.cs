using System;
using System.ComponentModel;

namespace HppSchemaGen.Validation;

/// <summary>
/// Which members (by position) or items (by index) of one instance have been evaluated by the
/// schemas applied to it so far: the annotation that <c>unevaluatedProperties</c> and
/// <c>unevaluatedItems</c> read. The first 64 positions need no allocation.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public struct EvaluatedSet
{
    private ulong _low;
    private bool[]? _high;

    /// <summary>Marks position <paramref name="index"/> as evaluated.</summary>
    public void Mark(int index)
    {
        if (index < 64)
        {
            _low |= 1UL << index;
            return;
        }
        int i = index - 64;
        if (_high is null || _high.Length <= i) Array.Resize(ref _high, Math.Max(i + 1, (_high?.Length ?? 0) * 2));
        _high[i] = true;
    }

    /// <summary>Marks every position from <paramref name="start"/> up to (not including) <paramref name="end"/>.</summary>
    public void MarkRange(int start, int end)
    {
        for (int i = start; i < end; i++) Mark(i);
    }

    /// <summary>True when position <paramref name="index"/> has been evaluated.</summary>
    public readonly bool IsMarked(int index)
        => index < 64 ? (_low & (1UL << index)) != 0 : _high is not null && index - 64 < _high.Length && _high[index - 64];

    /// <summary>Adds every position evaluated in <paramref name="other"/> (the annotations of a subschema that passed).</summary>
    public void Merge(in EvaluatedSet other)
    {
        _low |= other._low;
        if (other._high is null) return;
        for (int i = 0; i < other._high.Length; i++)
        {
            if (other._high[i]) Mark(i + 64);
        }
    }
}
