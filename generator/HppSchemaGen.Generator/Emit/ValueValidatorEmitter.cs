using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using HppSchemaGen.Generator.Model;
using HppSchemaGen.Generator.Model.Validation;

using HppSchemaGen.Validation;

namespace HppSchemaGen.Generator.Emit;

/// <summary>
/// Emits one namespace's <c>__ValueValidators</c>: the validators of values built in code that
/// <see cref="ValuePlanner"/> planned. Each judges a record, list, string ... exactly as the
/// element validator would judge what the generated context writes for it: a member the context
/// skips (null and optional) is absent, a null it writes is validated as JSON <c>null</c>,
/// extension data goes through the element validators. The same two modes as element
/// validators: no collector, false at the first failure and nothing allocated; with one, every error.
/// </summary>
internal sealed class ValueValidatorEmitter
{
    private const string J = "__J";
    private const string V = "__V";
    private const string Collector = "__C";

    private readonly SourceWriter _w = new();
    private readonly FieldTable _fields = new();
    private ValueValidatorFileSpec _file = null!;
    private ValueMethodSpec _method = null!;
    private bool _ds;

    public static string Emit(ValueValidatorFileSpec spec) => new ValueValidatorEmitter().Run(spec);

    private string Run(ValueValidatorFileSpec spec)
    {
        _file = spec;
        _ds = spec.UsesDynamicScope;
        _w.Header();
        _w.Open("namespace " + spec.Namespace);
        _w.Line("using " + J + " = global::System.Text.Json;");
        _w.Line("using " + V + " = global::HppSchemaGen.Validation;");
        _w.Line("using " + Collector + " = global::HppSchemaGen.Validation.ValidationCollector;");
        _w.Line();
        _w.Line("/// <summary>Validators of values built in code (<c>Validate()</c>): the same verdict and errors as validating what the context writes for them.</summary>");
        _w.Open("internal static partial class __ValueValidators");
        bool first = true;
        foreach (ValueMethodSpec m in spec.Methods)
        {
            if (!first) _w.Line();
            first = false;
            _method = m;
            EmitMethod(m);
        }
        _fields.Write(_w);
        _w.Close();
        _w.Close();
        return _w.ToString();
    }

    private string Field(string type, string kind, string initializer) => _fields.Get(_method.Name, type, kind, initializer);

    private static string Int(long value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>The element validator of a node.</summary>
    private string Element(NodeRef node)
        => node.Kind != NodeRefKind.Method ? V + ".SchemaCycle.Fail"
            : node.Namespace == _file.Namespace ? "__Validators." + node.Method
            : "global::" + node.Namespace + ".__Validators." + node.Method;

    /// <summary>The value validator of a (node, type) pair.</summary>
    private string Pair(NodeRef node, TypeRef type)
    {
        string name = ValuePlanner.NameOf(node, type);
        return node.Namespace == _file.Namespace ? name : "global::" + node.Namespace + ".__ValueValidators." + name;
    }

    private const string NullElement = V + ".ValueChecks.Null";

    /// <summary>
    /// A call validating <paramref name="expr"/> (of <paramref name="type"/>; a Nullable&lt;T&gt; when
    /// <paramref name="nullableValue"/>) against <paramref name="target"/>; a null is JSON null.
    /// </summary>
    private string Call(NodeRef target, TypeRef type, string expr, bool nullableValue, string collector, string ip, string kp)
    {
        string tail = ", " + collector + ", " + ip + ", " + kp + DsArg + ")";
        if (target.Kind != NodeRefKind.Method) return V + ".SchemaCycle.Fail(" + NullElement + tail;
        if (ValuePlanner.KindOf(type) == ValueKind.Element)
            return Element(target) + "(" + (nullableValue ? "(" + expr + " ?? " + NullElement + ")" : expr) + tail;
        if (_method.NoOpCalls.Contains(ValuePlanner.NameOf(target, type)))
        {
            // Every non-null value passes: only a null (written as JSON null) is left to judge. The
            // method's own value 'v' is past its null check (testing it again would tell the compiler it may be null).
            if ((type.IsValueType && !nullableValue) || expr == "v") return "true";
            return "(" + expr + (nullableValue ? ".HasValue" : " is not null") + " || " + Element(target) + "(" + NullElement + tail + ")";
        }
        if (nullableValue)
            return "(" + expr + ".HasValue ? " + Pair(target, type) + "(" + expr + ".GetValueOrDefault()" + tail + " : " + Element(target) + "(" + NullElement + tail + ")";
        return Pair(target, type) + "(" + expr + tail;
    }

    /// <summary>The keyword location passed to a subschema (crossing a reference tells the collector where it leads).</summary>
    private static string KeywordArg(NodeRef target, string keyword) => ValidatorEmitter.KeywordLocation(Collector, target, keyword + target.Via);

    // The dry run's assertions (EmitMethod), and whether a check needed a block.
    private List<(string? When, string Passes)>? _collect;
    private bool _complex;

    private void Assert(SourceWriter w, string passes) => Assert(w, null, passes);

    /// <summary>Fails the node when <paramref name="passes"/> is false (and <paramref name="when"/> holds); nothing when it always passes.</summary>
    private void Assert(SourceWriter w, string? when, string passes)
    {
        if (passes == "true") return;
        _collect?.Add((when, passes));
        w.Line("if (" + (when is null ? string.Empty : when + " && ") + "!" + passes + " && " + V + ".Checks.Stop(c, ref ok)) return false;");
    }

    private static void Fail(SourceWriter w, string condition, string keyword, string message) => ValidatorEmitter.Fail(w, condition, keyword, message);

    private void EmitMethod(ValueMethodSpec m)
    {
        SourceWriter w = _w;
        TypeRef type = m.Type;
        ValueKind kind = ValuePlanner.KindOf(type);
        string parameter = CSharp.TypeName(type) + (type.IsValueType ? string.Empty : "?");
        if (m.Node.Locations.Count > 0)
            w.Line("/// <summary>Schema at <c>" + DocComments.EscapeInline(m.Node.Locations[0]) + "</c>, over a value built in code.</summary>");
        string signature = "internal static bool " + m.Name + "(" + parameter + " v, " + Collector + "? c, string ip, string kp" + (_ds ? ", ulong ds)" : ")");
        if (_ds && m.IsEntry)
        {
            // Entry without a dynamic scope (a type's Validate()): the scope starts empty.
            w.Line("internal static bool " + m.Name + "(" + parameter + " v, " + Collector + "? c, string ip, string kp) => " + m.Name + "(v, c, ip, kp, 0UL);");
            w.Line();
        }
        if (m.ViaJson)
        {
            // A keyword judged on the JSON text: validate what the context writes.
            w.Line(signature);
            w.Line("    => " + ViaJson(m) + ";");
            return;
        }
        if (m.Node.Boolean is bool b)
        {
            w.Line(signature + " => " + (b ? "true;" : V + ".Checks.False(c, ip, kp);"));
            return;
        }
        if (kind == ValueKind.Union)
        {
            EmitUnion(w, m, signature);
            return;
        }
        // A dry run first: a method whose checks are plain assertions is written as compactly as it
        // reads (an expression, or no ok flag at all); one with blocks (items, anyOf ...) in full.
        string text = type.Kind == TypeRefKind.Enum ? "v.Value" : "v";
        var asserts = new List<(string? When, string Passes)>();
        _collect = asserts;
        _complex = false;
        foreach (Check check in m.Node.Checks) EmitCheck(new SourceWriter(), check, m, kind, text);
        _collect = null;
        string onNull = Element(m.NodeRef) + "(" + NullElement + ", c, ip, kp" + DsArg + ")";
        bool enters = _ds && m.Node.EntersAnchors.Count > 0;
        bool extension = kind == ValueKind.Record && ExtensionFallback(m) is not null;
        if (!_complex && !extension && !enters && asserts.Count <= 1 && asserts.All(a => a.When is null))
        {
            string passes = asserts.Count == 0 ? "true" : asserts[0].Passes;
            w.Line(signature);
            w.Line("    => " + (type.IsValueType ? passes : passes == "true" ? "v is not null || " + onNull : "v is null ? " + onNull + " : " + passes) + ";");
            return;
        }
        w.Open(signature);
        if (!type.IsValueType) w.Line("if (v is null) return " + onNull + ";");
        // Descending into members or items: a cyclic graph built in code must end in an error, not a crash.
        if (_complex || asserts.Count > 0 && kind is ValueKind.Record or ValueKind.List or ValueKind.Dictionary)
            w.Line("if (!global::System.Runtime.CompilerServices.RuntimeHelpers.TryEnsureSufficientExecutionStack()) return " + V + ".ValidatorRunner.TooDeep(c, ip, kp);");
        if (extension) w.Line(ExtensionFallback(m)!);
        // The resource's dynamic anchors enter the scope, as in its element validator (which the
        // lines above call with the scope as it was, since it enters them itself).
        if (enters)
        {
            foreach (DynamicAnchorEntry a in m.Node.EntersAnchors)
                w.Line("ds = " + V + ".DynamicScope.Enter(ds, " + Int(a.Name) + ", " + Int(a.Id) + "UL);");
        }
        if (!_complex && asserts.Count == 0)
        {
            w.Line("return true;");
            w.Close();
            return;
        }
        w.Line("bool ok = true;");
        foreach (Check check in m.Node.Checks) EmitCheck(w, check, m, kind, text);
        w.Line("return ok;");
        w.Close();
    }

    private void EmitUnion(SourceWriter w, ValueMethodSpec m, string signature)
    {
        // A union is written as its case's value, so the same node judges that value.
        string union = CSharp.TypeName(m.Type);
        w.Open(signature);
        w.Open("switch (v)");
        foreach (UnionCaseSpec c in m.Shape!.UnionCases)
            w.Line("case " + union + "." + c.Name + " x: return " + Call(m.NodeRef, c.Type, "x.Value", false, "c", "ip", "kp") + ";");
        w.Line("case " + union + ".Unknown x: return " + Element(m.NodeRef) + "(x.Value, c, ip, kp" + DsArg + ");");
        w.Line("default: return " + Element(m.NodeRef) + "(" + NullElement + ", c, ip, kp" + DsArg + ");");
        w.Close();
        w.Close();
    }

    private void EmitCheck(SourceWriter w, Check check, ValueMethodSpec m, ValueKind kind, string text)
    {
        if (check is CombinatorCheck { Kind: not CombinatorKind.AllOf } or NotCheck or IfThenElseCheck
            || (check is ItemsCheck && kind == ValueKind.List) || (check is MembersCheck && kind == ValueKind.Dictionary))
            _complex = true;
        TypeRef type = m.Type;
        const string tail = ", c, ip, kp)";
        switch (check)
        {
            case TypeCheck t:
            {
                // Decided by the CLR type: nothing to emit when it passes.
                if ((t.Types & ValuePlanner.Satisfies(kind)) == 0)
                    Assert(w, V + ".ValueChecks.Type(" + ValidatorEmitter.Types(t.Types) + ", " + V + ".JsonTypes." + ValuePlanner.Written(kind) + tail);
                break;
            }
            case EnumCheck en when kind == ValueKind.String:
            {
                string field = Field(V + ".JsonValues", en.IsConst ? "Const" : "Enum", "new(" + string.Join(", ", en.Values.Select(CSharp.Literal)) + ")");
                Assert(w, V + ".ValueChecks." + (en.IsConst ? "Const" : "Enum") + "(" + text + ", " + field + tail);
                break;
            }
            case CountCheck n:
            {
                string? count = (n.Kind, kind) switch
                {
                    (CountKind.MinLength or CountKind.MaxLength, ValueKind.String) => text,
                    (CountKind.MinItems or CountKind.MaxItems, ValueKind.List) => "v.Count",
                    (CountKind.MinProperties or CountKind.MaxProperties, ValueKind.Dictionary) => "v.Count",
                    (CountKind.MinProperties or CountKind.MaxProperties, ValueKind.Record) => MemberCount(m.Shape!),
                    _ => null,
                };
                if (count is not null) Assert(w, V + ".ValueChecks." + n.Kind + "(" + count + ", " + Int(n.Limit) + tail);
                break;
            }
            case BoundCheck bc when kind == ValueKind.Integer:
            {
                string expected = "/" + char.ToLowerInvariant(bc.Kind.ToString()[0]) + bc.Kind.ToString().Substring(1);
                string args = "(v, " + ValidatorEmitter.Decimal(bc.Limit) + ", " + ValidatorEmitter.Double(bc.Limit.Double) + ", " + CSharp.Literal(bc.Limit.Text) + ", c, ip, kp";
                Assert(w, V + ".ValueChecks." + bc.Kind + args + (bc.Keyword == expected ? ")" : ", " + CSharp.Literal(bc.Keyword) + ")"));
                break;
            }
            case PatternCheck p when kind == ValueKind.String:
                Assert(w, V + ".ValueChecks.Pattern(" + text + ", " + Field(V + ".Pattern", "Pattern", "new(" + CSharp.Literal(p.Pattern) + ")") + tail);
                break;
            case FormatCheck f when kind == ValueKind.String:
                Assert(w, V + ".ValueChecks.Format(" + text + ", " + CSharp.Literal(f.Format) + tail);
                break;
            case RequiredCheck r when kind == ValueKind.Record:
                foreach (string name in r.Names)
                {
                    string? present = Present(m.Shape!, name);
                    if (present is not null) Assert(w, "(" + present + " || " + V + ".ValueChecks.Missing(" + CSharp.Literal(name) + tail + ")");
                }
                break;
            case RequiredCheck r when kind == ValueKind.Dictionary:
                foreach (string name in r.Names)
                    Assert(w, "(v.ContainsKey(" + CSharp.Literal(name) + ") || " + V + ".ValueChecks.Missing(" + CSharp.Literal(name) + tail + ")");
                break;
            case NeverCheck n:
                Assert(w, V + ".Checks.Never(c, ip, kp, " + CSharp.Literal(n.Keyword) + ", " + CSharp.Literal("Cannot validate: " + n.Reason + ".") + ")");
                break;
            case RefCheck r:
                Assert(w, Call(r.Target, type, "v", false, "c", "ip", KeywordArg(r.Target, r.Keyword)));
                break;
            case CombinatorCheck { Kind: CombinatorKind.AllOf } all:
                for (int i = 0; i < all.Branches.Count; i++)
                {
                    if (all.Branches[i].Target is NodeRef t) Assert(w, Call(t, type, "v", false, "c", "ip", KeywordArg(t, all.Keyword + "/" + Int(i))));
                }
                break;
            case CombinatorCheck any:
                EmitAnyOneOf(w, any, type);
                break;
            case NotCheck not:
                Fail(w, Test(not.Target, type), not.Keyword, "Value must not match the schema in 'not'.");
                break;
            case IfThenElseCheck ite when ite.Then is not null || ite.Else is not null:
            {
                string condition = Test(ite.If, type);
                if (condition == "true")
                {
                    // 'if' passes every value of this type: only 'then' applies (an else would be unreachable code).
                    if (ite.Then is NodeRef always) Assert(w, Call(always, type, "v", false, "c", "ip", KeywordArg(always, "/then")));
                    break;
                }
                w.Open("if (" + condition + ")");
                if (ite.Then is NodeRef then) Assert(w, Call(then, type, "v", false, "c", "ip", KeywordArg(then, "/then")));
                w.Close();
                if (ite.Else is NodeRef @else)
                {
                    w.Open("else");
                    Assert(w, Call(@else, type, "v", false, "c", "ip", KeywordArg(@else, "/else")));
                    w.Close();
                }
                break;
            }
            case MembersCheck mc when kind == ValueKind.Record:
                EmitRecordMembers(w, mc, m.Shape!);
                break;
            case MembersCheck mc when kind == ValueKind.Dictionary:
                EmitDictionaryMembers(w, mc, type.Arguments[0]);
                break;
            case ItemsCheck items when kind == ValueKind.List:
                w.Open("for (int i = 0; i < v.Count; i++)");
                Assert(w, Call(items.Target, type.Arguments[0], "v[i]", false, "c", Collector + ".Item(c, ip, i)", KeywordArg(items.Target, items.Keyword)));
                w.Close();
                break;
            // Every other keyword does not apply to a value of this JSON type (ValuePlanner.Judges
            // sent the ones that do, but need the JSON, through ViaJson).
        }
    }

    private string Test(NodeRef target, TypeRef type) => Call(target, type, "v", false, "null", "ip", "kp");

    private void EmitAnyOneOf(SourceWriter w, CombinatorCheck check, TypeRef type)
    {
        bool one = check.Kind == CombinatorKind.OneOf;
        w.Block();
        w.Line("int matched = 0;");
        foreach (BranchRef b in check.Branches)
        {
            if (b.Target is not NodeRef t) w.Line("matched++;");
            else if (one) w.Line("if (" + Test(t, type) + ") matched++;");
            else w.Line("if (matched == 0 && " + Test(t, type) + ") matched++;");
        }
        if (one)
        {
            Fail(w, "matched == 0", check.Keyword, "Value does not match any schema of oneOf.");
            Fail(w, "matched > 1", check.Keyword, "Value matches more than one schema of oneOf.");
        }
        else Fail(w, "matched == 0", check.Keyword, "Value does not match any schema of anyOf.");
        w.Close();
    }

    /// <summary>
    /// Whether the context writes a member: always when required (null as JSON null) or of a
    /// non-nullable value type; otherwise when not null (WhenWritingNull).
    /// </summary>
    private static bool AlwaysWritten(PropertySpec p) => p.IsRequired || (p.Type.IsValueType && !p.IsNullable);

    private static bool NullableValue(PropertySpec p) => p.Type.IsValueType && p.IsNullable;

    private static string Access(PropertySpec p) => "v." + p.Name;

    private static string IsWritten(PropertySpec p) => AlwaysWritten(p) ? "true" : Access(p) + " is not null";

    /// <summary>The number of members the context writes for the record.</summary>
    private static string MemberCount(TypeSpec shape)
    {
        var parts = new List<string>();
        int always = shape.Properties.Count(AlwaysWritten);
        if (always > 0) parts.Add(Int(always));
        foreach (PropertySpec p in shape.Properties.Where(p => !AlwaysWritten(p))) parts.Add("(" + Access(p) + " is not null ? 1 : 0)");
        if (shape.ExtensionDataName is string ext) parts.Add(V + ".ValueChecks.Count(v." + ext + ")");
        return parts.Count == 0 ? "0" : string.Join(" + ", parts);
    }

    /// <summary>Whether member <paramref name="name"/> is written: null when it always is (nothing to check).</summary>
    private static string? Present(TypeSpec shape, string name)
    {
        PropertySpec? p = shape.Properties.FirstOrDefault(x => x.JsonName == name);
        if (p is not null && AlwaysWritten(p)) return null;
        string? ext = shape.ExtensionDataName is string e ? V + ".ValueChecks.Has(v." + e + ", " + CSharp.Literal(name) + ")" : null;
        if (p is null) return ext ?? "false";
        return ext is null ? Access(p) + " is not null" : "(" + Access(p) + " is not null || " + ext + ")";
    }

    private void EmitRecordMembers(SourceWriter w, MembersCheck check, TypeSpec shape)
    {
        foreach (PropertySpec p in shape.Properties)
        {
            if (ValuePlanner.MemberTarget(check, p.JsonName) is not NodeRef target) continue;
            string keyword = check.Properties.Any(e => e.Name == p.JsonName) ? "/properties/" + Escape(p.JsonName) : "/additionalProperties";
            string member = Collector + ".Member(c, ip, " + CSharp.Literal(p.JsonName) + ")";
            if (AlwaysWritten(p)) Assert(w, Call(target, p.Type, Access(p), NullableValue(p), "c", member, KeywordArg(target, keyword)));
            else if (!_method.NoOpCalls.Contains(ValuePlanner.NameOf(target, p.Type)))
            {
                // Skipped when null (WhenWritingNull): absent, so not validated.
                string value = NullableValue(p) ? Access(p) + ".GetValueOrDefault()" : Access(p);
                Assert(w, IsWritten(p), Call(target, p.Type, value, false, "c", member, KeywordArg(target, keyword)));
            }
        }
    }

    /// <summary>
    /// Extension data is JSON already, and a declared name in it is a duplicate member: members the
    /// schema checks there are left to the element validator of the whole written value (rare in
    /// values built in code, so the common case stays allocation-free).
    /// </summary>
    private string? ExtensionFallback(ValueMethodSpec m)
    {
        if (m.Shape?.ExtensionDataName is not string ext) return null;
        MembersCheck? check = m.Node.Checks.OfType<MembersCheck>().FirstOrDefault();
        if (check is null || (check.Properties.Count == 0 && (check.Additional is null || check.AdditionalIsTrivial))) return null;
        return "if (v." + ext + " is { Count: > 0 }) return " + ViaJson(m) + ";";
    }

    private string ViaJson(ValueMethodSpec m)
        => V + ".ValueChecks.ViaJson(v, global::" + _file.ContextNamespace + "." + _file.ContextName + ".Default.Options, " + Element(m.NodeRef) + (_ds ? ", ds" : string.Empty) + ", c, ip, kp)";

    private string DsArg => _ds ? ", ds" : string.Empty;

    private void EmitDictionaryMembers(SourceWriter w, MembersCheck check, TypeRef valueType)
    {
        bool additional = check.Additional is not null && !check.AdditionalIsTrivial;
        if (check.Properties.Count == 0 && !additional) return;
        w.Open("foreach (global::System.Collections.Generic.KeyValuePair<string, " + CSharp.TypeName(valueType) + "> m in v)");
        EmitDispatch(w, check, "m.Value", valueType);
        w.Close();
    }

    /// <summary>One member <c>m</c>: its <c>properties</c> subschema by name, else <c>additionalProperties</c>.</summary>
    private void EmitDispatch(SourceWriter w, MembersCheck check, string value, TypeRef valueType)
    {
        string member = Collector + ".Member(c, ip, m.Key)";
        bool additional = check.Additional is not null && !check.AdditionalIsTrivial;
        if (check.Properties.Count == 0)
        {
            Assert(w, Call(check.Additional!, valueType, value, false, "c", member, KeywordArg(check.Additional!, "/additionalProperties")));
            return;
        }
        w.Open("switch (m.Key)");
        foreach (PropertyEntry p in check.Properties)
            w.Line("case " + CSharp.Literal(p.Name) + ": if (!" + Call(p.Target, valueType, value, false, "c", member, KeywordArg(p.Target, "/properties/" + Escape(p.Name))) + " && " + V + ".Checks.Stop(c, ref ok)) return false; break;");
        if (additional)
            w.Line("default: if (!" + Call(check.Additional!, valueType, value, false, "c", member, KeywordArg(check.Additional!, "/additionalProperties")) + " && " + V + ".Checks.Stop(c, ref ok)) return false; break;");
        w.Close();
    }

    private static string Escape(string token) => ValidatorEmitter.Escape(token);
}
