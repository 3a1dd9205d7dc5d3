using System;

namespace HppSchemaGen;

/// <summary>
/// The base of every generated string enum: a class, not a CLR enum, so that a value added to the
/// API after generation is kept (<see cref="IsKnown"/> false) rather than rejected. Equality is
/// ordinal on <see cref="Value"/>. The members every enum shares live here once instead of in each
/// generated type; the generated type adds its declared values, <c>From</c>, its converter and
/// <c>Validate</c>.
/// </summary>
/// <typeparam name="TSelf">The generated enum type.</typeparam>
public abstract class OpenEnum<TSelf> : IEquatable<TSelf>
    where TSelf : OpenEnum<TSelf>
{
    /// <summary>Creates a value; <paramref name="known"/> says whether the schema declares it.</summary>
    protected OpenEnum(string value, bool known)
    {
        Value = value;
        IsKnown = known;
    }

    /// <summary>The JSON string, exactly as received or declared.</summary>
    public string Value { get; }

    /// <summary>True when the value is one the schema declares; false for values added after generation.</summary>
    public bool IsKnown { get; }

    /// <inheritdoc/>
    public bool Equals(TSelf? other) => other is not null && string.Equals(Value, other.Value, StringComparison.Ordinal);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as TSelf);

    /// <inheritdoc/>
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Value);

    /// <inheritdoc/>
    public override string ToString() => Value;

    /// <summary>Ordinal equality of the values.</summary>
    public static bool operator ==(OpenEnum<TSelf>? left, OpenEnum<TSelf>? right)
        => left is null ? right is null : right is not null && string.Equals(left.Value, right.Value, StringComparison.Ordinal);

    /// <summary>Ordinal inequality of the values.</summary>
    public static bool operator !=(OpenEnum<TSelf>? left, OpenEnum<TSelf>? right) => !(left == right);

    /// <summary>The JSON string.</summary>
    public static implicit operator string(OpenEnum<TSelf> value) => value.Value;
}
