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
    EquatableArray<ValidatorNodeSpec> Nodes);

/// <summary>One schema node: its method and the checks it runs, in keyword order.</summary>
internal sealed record ValidatorNodeSpec(string MethodName, string Pointer, bool? BooleanSchema, EquatableArray<CheckSpec> Checks);

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
    AlwaysFail,
}
