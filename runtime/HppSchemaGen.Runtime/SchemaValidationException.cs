using System;
using System.Collections.Generic;
using System.Text.Json;

namespace HppSchemaGen;

/// <summary>Thrown by a generated <c>Parse</c> when well-formed JSON does not satisfy the schema.</summary>
public sealed class SchemaValidationException : JsonException
{
    /// <summary>Creates the exception from the errors found.</summary>
    public SchemaValidationException(IReadOnlyList<ValidationError> errors)
        : base(BuildMessage(errors))
    {
        Errors = errors;
    }

    /// <summary>Every error found.</summary>
    public IReadOnlyList<ValidationError> Errors { get; }

    private static string BuildMessage(IReadOnlyList<ValidationError> errors)
    {
        if (errors is null || errors.Count == 0) return "The JSON document does not satisfy the schema.";
        string first = errors[0].ToString();
        return errors.Count == 1
            ? "The JSON document does not satisfy the schema: " + first
            : "The JSON document does not satisfy the schema (" + errors.Count + " errors), first: " + first;
    }
}
