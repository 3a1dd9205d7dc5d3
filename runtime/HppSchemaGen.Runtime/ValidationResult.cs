using System;
using System.Collections.Generic;

namespace HppSchemaGen;

/// <summary>The outcome of validating one instance: valid, or every error found.</summary>
public sealed class ValidationResult
{
    /// <summary>The shared result of every valid instance: validation allocates nothing then.</summary>
    public static ValidationResult Valid { get; } = new(Array.Empty<ValidationError>());

    /// <summary>Creates a result from the errors found (none means valid).</summary>
    public ValidationResult(IReadOnlyList<ValidationError> errors)
    {
        Errors = errors ?? throw new ArgumentNullException(nameof(errors));
    }

    /// <summary>True when the instance satisfies the schema.</summary>
    public bool IsValid => Errors.Count == 0;

    /// <summary>Every error found, in document order of evaluation.</summary>
    public IReadOnlyList<ValidationError> Errors { get; }

    /// <inheritdoc />
    public override string ToString() => IsValid ? "valid" : string.Join(Environment.NewLine, Errors);
}
