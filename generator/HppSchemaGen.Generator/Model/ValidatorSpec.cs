using HppSchemaGen.Generator.Helpers;

namespace HppSchemaGen.Generator.Model;

/// <summary>
/// The validators of one schema document, emitted as a nested <c>__Schema</c> class of the
/// document's root type: one method per schema node.
/// </summary>
internal sealed record ValidatorClassSpec(
    string Namespace,
    string OwnerName,
    string OwnerDeclaration,
    string DocumentId,
    bool UsesDynamicScope,
    EquatableArray<ValidatorNodeSpec> Nodes)
{
    /// <summary>The generated file's hint name, unique ignoring case (assigned by the model through <see cref="HintNames"/>).</summary>
    public string HintName { get; init; } = string.Empty;
}

/// <summary>
/// One schema node: its method and the checks it runs, in keyword order. <see cref="TracksEvaluated"/>
/// nodes also get a variant that reports which members/items they evaluated (for
/// <c>unevaluated*</c>); <see cref="EntersAnchors"/> are the dynamic anchors ("name:id") its resource
/// declares, entered into the dynamic scope on entry.
/// </summary>
internal sealed record ValidatorNodeSpec(
    string MethodName,
    string Pointer,
    bool? BooleanSchema,
    EquatableArray<CheckSpec> Checks,
    bool TracksEvaluated,
    EquatableArray<string> EntersAnchors);

/// <summary>
/// One keyword assertion. <see cref="Keyword"/> is the keyword path below the node (used in error
/// locations); <see cref="Args"/> carry literal values; <see cref="Targets"/> are fully-qualified
/// validator methods of subschemas.
/// </summary>
internal sealed record CheckSpec(CheckKind Kind, string Keyword, EquatableArray<string> Args, EquatableArray<string> Targets);

internal enum CheckKind
{
    Type,
    Enum,
    Const,
    MinLength,
    MaxLength,
    Pattern,
    Format,
    Minimum,
    Maximum,
    ExclusiveMinimum,
    ExclusiveMaximum,
    MultipleOf,
    MinItems,
    MaxItems,
    UniqueItems,
    MinProperties,
    MaxProperties,
    Required,
    DependentRequired,
    DependentSchema,
    Members,
    PropertyNames,
    Items,
    PrefixItem,
    Contains,
    AllOf,
    AnyOf,
    OneOf,
    Not,
    IfThenElse,
    Ref,
    DynamicRef,
    UnevaluatedProperties,
    UnevaluatedItems,
    AlwaysFail,
}
