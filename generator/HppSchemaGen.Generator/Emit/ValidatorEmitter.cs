using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using HppSchemaGen.Generator.Model.Validation;

using HppSchemaGen.Validation;

namespace HppSchemaGen.Generator.Emit;

/// <summary>
/// Emits one validators file: methods of the namespace's <c>__Validators</c> class, one per
/// canonical schema node. Each method runs in two modes: with no collector it returns false at the
/// first failure and allocates nothing; with a collector it records every error with its instance
/// and keyword location. Keyword assertions are calls into <c>HppSchemaGen.Validation.Checks</c>;
/// only the structure (members, items, applicators) is spelled out here.
/// Nodes under <c>unevaluated*</c> also get a <c>__E</c> variant that marks the members/items it
/// evaluated; sets that use <c>$dynamicRef</c> pass the packed dynamic scope <c>ds</c> along.
/// </summary>
internal sealed class ValidatorEmitter
{
    private const string J = "__J";
    private const string V = "__V";
    private const string Collector = "__C";

    private readonly SourceWriter _w = new();
    private readonly FieldTable _fields = new();
    private string _namespace = string.Empty;
    private string _method = string.Empty;
    private bool _ds;
    private bool _tracking;

    public static string Emit(ValidatorFileSpec spec) => new ValidatorEmitter().Run(spec);

    private string Run(ValidatorFileSpec spec)
    {
        _namespace = spec.Namespace;
        _ds = spec.UsesDynamicScope;
        _w.Header();
        _w.Open("namespace " + spec.Namespace);
        _w.Line("using " + J + " = global::System.Text.Json;");
        _w.Line("using " + V + " = global::HppSchemaGen.Validation;");
        _w.Line("using " + Collector + " = global::HppSchemaGen.Validation.ValidationCollector;");
        _w.Line();
        _w.Line(spec.DocumentId.Length == 0
            ? "/// <summary>Validators shared by the schemas of this namespace.</summary>"
            : "/// <summary>Validators of the schema document " + DocComments.EscapeInline(spec.DocumentId) + ".</summary>");
        _w.Open("internal static partial class __Validators");
        bool first = true;
        foreach (ValidatorMethodSpec method in spec.Methods)
        {
            if (!first) _w.Line();
            first = false;
            _method = method.Name;
            _tracking = false;
            EmitMethod(method);
            if (method.TracksEvaluated)
            {
                _w.Line();
                _tracking = true;
                EmitMethod(method);
            }
        }
        // Constants (enum values, patterns, member tables) are declared after the methods that use them.
        _fields.Write(_w);
        _w.Close();
        _w.Close();
        return _w.ToString();
    }

    /// <summary>A static field named after the method that uses it.</summary>
    private string Field(string type, string kind, string initializer) => _fields.Get(_method, type, kind, initializer);

    private string Parameters(bool tracking)
        => "(" + J + ".JsonElement e, " + Collector + "? c, string ip, string kp" + (_ds ? ", ulong ds" : string.Empty)
           + (tracking ? ", ref " + V + ".EvaluatedSet ev" : string.Empty) + ")";

    private string DsArg => _ds ? ", ds" : string.Empty;

    private string Name(ValidatorMethodSpec m) => m.Name + (_tracking ? "__E" : string.Empty);

    private void EmitMethod(ValidatorMethodSpec node)
    {
        SourceWriter w = _w;
        string name = Name(node);
        if (_ds && !_tracking && node.IsEntry)
        {
            // Entry without a dynamic scope (a type's Validate): the scope starts empty.
            w.Line("internal static bool " + name + "(" + J + ".JsonElement e, " + Collector + "? c, string ip, string kp) => " + name + "(e, c, ip, kp, 0UL);");
            w.Line();
        }
        if (node.Locations.Count > 0)
            w.Line("/// <summary>Schema at <c>" + DocComments.EscapeInline(node.Locations[0]) + "</c>" + (_tracking ? ", reporting what it evaluated" : string.Empty) + ".</summary>");
        string signature = "internal static bool " + name + Parameters(_tracking);
        bool enters = _ds && node.EntersAnchors.Count > 0;
        if (_tracking && !enters && !node.Checks.Any(c => c.InPlace || c.Descends))
        {
            // Nothing here marks members or items: the reporting variant is the plain one.
            w.Line(signature + " => " + node.Name + "(e, c, ip, kp" + DsArg + ");");
            return;
        }
        if (node.Boolean is bool b)
        {
            if (!enters)
            {
                w.Line(signature + " => " + (b ? "true;" : V + ".Checks.False(c, ip, kp);"));
                return;
            }
            w.Open(signature);
            EnterAnchors(node);
            w.Line(b ? "return true;" : "return " + V + ".Checks.False(c, ip, kp);");
            w.Close();
            return;
        }
        if (!_tracking && node.Checks.Any(c => c is UnevaluatedCheck))
        {
            w.Open(signature);
            EnterAnchors(node);
            w.Line(V + ".EvaluatedSet ev = default;");
            w.Line("return " + node.Name + "__E(e, c, ip, kp" + DsArg + ", ref ev);");
            w.Close();
            return;
        }
        if (node.Checks.Count == 0 && !enters)
        {
            w.Line(signature + " => true;");
            return;
        }
        if (node.Checks.Count == 1 && !enters && !node.Checks[0].Descends && Assertion(node.Checks[0]) is string single)
        {
            w.Line(signature);
            w.Line("    => " + single + ";");
            return;
        }
        w.Open(signature);
        EnterAnchors(node);
        // Methods that descend into members or items recurse with the document: a hostile depth
        // must end in a validation error (ValidatorRunner.TooDeep), never a stack overflow.
        if (node.Checks.Any(c => c.Descends))
            w.Line("if (!global::System.Runtime.CompilerServices.RuntimeHelpers.TryEnsureSufficientExecutionStack()) return " + V + ".ValidatorRunner.TooDeep(c, ip, kp);");
        w.Line("bool ok = true;");
        foreach (Check check in node.Checks) EmitCheck(w, check);
        w.Line("return ok;");
        w.Close();
    }

    private void EnterAnchors(ValidatorMethodSpec node)
    {
        if (!_ds) return;
        foreach (DynamicAnchorEntry a in node.EntersAnchors)
            _w.Line("ds = " + V + ".DynamicScope.Enter(ds, " + Int(a.Name) + ", " + Int(a.Id) + "UL);");
    }

    private static string Int(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Kw(string keyword) => CSharp.Literal(keyword);

    /// <summary>A check that is one runtime call returning whether the value passes, else null.</summary>
    private string? Assertion(Check check)
    {
        const string tail = ", c, ip, kp)";
        switch (check)
        {
            case TypeCheck t:
                return V + ".Checks.Type(e, " + Types(t.Types) + tail;
            case EnumCheck en:
            {
                string field = Field(V + ".JsonValues", en.IsConst ? "Const" : "Enum", "new(" + string.Join(", ", en.Values.Select(CSharp.Literal)) + ")");
                return V + ".Checks." + (en.IsConst ? "Const" : "Enum") + "(e, " + field + tail;
            }
            case CountCheck n:
                return V + ".Checks." + n.Kind + "(e, " + Int(n.Limit) + tail;
            case BoundCheck bc:
            {
                string args = "(e, " + Decimal(bc.Limit) + ", " + Double(bc.Limit.Double) + ", " + CSharp.Literal(bc.Limit.Text) + ", c, ip, kp";
                string expected = "/" + char.ToLowerInvariant(bc.Kind.ToString()[0]) + bc.Kind.ToString().Substring(1);
                return V + ".Checks." + bc.Kind + args + (bc.Keyword == expected ? ")" : ", " + Kw(bc.Keyword) + ")");
            }
            case PatternCheck p:
                return V + ".Checks.Pattern(e, " + Field(V + ".Pattern", "Pattern", "new(" + CSharp.Literal(p.Pattern) + ")") + tail;
            case FormatCheck f:
                return V + ".Checks.Format(e, " + CSharp.Literal(f.Format) + tail;
            case ContentCheck content:
                return V + ".Checks.Content(e, " + (content.Base64 ? "true" : "false") + ", " + (content.Json ? "true" : "false") + tail;
            case UniqueItemsCheck:
                return V + ".Checks.UniqueItems(e" + tail;
            case RequiredCheck r:
                return V + ".Checks.Required(e, " + Names("Required", r.Names) + tail;
            case DependentRequiredCheck d:
                return V + ".Checks.DependentRequired(e, " + Names("Dependent", new[] { d.Property }.Concat(d.Names)) + ", c, ip, kp, " + Kw(d.Keyword) + ")";
            case NeverCheck n:
                return V + ".Checks.Never(c, ip, kp, " + Kw(n.Keyword) + ", " + CSharp.Literal("Cannot validate: " + n.Reason + ".") + ")";
            case RefCheck r when !_tracking:
                return Sub(r.Target, "e", "ip", r.Keyword);
            default:
                return null;
        }
    }

    private string Names(string kind, IEnumerable<string> names)
        => Field(V + ".NameTable", kind, "new(" + string.Join(", ", names.Select(CSharp.Literal)) + ")");

    internal static string Types(JsonTypes types)
    {
        if (types == JsonTypes.None) return V + ".JsonTypes.None";
        var parts = new List<string>();
        foreach (JsonTypes t in new[] { JsonTypes.Object, JsonTypes.Array, JsonTypes.String, JsonTypes.Number, JsonTypes.Integer, JsonTypes.IntegerLiteral, JsonTypes.Boolean, JsonTypes.Null })
        {
            if ((types & t) != 0) parts.Add(V + ".JsonTypes." + t);
        }
        return string.Join(" | ", parts);
    }

    internal static string Decimal(NumberValue n) => n.Decimal is decimal d ? d.ToString(CultureInfo.InvariantCulture) + "m" : "null";

    internal static string Double(double x)
        => double.IsPositiveInfinity(x) ? "double.PositiveInfinity"
            : double.IsNegativeInfinity(x) ? "double.NegativeInfinity"
            : x.ToString("R", CultureInfo.InvariantCulture) + "d";

    /// <summary>The method that validates with <paramref name="target"/>, qualified when it is in another namespace.</summary>
    private string Method(NodeRef target, bool tracking)
    {
        if (target.Kind == NodeRefKind.Cycle) return V + ".SchemaCycle.Fail" + (tracking ? "_E" : string.Empty);
        string name = target.Method + (tracking ? "__E" : string.Empty);
        return target.Namespace == _namespace ? name : "global::" + target.Namespace + ".__Validators." + name;
    }

    /// <summary>Fails the node when <paramref name="passes"/> is false: the boolean pass returns at once.</summary>
    private static void Assert(SourceWriter w, string passes) => w.Line("if (!" + passes + " && " + V + ".Checks.Stop(c, ref ok)) return false;");

    /// <summary>A call validating <paramref name="element"/> against another node, with the collector.</summary>
    private string Sub(NodeRef target, string element, string instance, string keyword)
        => Method(target, false) + "(" + element + ", c, " + instance + ", " + KeywordArg(target, keyword) + DsArg + ")";

    /// <summary>An in-place call; in tracking mode it goes to the target's __E variant with its own set.</summary>
    private string InPlace(NodeRef target, string keyword)
        => _tracking
            ? Method(target, true) + "(e, c, ip, " + KeywordArg(target, keyword) + DsArg + ", ref evSub)"
            : Sub(target, "e", "ip", keyword);

    /// <summary>The keyword location passed to a subschema; crossing a reference also tells the collector where it leads.</summary>
    private static string KeywordArg(NodeRef target, string keyword) => KeywordLocation(Collector, target, keyword + target.Via);

    /// <summary><c>Keyword(c, kp, suffix)</c>, or <c>Ref(c, kp, suffix, absolute)</c> when the call crosses a reference.</summary>
    internal static string KeywordLocation(string collector, NodeRef target, string suffix)
        => target.Absolute.Length == 0
            ? collector + ".Keyword(c, kp, " + Kw(suffix) + ")"
            : collector + ".Ref(c, kp, " + Kw(suffix) + ", " + CSharp.Literal(target.Absolute) + ")";

    /// <summary>
    /// An in-place subschema that must pass. Annotations flow up only: the subschema starts from an
    /// empty set (it must not see what this schema evaluated) and its set is merged when it passes.
    /// </summary>
    private void InPlaceMustPass(SourceWriter w, NodeRef target, string keyword)
    {
        if (!_tracking)
        {
            Assert(w, InPlace(target, keyword));
            return;
        }
        w.Block();
        w.Line(V + ".EvaluatedSet evSub = default;");
        Assert(w, InPlace(target, keyword));
        w.Line("ev.Merge(in evSub);");
        w.Close();
    }

    /// <summary>A silent in-place test (no collector) used by anyOf/oneOf/not/if/contains.</summary>
    private string Test(NodeRef target, string element, string? evaluated = null)
        => evaluated is null
            ? Method(target, false) + "(" + element + ", null, ip, kp" + DsArg + ")"
            : Method(target, true) + "(" + element + ", null, ip, kp" + DsArg + ", ref " + evaluated + ")";

    private static string Is(string kind) => "e.ValueKind == " + J + ".JsonValueKind." + kind;

    private void EmitCheck(SourceWriter w, Check check)
    {
        if (Assertion(check) is string assertion)
        {
            Assert(w, assertion);
            return;
        }
        switch (check)
        {
            case RefCheck r:
                InPlaceMustPass(w, r.Target, r.Keyword);
                break;
            case DynamicRefCheck d:
                EmitDynamicRef(w, d);
                break;
            case DependentSchemaCheck d:
                w.Open("if (" + Is("Object") + " && " + Names("Dependent", new[] { d.Property }) + ".IsPresent(e, 0))");
                InPlaceMustPass(w, d.Target, d.Keyword);
                w.Close();
                break;
            case MembersCheck m:
                EmitMembers(w, m);
                break;
            case PropertyNamesCheck p:
                w.Open("if (" + Is("Object") + ")");
                w.Open("foreach (" + J + ".JsonProperty m in e.EnumerateObject())");
                Assert(w, Sub(p.Target, V + ".Messages.NameAsElement(m)", Collector + ".Member(c, ip, m)", p.Keyword));
                w.Close();
                w.Close();
                break;
            case ItemsCheck items:
                w.Open("if (" + Is("Array") + ")");
                w.Line("int i = 0;");
                w.Open("foreach (" + J + ".JsonElement item in e.EnumerateArray())");
                string call = Sub(items.Target, "item", Collector + ".Item(c, ip, i)", items.Keyword);
                if (items.From > 0) w.Open("if (i >= " + Int(items.From) + ")");
                Assert(w, call);
                if (_tracking) w.Line("ev.Mark(i);");
                if (items.From > 0) w.Close();
                w.Line("i++;");
                w.Close();
                w.Close();
                break;
            case PrefixItemCheck p:
            {
                string index = Int(p.Index);
                w.Open("if (" + Is("Array") + " && e.GetArrayLength() > " + index + ")");
                Assert(w, Sub(p.Target, "e[" + index + "]", Collector + ".Item(c, ip, " + index + ")", p.Keyword));
                if (_tracking) w.Line("ev.Mark(" + index + ");");
                w.Close();
                break;
            }
            case ContainsCheck contains:
                w.Open("if (" + Is("Array") + ")");
                w.Line("long matches = 0;");
                if (_tracking) w.Line("int i = 0;");
                w.Open("foreach (" + J + ".JsonElement item in e.EnumerateArray())");
                if (_tracking)
                {
                    w.Open("if (" + Test(contains.Target, "item") + ")");
                    w.Line("matches++;");
                    w.Line("ev.Mark(i);");
                    w.Close();
                    w.Line("i++;");
                }
                else w.Line("if (" + Test(contains.Target, "item") + ") matches++;");
                w.Close();
                Fail(w, "matches < " + Int(contains.Min), contains.Keyword, "Array has fewer than " + Int(contains.Min) + " items matching 'contains'.");
                if (contains.Max is long max) Fail(w, "matches > " + Int(max), contains.Keyword, "Array has more than " + Int(max) + " items matching 'contains'.");
                w.Close();
                break;
            case CombinatorCheck { Kind: CombinatorKind.AllOf } all:
                for (int i = 0; i < all.Branches.Count; i++)
                {
                    if (all.Branches[i].Target is NodeRef t) InPlaceMustPass(w, t, all.Keyword + "/" + Int(i));
                }
                break;
            case CombinatorCheck any:
                EmitAnyOneOf(w, any);
                break;
            case NotCheck not:
                Fail(w, Test(not.Target, "e"), not.Keyword, "Value must not match the schema in 'not'.");
                break;
            case IfThenElseCheck ite:
                EmitIfThenElse(w, ite);
                break;
            case UnevaluatedCheck u:
                if (u.Items) EmitUnevaluated(w, u, "Array", J + ".JsonElement item in e.EnumerateArray()", "item", Collector + ".Item(c, ip, i)");
                else EmitUnevaluated(w, u, "Object", J + ".JsonProperty m in e.EnumerateObject()", "m.Value", Collector + ".Member(c, ip, m)");
                break;
        }
    }

    /// <summary>A failed assertion of this node spelled out here (contains, not, anyOf/oneOf).</summary>
    internal static void Fail(SourceWriter w, string condition, string keyword, string message)
        => w.Line("if (" + condition + " && !" + V + ".Checks.Never(c, ip, kp, " + Kw(keyword) + ", " + CSharp.Literal(message) + ") && " + V + ".Checks.Stop(c, ref ok)) return false;");

    private void EmitIfThenElse(SourceWriter w, IfThenElseCheck ite)
    {
        if (!_tracking && ite.Then is null && ite.Else is null) return; // only an annotation source
        if (_tracking)
        {
            w.Block();
            w.Line(V + ".EvaluatedSet evIf = default;");
            w.Open("if (" + Test(ite.If, "e", "evIf") + ")");
            w.Line("ev.Merge(in evIf);");
        }
        else w.Open("if (" + Test(ite.If, "e") + ")");
        if (ite.Then is NodeRef then) InPlaceMustPass(w, then, "/then");
        w.Close();
        if (ite.Else is NodeRef @else)
        {
            w.Open("else");
            InPlaceMustPass(w, @else, "/else");
            w.Close();
        }
        if (_tracking) w.Close();
    }

    /// <summary>unevaluatedProperties / unevaluatedItems: every member or item no other keyword evaluated.</summary>
    private void EmitUnevaluated(SourceWriter w, UnevaluatedCheck check, string kind, string loop, string value, string location)
    {
        w.Open("if (" + Is(kind) + ")");
        w.Line("int i = 0;");
        w.Open("foreach (" + loop + ")");
        w.Open("if (!ev.IsMarked(i))");
        Assert(w, Sub(check.Target, value, location, check.Keyword));
        w.Line("ev.Mark(i);");
        w.Close();
        w.Line("i++;");
        w.Close();
        w.Close();
    }

    /// <summary>
    /// anyOf / oneOf: branches are tested without a collector; only the outcome is an error. When
    /// tracking, every branch runs (no short cut) so each passing branch's annotations count.
    /// </summary>
    private void EmitAnyOneOf(SourceWriter w, CombinatorCheck check)
    {
        bool one = check.Kind == CombinatorKind.OneOf;
        w.Block();
        w.Line("int matched = 0;");
        foreach (BranchRef b in check.Branches)
        {
            if (b.Target is not NodeRef t) w.Line("matched++;");
            else if (_tracking)
            {
                w.Block();
                w.Line(V + ".EvaluatedSet evBranch = default;");
                w.Open("if (" + Test(t, "e", "evBranch") + ")");
                w.Line("matched++;");
                w.Line("ev.Merge(in evBranch);");
                w.Close();
                w.Close();
            }
            else if (one) w.Line("if (" + Test(t, "e") + ") matched++;");
            else w.Line("if (matched == 0 && " + Test(t, "e") + ") matched++;");
        }
        if (one)
        {
            Fail(w, "matched == 0", check.Keyword, "Value does not match any schema of oneOf.");
            Fail(w, "matched > 1", check.Keyword, "Value matches more than one schema of oneOf.");
        }
        else Fail(w, "matched == 0", check.Keyword, "Value does not match any schema of anyOf.");
        w.Close();
    }

    /// <summary>$dynamicRef: the schema the dynamic scope chose for this anchor name, else the static target.</summary>
    private void EmitDynamicRef(SourceWriter w, DynamicRefCheck check)
    {
        w.Block();
        w.Line("bool valid;");
        if (_tracking) w.Line(V + ".EvaluatedSet evSub = default;");
        w.Open("switch (" + V + ".DynamicScope.Get(ds, " + Int(check.AnchorName) + "))");
        foreach (DynamicCandidate candidate in check.Candidates)
            w.Line("case " + Int(candidate.Id) + ": valid = " + InPlace(candidate.Target, check.Keyword) + "; break;");
        w.Line("default: valid = " + InPlace(check.Default, check.Keyword) + "; break;");
        w.Close();
        w.Line("if (!valid && " + V + ".Checks.Stop(c, ref ok)) return false;");
        if (_tracking) w.Line("ev.Merge(in evSub);");
        w.Close();
    }

    /// <summary>
    /// properties / patternProperties / additionalProperties in one pass over the members. A member
    /// is found in the properties table by hash (NameTable), not by comparing every name in turn.
    /// </summary>
    private void EmitMembers(SourceWriter w, MembersCheck check)
    {
        bool props = check.Properties.Count > 0;
        bool patterns = check.Patterns.Count > 0;
        bool additional = check.Additional is not null && (!check.AdditionalIsTrivial || _tracking);
        if (!props && !patterns && !additional) return;
        string member = Collector + ".Member(c, ip, m)";
        w.Open("if (" + Is("Object") + ")");
        if (_tracking) w.Line("int i = -1;");
        w.Open("foreach (" + J + ".JsonProperty m in e.EnumerateObject())");
        if (_tracking) w.Line("i++;");
        if (props)
        {
            string table = Names("Members", check.Properties.Select(p => p.Name));
            bool needIndex = patterns || additional || _tracking;
            if (needIndex) w.Line("int k = " + table + ".Find(m);");
            if (_tracking) w.Line("if (k >= 0) ev.Mark(i);");
            w.Open("switch (" + (needIndex ? "k" : table + ".Find(m)") + ")");
            for (int i = 0; i < check.Properties.Count; i++)
            {
                PropertyEntry p = check.Properties[i];
                string call = Sub(p.Target, "m.Value", member, "/properties/" + Escape(p.Name));
                w.Line("case " + Int(i) + ": if (!" + call + " && " + V + ".Checks.Stop(c, ref ok)) return false; break;");
            }
            w.Close();
            if (patterns && additional) w.Line("bool known = k >= 0;");
        }
        else if (patterns && additional) w.Line("bool known = false;");
        for (int i = 0; i < check.Patterns.Count; i++)
        {
            PatternEntry p = check.Patterns[i];
            string pattern = Field(V + ".Pattern", "Property", "new(" + CSharp.Literal(p.Pattern) + ")");
            w.Open("if (" + pattern + ".IsMatch(" + V + ".Messages.NameOf(m)))");
            if (additional) w.Line("known = true;");
            if (_tracking) w.Line("ev.Mark(i);");
            Assert(w, Sub(p.Target, "m.Value", member, "/patternProperties/" + Escape(p.Pattern)));
            w.Close();
        }
        if (additional)
        {
            string unmatched = patterns ? (props ? "!known" : "!known") : props ? "k < 0" : "true";
            if (check.AdditionalIsTrivial)
            {
                // additionalProperties: true asserts nothing; it only marks members as evaluated.
                w.Line(unmatched == "true" ? "ev.Mark(i);" : "if (" + unmatched + ") ev.Mark(i);");
            }
            else
            {
                if (unmatched == "true") w.Block();
                else w.Open("if (" + unmatched + ")");
                if (_tracking) w.Line("ev.Mark(i);");
                Assert(w, Sub(check.Additional!, "m.Value", member, "/additionalProperties"));
                w.Close();
            }
        }
        w.Close();
        w.Close();
    }

    /// <summary>Escapes one JSON Pointer reference token (RFC 6901) of a keyword location.</summary>
    internal static string Escape(string token) => token.Replace("~", "~0").Replace("/", "~1");
}
