using System;
using System.Collections.Generic;
using HppSchemaGen.Generator.Helpers;
using HppSchemaGen.Validation;

namespace HppSchemaGen.Generator.Model.Validation;

// The validator IR: what each schema keyword asserts, as values. Numbers are numbers, patterns and
// names are the schema's own text, enum values are canonical JSON, subschemas are NodeRefs. No C#
// text: the emitter (Emit/ValidatorEmitter.cs) decides how each check is written.
//
// Every check carries Keyword, the keyword location below its node ("/maxLength",
// "/properties/a"), which becomes the error's keyword location. Checks whose meaning does not
// depend on the location (type, bounds ...) compare equal across nodes, so structurally identical
// nodes compare equal and share one method (Canonicalizer).

/// <summary>How a check refers to a subschema.</summary>
internal enum NodeRefKind
{
    /// <summary>A node of the set by index, while the model is built (before canonicalization).</summary>
    Node,

    /// <summary>A validator method: <see cref="NodeRef.Method"/> of the <c>__Validators</c> class of <see cref="NodeRef.Namespace"/>.</summary>
    Method,

    /// <summary>A reference cycle that never enters the instance, cut here: always fails (HSG1004).</summary>
    Cycle,
}

/// <summary>
/// A subschema. <see cref="Via"/> is the keyword path of <c>$ref</c>s that were followed to reach
/// it (a node that is only a <c>$ref</c> has no method: callers call the target, and the error
/// locations still show the <c>$ref</c>). <see cref="Absolute"/> is the absolute URI of the schema
/// reached when the call crosses a reference (<see cref="Via"/> is not empty, or the check is a
/// <c>$ref</c>/<c>$dynamicRef</c>), else empty: errors below it get their absolute keyword location
/// from it. Empty otherwise, so nodes that differ only in where they sit still share a method.
/// </summary>
internal sealed record NodeRef(NodeRefKind Kind, int Index, string Namespace, string Method, string Via, string Absolute)
{
    public static NodeRef Node(int index) => new(NodeRefKind.Node, index, string.Empty, string.Empty, string.Empty, string.Empty);

    public static NodeRef To(string ns, string method, string via, string absolute) => new(NodeRefKind.Method, -1, ns, method, via, absolute);

    public static readonly NodeRef Cycle = new(NodeRefKind.Cycle, -1, string.Empty, string.Empty, string.Empty, string.Empty);
}

/// <summary>A number from the schema: exact as a decimal when it fits, always as a double, and as written.</summary>
internal sealed record NumberValue(decimal? Decimal, double Double, string Text)
{
    /// <summary>The number as a decimal (when it fits exactly enough: 1e-400 is not 0), a double and its text.</summary>
    public static NumberValue Parse(string text)
    {
        decimal? dec = null;
        if (decimal.TryParse(text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out decimal d) && (d != 0m || IsZero(text))) dec = d;
        // .NET Framework hosts (Visual Studio) throw on overflow where .NET returns infinity.
        if (!double.TryParse(text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out double x))
            x = text.StartsWith("-", StringComparison.Ordinal) ? double.NegativeInfinity : double.PositiveInfinity;
        return new NumberValue(dec, x, text);
    }

    private static bool IsZero(string text)
    {
        foreach (char c in text)
        {
            if (c is 'e' or 'E') break;
            if (c is >= '1' and <= '9') return false;
        }
        return true;
    }
}

internal enum CountKind { MinLength, MaxLength, MinItems, MaxItems, MinProperties, MaxProperties }

internal enum BoundKind { Minimum, Maximum, ExclusiveMinimum, ExclusiveMaximum, MultipleOf }

internal enum CombinatorKind { AllOf, AnyOf, OneOf }

/// <summary>One keyword assertion of a node.</summary>
internal abstract record Check(string Keyword)
{
    /// <summary>The subschemas this check applies, in order.</summary>
    public virtual IEnumerable<NodeRef> Targets => Array.Empty<NodeRef>();

    /// <summary>The same check with every subschema reference replaced.</summary>
    public virtual Check MapTargets(Func<NodeRef, NodeRef> map) => this;

    /// <summary>Applies its subschemas to the instance itself (not to members or items).</summary>
    public virtual bool InPlace => false;

    /// <summary>Descends into members or items (so the method guards the stack).</summary>
    public virtual bool Descends => false;

    /// <summary>Its keyword is a reference (<c>$ref</c>, <c>$dynamicRef</c>, <c>$recursiveRef</c>): every call it makes crosses one.</summary>
    public virtual bool IsReference => false;
}

/// <summary><c>type</c>.</summary>
internal sealed record TypeCheck(JsonTypes Types) : Check("/type");

/// <summary><c>enum</c> (or <c>const</c> when <see cref="IsConst"/>): values as canonical JSON text.</summary>
internal sealed record EnumCheck(string Keyword, EquatableArray<string> Values, bool IsConst) : Check(Keyword);

/// <summary><c>minLength</c> ... <c>maxProperties</c>: a count compared with a limit.</summary>
internal sealed record CountCheck(CountKind Kind, long Limit) : Check("/" + char.ToLowerInvariant(Kind.ToString()[0]) + Kind.ToString().Substring(1));

/// <summary><c>minimum</c>, <c>maximum</c>, exclusive bounds, <c>multipleOf</c>.</summary>
internal sealed record BoundCheck(string Keyword, BoundKind Kind, NumberValue Limit) : Check(Keyword);

/// <summary><c>pattern</c> (ECMA-262 text; validated at build time).</summary>
internal sealed record PatternCheck(string Pattern) : Check("/pattern");

/// <summary><c>format</c>, when asserted.</summary>
internal sealed record FormatCheck(string Format) : Check("/format");

/// <summary>Draft-07's asserted <c>contentEncoding: base64</c> / <c>contentMediaType: application/json</c> (annotations from 2019-09 on).</summary>
internal sealed record ContentCheck(bool Base64, bool Json) : Check(string.Empty);

/// <summary><c>uniqueItems: true</c>.</summary>
internal sealed record UniqueItemsCheck() : Check("/uniqueItems");

/// <summary><c>required</c>.</summary>
internal sealed record RequiredCheck(EquatableArray<string> Names) : Check("/required");

/// <summary><c>dependentRequired</c> / <c>dependencies</c> (array form) for one member.</summary>
internal sealed record DependentRequiredCheck(string Keyword, string Property, EquatableArray<string> Names) : Check(Keyword);

/// <summary>A keyword that fails whatever the value (an unresolvable reference).</summary>
internal sealed record NeverCheck(string Keyword, string Reason) : Check(Keyword);

/// <summary><c>$ref</c> (and a <c>$dynamicRef</c> that resolves statically).</summary>
internal sealed record RefCheck(string Keyword, NodeRef Target) : Check(Keyword)
{
    public override IEnumerable<NodeRef> Targets => new[] { Target };
    public override Check MapTargets(Func<NodeRef, NodeRef> map) => map(Target) is var t && ReferenceEquals(t, Target) ? this : this with { Target = t };
    public override bool InPlace => true;
    public override bool IsReference => true;
}

/// <summary>
/// <c>$dynamicRef</c> / <c>$recursiveRef</c>: the schema the dynamic scope chose for anchor name
/// <see cref="AnchorName"/> (an index into the packed scope), else <see cref="Default"/>.
/// </summary>
internal sealed record DynamicRefCheck(string Keyword, int AnchorName, NodeRef Default, EquatableArray<DynamicCandidate> Candidates) : Check(Keyword)
{
    public override IEnumerable<NodeRef> Targets
    {
        get
        {
            yield return Default;
            foreach (DynamicCandidate c in Candidates) yield return c.Target;
        }
    }

    public override Check MapTargets(Func<NodeRef, NodeRef> map)
    {
        var candidates = new List<DynamicCandidate>();
        foreach (DynamicCandidate c in Candidates) candidates.Add(c with { Target = map(c.Target) });
        return this with { Default = map(Default), Candidates = candidates.ToEquatableArray() };
    }

    public override bool InPlace => true;
    public override bool IsReference => true;
}

/// <summary>A resource declaring the dynamic anchor, by its id in the packed scope.</summary>
internal sealed record DynamicCandidate(int Id, NodeRef Target);

/// <summary><c>dependentSchemas</c> / <c>dependencies</c> (schema form) for one member.</summary>
internal sealed record DependentSchemaCheck(string Keyword, string Property, NodeRef Target) : Check(Keyword)
{
    public override IEnumerable<NodeRef> Targets => new[] { Target };
    public override Check MapTargets(Func<NodeRef, NodeRef> map) => map(Target) is var t && ReferenceEquals(t, Target) ? this : this with { Target = t };
    public override bool InPlace => true;
}

/// <summary>A <c>properties</c> entry.</summary>
internal sealed record PropertyEntry(string Name, NodeRef Target);

/// <summary>A <c>patternProperties</c> entry.</summary>
internal sealed record PatternEntry(string Pattern, NodeRef Target);

/// <summary>
/// <c>properties</c>, <c>patternProperties</c> and <c>additionalProperties</c>, checked in one pass
/// over the members. <see cref="AdditionalIsTrivial"/>: <c>additionalProperties</c> accepts
/// everything, so it only marks members evaluated (for <c>unevaluatedProperties</c>).
/// </summary>
internal sealed record MembersCheck(EquatableArray<PropertyEntry> Properties, EquatableArray<PatternEntry> Patterns, NodeRef? Additional, bool AdditionalIsTrivial) : Check(string.Empty)
{
    public override IEnumerable<NodeRef> Targets
    {
        get
        {
            foreach (PropertyEntry p in Properties) yield return p.Target;
            foreach (PatternEntry p in Patterns) yield return p.Target;
            if (Additional is not null) yield return Additional;
        }
    }

    public override Check MapTargets(Func<NodeRef, NodeRef> map)
    {
        // What the map leaves as it was stays the same object (renaming one call of a record's
        // members copies that member's entry, not all of them).
        EquatableArray<PropertyEntry> properties = Properties.Replace(p => map(p.Target) is var t && !ReferenceEquals(t, p.Target) ? p with { Target = t } : p);
        EquatableArray<PatternEntry> patterns = Patterns.Replace(p => map(p.Target) is var t && !ReferenceEquals(t, p.Target) ? p with { Target = t } : p);
        NodeRef? additional = Additional is null ? null : map(Additional);
        if (properties.SameInstance(Properties) && patterns.SameInstance(Patterns) && ReferenceEquals(additional, Additional)) return this;
        return this with { Properties = properties, Patterns = patterns, Additional = additional };
    }

    public override bool Descends => true;
}

/// <summary><c>propertyNames</c>.</summary>
internal sealed record PropertyNamesCheck(NodeRef Target) : Check("/propertyNames")
{
    public override IEnumerable<NodeRef> Targets => new[] { Target };
    public override Check MapTargets(Func<NodeRef, NodeRef> map) => map(Target) is var t && ReferenceEquals(t, Target) ? this : this with { Target = t };
    public override bool Descends => true;
}

/// <summary><c>items</c> (from <see cref="From"/> on, after <c>prefixItems</c>) or draft-07's <c>additionalItems</c>.</summary>
internal sealed record ItemsCheck(string Keyword, int From, NodeRef Target) : Check(Keyword)
{
    public override IEnumerable<NodeRef> Targets => new[] { Target };
    public override Check MapTargets(Func<NodeRef, NodeRef> map) => map(Target) is var t && ReferenceEquals(t, Target) ? this : this with { Target = t };
    public override bool Descends => true;
}

/// <summary>One <c>prefixItems</c> entry (or draft-07 array-form <c>items</c>).</summary>
internal sealed record PrefixItemCheck(string Keyword, int Index, NodeRef Target) : Check(Keyword)
{
    public override IEnumerable<NodeRef> Targets => new[] { Target };
    public override Check MapTargets(Func<NodeRef, NodeRef> map) => map(Target) is var t && ReferenceEquals(t, Target) ? this : this with { Target = t };
    public override bool Descends => true;
}

/// <summary><c>contains</c> with <c>minContains</c>/<c>maxContains</c>.</summary>
internal sealed record ContainsCheck(long Min, long? Max, NodeRef Target) : Check("/contains")
{
    public override IEnumerable<NodeRef> Targets => new[] { Target };
    public override Check MapTargets(Func<NodeRef, NodeRef> map) => map(Target) is var t && ReferenceEquals(t, Target) ? this : this with { Target = t };
    public override bool Descends => true;
}

/// <summary><c>allOf</c> / <c>anyOf</c> / <c>oneOf</c>; a null branch is not a schema (it matches).</summary>
internal sealed record CombinatorCheck(string Keyword, CombinatorKind Kind, EquatableArray<BranchRef> Branches) : Check(Keyword)
{
    public override IEnumerable<NodeRef> Targets
    {
        get
        {
            foreach (BranchRef b in Branches)
            {
                if (b.Target is not null) yield return b.Target;
            }
        }
    }

    public override Check MapTargets(Func<NodeRef, NodeRef> map)
    {
        var branches = new List<BranchRef>();
        foreach (BranchRef b in Branches) branches.Add(new BranchRef(b.Target is null ? null : map(b.Target)));
        return this with { Branches = branches.ToEquatableArray() };
    }

    public override bool InPlace => true;
}

/// <summary>One branch of a combinator.</summary>
internal sealed record BranchRef(NodeRef? Target);

/// <summary><c>not</c>.</summary>
internal sealed record NotCheck(NodeRef Target) : Check("/not")
{
    public override IEnumerable<NodeRef> Targets => new[] { Target };
    public override Check MapTargets(Func<NodeRef, NodeRef> map) => map(Target) is var t && ReferenceEquals(t, Target) ? this : this with { Target = t };
    public override bool InPlace => true;
}

/// <summary><c>if</c>/<c>then</c>/<c>else</c>; recorded even alone, since <c>if</c> yields annotations.</summary>
internal sealed record IfThenElseCheck(NodeRef If, NodeRef? Then, NodeRef? Else) : Check(string.Empty)
{
    public override IEnumerable<NodeRef> Targets
    {
        get
        {
            yield return If;
            if (Then is not null) yield return Then;
            if (Else is not null) yield return Else;
        }
    }

    public override Check MapTargets(Func<NodeRef, NodeRef> map)
        => this with { If = map(If), Then = Then is null ? null : map(Then), Else = Else is null ? null : map(Else) };

    public override bool InPlace => true;
}

/// <summary><c>unevaluatedProperties</c> (or <c>unevaluatedItems</c> when <see cref="Items"/>).</summary>
internal sealed record UnevaluatedCheck(bool Items, NodeRef Target) : Check(Items ? "/unevaluatedItems" : "/unevaluatedProperties")
{
    public override IEnumerable<NodeRef> Targets => new[] { Target };
    public override Check MapTargets(Func<NodeRef, NodeRef> map) => map(Target) is var t && ReferenceEquals(t, Target) ? this : this with { Target = t };
    public override bool Descends => true;
}

/// <summary>A dynamic anchor a node's resource declares: entered into the packed scope on entry.</summary>
internal sealed record DynamicAnchorEntry(int Name, int Id);

/// <summary>
/// One validator method. <see cref="Boolean"/> is set for boolean schemas (no checks).
/// <see cref="TracksEvaluated"/>: it also gets a variant reporting what it evaluated (for
/// <c>unevaluated*</c>). <see cref="IsEntry"/>: a generated type validates with it directly.
/// <see cref="Locations"/> are the schema locations it stands for (one method, many identical nodes).
/// </summary>
internal sealed record ValidatorMethodSpec(
    string Name,
    EquatableArray<string> Locations,
    bool? Boolean,
    EquatableArray<Check> Checks,
    bool TracksEvaluated,
    bool IsEntry,
    EquatableArray<DynamicAnchorEntry> EntersAnchors)
{
    /// <summary>
    /// The body with the methods it calls left out (<see cref="MethodSharing.ShapeOf"/>), made where
    /// the method is made (a cached step): sharing across groups buckets methods by its hash and
    /// compares these without making them again on every edit. Renaming a call leaves it as it is.
    /// Derived from the checks, so left out of equality.
    /// </summary>
    public MethodShape? Blank { get; init; }

    /// <summary>The hash of <see cref="Blank"/> (held by the shape, so this costs nothing).</summary>
    public int ShapeHash => Blank?.GetHashCode() ?? 0;

    public bool Equals(ValidatorMethodSpec? other)
        => ReferenceEquals(this, other)
           || (other is not null && Name == other.Name && Locations.Equals(other.Locations) && Boolean == other.Boolean && Checks.Equals(other.Checks)
               && TracksEvaluated == other.TracksEvaluated && IsEntry == other.IsEntry && EntersAnchors.Equals(other.EntersAnchors));

    public override int GetHashCode() => unchecked(Name.GetHashCode() * 31 + Checks.GetHashCode());
}

/// <summary>A method's body with every call's target left out (its keyword path and absolute location kept): what <see cref="MethodSharing"/> compares across groups.</summary>
internal sealed record MethodShape(string Namespace, bool? Boolean, bool Tracks, EquatableArray<DynamicAnchorEntry> Enters, EquatableArray<Check> Checks)
{
    // Hashed once, when made: sharing buckets every method of the set by it on every structural edit.
    private readonly int _hash = unchecked((((Namespace.GetHashCode() * 31 + Boolean.GetHashCode()) * 31 + Tracks.GetHashCode()) * 31 + Enters.GetHashCode()) * 31 + Checks.GetHashCode());

    public override int GetHashCode() => _hash;
}

/// <summary>
/// One generated validators file: the methods whose first location is in one document, emitted
/// into the <c>__Validators</c> class of their namespace (shared by every document of it).
/// </summary>
internal sealed record ValidatorFileSpec(
    string Namespace,
    string HintName, // a stem while canonicalizing; the unique file name once the model claims it
    string DocumentId,
    bool UsesDynamicScope,
    EquatableArray<ValidatorMethodSpec> Methods)
{
    /// <summary>The namespace's methods named by their shape (<c>IsString</c>, <c>Any</c>), not one document's.</summary>
    public bool IsShared { get; init; }
}
