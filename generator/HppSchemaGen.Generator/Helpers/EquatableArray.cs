using System;
using System.Collections;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;

namespace HppSchemaGen.Generator.Helpers;

/// <summary>
/// An immutable array with value equality, so that pipeline values built from it compare equal
/// when their contents do and the incremental cache hits.
/// </summary>
internal readonly struct EquatableArray<T> : IEquatable<EquatableArray<T>>, IReadOnlyList<T>
    where T : IEquatable<T>
{
    public static readonly EquatableArray<T> Empty = new(ImmutableArray<T>.Empty);

    private readonly ImmutableArray<T> _items;

    public EquatableArray(ImmutableArray<T> items) => _items = items.IsDefault ? ImmutableArray<T>.Empty : items;

    public EquatableArray(IEnumerable<T> items) : this(items.ToImmutableArray()) { }

    private ImmutableArray<T> Items => _items.IsDefault ? ImmutableArray<T>.Empty : _items;

    public int Count => Items.Length;

    public T this[int index] => Items[index];

    public bool Equals(EquatableArray<T> other)
    {
        ImmutableArray<T> a = Items, b = other.Items;
        // The same array is the common case: a copy made with `with` shares its arrays, and the
        // driver compares each step's new value with its last. Answered without walking the items.
        if (a == b) return true;
        if (a.Length != b.Length) return false;
        for (int i = 0; i < a.Length; i++)
        {
            if (!EqualityComparer<T>.Default.Equals(a[i], b[i])) return false;
        }
        return true;
    }

    public override bool Equals(object? obj) => obj is EquatableArray<T> other && Equals(other);

    /// <summary>Whether both wrap the same array (cheaper than <see cref="Equals(EquatableArray{T})"/>, for "nothing was replaced").</summary>
    public bool SameInstance(EquatableArray<T> other) => Items == other.Items;

    public override int GetHashCode()
    {
        int hash = 17;
        foreach (T item in Items) hash = unchecked(hash * 31 + (item?.GetHashCode() ?? 0));
        return hash;
    }

    public ImmutableArray<T>.Enumerator GetEnumerator() => Items.GetEnumerator();

    IEnumerator<T> IEnumerable<T>.GetEnumerator() => ((IEnumerable<T>)Items).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => ((IEnumerable)Items).GetEnumerator();

    public static bool operator ==(EquatableArray<T> left, EquatableArray<T> right) => left.Equals(right);

    public static bool operator !=(EquatableArray<T> left, EquatableArray<T> right) => !left.Equals(right);
}

internal static class EquatableArray
{
    public static EquatableArray<T> ToEquatableArray<T>(this IEnumerable<T> items) where T : IEquatable<T> => new(items);

    /// <summary>
    /// Each item mapped; this same array when the map returns every item itself, so that
    /// <see cref="SameInstance"/> tells whether anything was replaced and nothing is copied then.
    /// </summary>
    public static EquatableArray<T> Replace<T>(this EquatableArray<T> array, Func<T, T> map) where T : class, IEquatable<T>
    {
        T[]? replaced = null;
        for (int i = 0; i < array.Count; i++)
        {
            T item = map(array[i]);
            if (replaced is null)
            {
                if (ReferenceEquals(item, array[i])) continue;
                replaced = new T[array.Count];
                for (int j = 0; j < i; j++) replaced[j] = array[j];
            }
            replaced[i] = item;
        }
        return replaced is null ? array : new EquatableArray<T>(ImmutableArray.Create(replaced));
    }
}
