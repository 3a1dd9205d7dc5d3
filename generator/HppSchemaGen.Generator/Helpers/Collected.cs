using System;
using Microsoft.CodeAnalysis;

namespace HppSchemaGen.Generator.Helpers;

/// <summary>
/// An item on its way into a <c>Collect</c>. On every run, even one where nothing changed, the
/// driver compares each collected item with the last run's, and those are nearly always the same
/// object: as a struct, that comparison reads two references from the driver's own table, not the
/// objects themselves (thousands of them, scattered over the heap, on every keystroke). Equal when
/// the same object, or equal ones.
/// </summary>
internal readonly struct Collected<T> : IEquatable<Collected<T>>
    where T : class, IEquatable<T>
{
    public Collected(T value) => Value = value;

    public T Value { get; }

    public bool Equals(Collected<T> other) => ReferenceEquals(Value, other.Value) || (Value is not null && Value.Equals(other.Value));

    public override bool Equals(object? obj) => obj is Collected<T> other && Equals(other);

    public override int GetHashCode() => Value?.GetHashCode() ?? 0;
}

internal static class CollectedExtensions
{
    /// <summary><c>Collect</c>, each item compared as <see cref="Collected{T}"/>; the step after gets the items themselves.</summary>
    public static IncrementalValueProvider<EquatableArray<T>> CollectItems<T>(this IncrementalValuesProvider<T> items)
        where T : class, IEquatable<T>
        => items.Select(static (x, _) => new Collected<T>(x)).Collect().Select(static (all, _) => System.Linq.Enumerable.Select(all, c => c.Value).ToEquatableArray());
}
