using System;
using System.ComponentModel;
using System.Text.Json;

namespace HppSchemaGen.Validation;

/// <summary>A generated validator method: returns false at the first failure when <paramref name="c"/> is null, else records every error.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public delegate bool NodeValidator(JsonElement e, ValidationCollector? c, string ip, string kp);

/// <summary>Runs a generated validator: the allocation-free boolean pass first, the collecting pass only when invalid.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class ValidatorRunner
{
    /// <summary>Validates <paramref name="instance"/>; a document nested too deeply for the stack is an error, never a crash.</summary>
    public static ValidationResult Run(JsonElement instance, NodeValidator validator)
    {
        try
        {
            if (validator(instance, null, "", "")) return ValidationResult.Valid;
            var collector = new ValidationCollector();
            validator(instance, collector, "", "");
            return collector.ToResult();
        }
        catch (InsufficientExecutionStackException)
        {
            return new ValidationResult(new[] { new ValidationError("", "", "The document nests too deeply to validate on this thread's stack.") });
        }
    }
}
