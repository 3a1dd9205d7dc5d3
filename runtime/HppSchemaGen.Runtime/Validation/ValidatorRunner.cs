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
    private const string TooDeepMessage = "The document nests too deeply to validate on this thread's stack.";

    [ThreadStatic]
    private static bool t_tooDeep;

    /// <summary>Validates <paramref name="instance"/>; a document nested too deeply for the stack is an error, never a crash.</summary>
    public static ValidationResult Run(JsonElement instance, NodeValidator validator)
    {
        t_tooDeep = false;
        try
        {
            if (validator(instance, null, "", "")) return ValidationResult.Valid;
            // Too deep: report it once rather than walk the whole depth again building locations.
            if (t_tooDeep) return TooDeepResult();
            var collector = new ValidationCollector();
            validator(instance, collector, "", "");
            return collector.ToResult();
        }
        catch (InsufficientExecutionStackException)
        {
            return TooDeepResult();
        }
    }

    /// <summary>Validates a value built in code, as <see cref="Run(JsonElement, NodeValidator)"/> validates JSON: the boolean pass first, errors only when invalid.</summary>
    public static ValidationResult RunValue<T>(T value, ValueValidator<T> validator)
    {
        t_tooDeep = false;
        try
        {
            if (validator(value, null, "", "")) return ValidationResult.Valid;
            if (t_tooDeep) return TooDeepResult();
            var collector = new ValidationCollector();
            validator(value, collector, "", "");
            return collector.ToResult();
        }
        catch (InsufficientExecutionStackException)
        {
            return TooDeepResult();
        }
    }

    /// <summary>Called by a generated validator that has no stack left to descend further.</summary>
    public static bool TooDeep(ValidationCollector? c, string ip, string kp)
    {
        t_tooDeep = true;
        c?.Add(ip, kp, TooDeepMessage);
        return false;
    }

    private static ValidationResult TooDeepResult() => new(new[] { new ValidationError("", "", TooDeepMessage) });
}
