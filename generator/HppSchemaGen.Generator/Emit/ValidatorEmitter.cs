using System.Collections.Generic;
using System.Globalization;
using HppSchemaGen.Generator.Model;

namespace HppSchemaGen.Generator.Emit;

/// <summary>
/// Emits a document's validators: one straight-line method per schema node. Each method runs in
/// two modes: with no collector it returns false at the first failure and allocates nothing; with
/// a collector it records every error with its instance and keyword location.
/// Nodes under <c>unevaluated*</c> also get an <c>_E</c> variant that marks the members/items it
/// evaluated; sets that use <c>$dynamicRef</c> pass the packed dynamic scope <c>ds</c> along.
/// </summary>
internal sealed class ValidatorEmitter
{
    private const string Json = "global::System.Text.Json";
    private const string Kind = "global::System.Text.Json.JsonValueKind";
    private const string V = "global::HppSchemaGen.Validation";

    private readonly SourceWriter _w = new();
    private readonly List<string> _fields = new();
    private int _fieldCount;
    private string _localPrefix = string.Empty;
    private bool _ds;
    private bool _tracking;

    public static string Emit(ValidatorClassSpec spec) => new ValidatorEmitter().Run(spec);

    private string Run(ValidatorClassSpec spec)
    {
        _localPrefix = "global::" + spec.Namespace + "." + spec.OwnerName + ".__Schema.";
        _ds = spec.UsesDynamicScope;
        _w.Header();
        _w.Open("namespace " + spec.Namespace);
        _w.Open(spec.OwnerDeclaration + " " + spec.OwnerName);
        _w.Line("/// <summary>Validators of the schema document " + DocComments.EscapeInline(spec.DocumentId) + ", one per schema node.</summary>");
        _w.Line("[global::System.ComponentModel.EditorBrowsable(global::System.ComponentModel.EditorBrowsableState.Never)]");
        _w.Line("[global::System.CodeDom.Compiler.GeneratedCode(\"HppSchemaGen\", \"" + ThisAssembly.Version + "\")]");
        _w.Open("internal static class __Schema");
        foreach (ValidatorNodeSpec node in spec.Nodes)
        {
            _tracking = false;
            EmitNode(node);
            if (node.TracksEvaluated)
            {
                _tracking = true;
                EmitNode(node);
            }
        }
        // Constants (enum values, compiled patterns) are declared after the methods that use them.
        foreach (string f in _fields) _w.Line(f);
        _w.Close();
        _w.Close();
        _w.Close();
        return _w.ToString();
    }

    private string Field(string type, string initializer)
    {
        string name = "__f" + (_fieldCount++).ToString(CultureInfo.InvariantCulture);
        _fields.Add("private static " + type + " " + name + (initializer.Length > 0 ? " = " + initializer : string.Empty) + ";");
        return name;
    }

    private string Parameters(bool tracking)
        => "(" + Json + ".JsonElement e, " + V + ".ValidationCollector? c, string ip, string kp" + (_ds ? ", ulong ds" : string.Empty)
           + (tracking ? ", ref " + V + ".EvaluatedSet ev" : string.Empty) + ")";

    private static bool HasUnevaluated(ValidatorNodeSpec node)
    {
        foreach (CheckSpec c in node.Checks)
        {
            if (c.Kind is CheckKind.UnevaluatedProperties or CheckKind.UnevaluatedItems) return true;
        }
        return false;
    }

    private void EmitNode(ValidatorNodeSpec node)
    {
        SourceWriter w = _w;
        string name = node.MethodName + (_tracking ? "_E" : string.Empty);
        if (_ds && !_tracking)
        {
            // Entry without a dynamic scope (a type's Validate): the scope starts empty.
            w.Line("internal static bool " + name + "(" + Json + ".JsonElement e, " + V + ".ValidationCollector? c, string ip, string kp) => " + name + "(e, c, ip, kp, 0UL);");
            w.Line();
        }
        w.Line("/// <summary>Schema at <c>" + DocComments.EscapeInline(node.Pointer.Length == 0 ? "#" : node.Pointer) + "</c>" + (_tracking ? ", reporting what it evaluated" : string.Empty) + ".</summary>");
        w.Open("internal static bool " + name + Parameters(_tracking));
        if (_ds)
        {
            foreach (string anchor in node.EntersAnchors)
            {
                string[] parts = anchor.Split(':');
                w.Line("ds = " + V + ".DynamicScope.Enter(ds, " + parts[0] + ", " + parts[1] + "UL);");
            }
        }
        if (node.BooleanSchema is bool b)
        {
            if (b) w.Line("return true;");
            else
            {
                w.Line("c?.Add(ip, kp, \"No value is valid here (false schema).\");");
                w.Line("return false;");
            }
        }
        else if (!_tracking && HasUnevaluated(node))
        {
            w.Line(V + ".EvaluatedSet ev = default;");
            w.Line("return " + node.MethodName + "_E(e, c, ip, kp" + DsArg + ", ref ev);");
        }
        else
        {
            // Methods that descend into members or items recurse with the document: a hostile depth
            // must end in a validation error (ValidatorRunner.TooDeep), never a stack overflow.
            if (Descends(node)) w.Line("if (!global::System.Runtime.CompilerServices.RuntimeHelpers.TryEnsureSufficientExecutionStack()) return " + V + ".ValidatorRunner.TooDeep(c, ip, kp);");
            w.Line("bool ok = true;");
            foreach (CheckSpec check in node.Checks) EmitCheck(w, check);
            w.Line("return ok;");
        }
        w.Close();
        w.Line();
    }

    private static bool Descends(ValidatorNodeSpec node)
    {
        foreach (CheckSpec c in node.Checks)
        {
            if (c.Kind is CheckKind.Members or CheckKind.PropertyNames or CheckKind.Items or CheckKind.PrefixItem or CheckKind.Contains
                or CheckKind.UnevaluatedProperties or CheckKind.UnevaluatedItems) return true;
        }
        return false;
    }

    private string DsArg => _ds ? ", ds" : string.Empty;

    private static string Kw(string keyword) => CSharp.Literal(keyword);

    /// <summary>A failed assertion of this node: fast path returns, collect path records.</summary>
    private static void Fail(SourceWriter w, string condition, string keyword, string message)
    {
        w.Open("if (" + condition + ")");
        w.Line("if (c is null) return false;");
        w.Line("ok = false;");
        w.Line("c.Add(ip, kp + " + Kw(keyword) + ", " + message + ");");
        w.Close();
    }

    /// <summary>A failed subschema: it recorded its own errors already.</summary>
    private static void SubFail(SourceWriter w, string call)
    {
        w.Open("if (!" + call + ")");
        w.Line("if (c is null) return false;");
        w.Line("ok = false;");
        w.Close();
    }

    private string Local(string target) => target.StartsWith(_localPrefix, System.StringComparison.Ordinal) ? target.Substring(_localPrefix.Length) : target;

    /// <summary>A call validating <paramref name="element"/> against another node, with the collector.</summary>
    private string Sub(string target, string element, string instance, string keyword)
        => Local(target) + "(" + element + ", c, " + instance + ", " + V + ".ValidationCollector.Keyword(c, kp, " + Kw(keyword) + ")" + DsArg + ")";

    /// <summary>An in-place call; in tracking mode it goes to the target's _E variant with its own set.</summary>
    private string InPlace(string target, string keyword)
        => _tracking
            ? Local(target) + "_E(e, c, ip, " + V + ".ValidationCollector.Keyword(c, kp, " + Kw(keyword) + ")" + DsArg + ", ref evSub)"
            : Sub(target, "e", "ip", keyword);

    /// <summary>
    /// An in-place subschema that must pass. Annotations flow up only: the subschema starts from an
    /// empty set (it must not see what this schema evaluated) and its set is merged when it passes.
    /// </summary>
    private void InPlaceMustPass(SourceWriter w, string target, string keyword)
    {
        if (!_tracking)
        {
            SubFail(w, InPlace(target, keyword));
            return;
        }
        w.Block();
        w.Line(V + ".EvaluatedSet evSub = default;");
        SubFail(w, InPlace(target, keyword));
        w.Line("ev.Merge(in evSub);");
        w.Close();
    }

    /// <summary>A silent in-place test (no collector) used by anyOf/oneOf/not/if/contains.</summary>
    private string Test(string target, string element, string? evaluated = null)
        => evaluated is null
            ? Local(target) + "(" + element + ", null, ip, kp" + DsArg + ")"
            : Local(target) + "_E(" + element + ", null, ip, kp" + DsArg + ", ref " + evaluated + ")";

    private static string Is(string kind) => "e.ValueKind == " + Kind + "." + kind;

    private void EmitCheck(SourceWriter w, CheckSpec check)
    {
        string kw = check.Keyword;
        switch (check.Kind)
        {
            case CheckKind.Ref:
                InPlaceMustPass(w, check.Targets[0], kw);
                break;
            case CheckKind.DynamicRef:
                EmitDynamicRef(w, check);
                break;
            case CheckKind.AlwaysFail:
                Fail(w, "true", kw, CSharp.Literal("Cannot validate: " + check.Args[0] + "."));
                break;
            case CheckKind.Type:
            {
                var parts = new List<string>();
                foreach (string t in check.Args)
                {
                    parts.Add(t switch
                    {
                        "object" => Is("Object"),
                        "array" => Is("Array"),
                        "string" => Is("String"),
                        "number" => Is("Number"),
                        "integer" => "(" + Is("Number") + " && " + V + ".Numbers.IsInteger(e))",
                        "boolean" => "(" + Is("True") + " || " + Is("False") + ")",
                        _ => Is("Null"),
                    });
                }
                string condition = parts.Count == 0 ? "true" : "!(" + string.Join(" || ", parts) + ")";
                Fail(w, condition, kw, CSharp.Literal("Expected " + string.Join(" or ", check.Args) + " but found ") + " + " + V + ".Messages.KindOf(e) + \".\"");
                break;
            }
            case CheckKind.Enum:
                Fail(w, "!" + OneOf(check.Args), kw, CSharp.Literal("Value must be one of " + Shorten(string.Join(", ", check.Args)) + "."));
                break;
            case CheckKind.Const:
                Fail(w, "!" + OneOf(check.Args), kw, CSharp.Literal("Value must be " + Shorten(check.Args[0]) + "."));
                break;
            case CheckKind.MinLength:
                Fail(w, Is("String") + " && " + V + ".JsonStrings.CodePointLength(e) < " + check.Args[0], kw, CSharp.Literal("String is shorter than " + check.Args[0] + " characters."));
                break;
            case CheckKind.MaxLength:
                Fail(w, Is("String") + " && " + V + ".JsonStrings.CodePointLength(e) > " + check.Args[0], kw, CSharp.Literal("String is longer than " + check.Args[0] + " characters."));
                break;
            case CheckKind.Pattern:
                Fail(w, Is("String") + " && !" + V + ".Patterns.IsMatch(e, " + Regex(check.Args[0]) + ")", kw, CSharp.Literal("String does not match the pattern " + Shorten(check.Args[0]) + "."));
                break;
            case CheckKind.Format:
                Fail(w, Is("String") + " && !" + V + ".Formats.Check(e, " + CSharp.Literal(check.Args[0]) + ")", kw, CSharp.Literal("String is not a valid " + check.Args[0] + "."));
                break;
            case CheckKind.Minimum:
                Fail(w, Is("Number") + " && " + Compare(check) + " < 0", kw, CSharp.Literal("Number is less than " + check.Args[2] + "."));
                break;
            case CheckKind.Maximum:
                Fail(w, Is("Number") + " && " + Compare(check) + " > 0", kw, CSharp.Literal("Number is greater than " + check.Args[2] + "."));
                break;
            case CheckKind.ExclusiveMinimum:
                Fail(w, Is("Number") + " && " + Compare(check) + " <= 0", kw, CSharp.Literal("Number must be greater than " + check.Args[2] + "."));
                break;
            case CheckKind.ExclusiveMaximum:
                Fail(w, Is("Number") + " && " + Compare(check) + " >= 0", kw, CSharp.Literal("Number must be less than " + check.Args[2] + "."));
                break;
            case CheckKind.MultipleOf:
                Fail(w, Is("Number") + " && !" + V + ".Numbers.IsMultipleOf(e, " + DecimalArg(check.Args[0]) + ", " + check.Args[1] + ")", kw, CSharp.Literal("Number is not a multiple of " + check.Args[2] + "."));
                break;
            case CheckKind.MinItems:
                Fail(w, Is("Array") + " && e.GetArrayLength() < " + check.Args[0], kw, CSharp.Literal("Array has fewer than " + check.Args[0] + " items."));
                break;
            case CheckKind.MaxItems:
                Fail(w, Is("Array") + " && e.GetArrayLength() > " + check.Args[0], kw, CSharp.Literal("Array has more than " + check.Args[0] + " items."));
                break;
            case CheckKind.UniqueItems:
                Fail(w, Is("Array") + " && !" + V + ".JsonEquality.AreItemsUnique(e)", kw, CSharp.Literal("Array items are not unique."));
                break;
            case CheckKind.MinProperties:
                Fail(w, Is("Object") + " && " + V + ".Messages.CountMembers(e) < " + check.Args[0], kw, CSharp.Literal("Object has fewer than " + check.Args[0] + " properties."));
                break;
            case CheckKind.MaxProperties:
                Fail(w, Is("Object") + " && " + V + ".Messages.CountMembers(e) > " + check.Args[0], kw, CSharp.Literal("Object has more than " + check.Args[0] + " properties."));
                break;
            case CheckKind.Required:
                w.Open("if (" + Is("Object") + ")");
                foreach (string name in check.Args)
                    Fail(w, "!e.TryGetProperty(" + CSharp.Utf8Literal(name) + ", out _)", kw, CSharp.Literal("Required property '" + Shorten(name) + "' is missing."));
                w.Close();
                break;
            case CheckKind.DependentRequired:
                w.Open("if (" + Is("Object") + " && e.TryGetProperty(" + CSharp.Utf8Literal(check.Args[0]) + ", out _))");
                for (int i = 1; i < check.Args.Count; i++)
                    Fail(w, "!e.TryGetProperty(" + CSharp.Utf8Literal(check.Args[i]) + ", out _)", kw, CSharp.Literal("Property '" + Shorten(check.Args[i]) + "' is required when '" + Shorten(check.Args[0]) + "' is present."));
                w.Close();
                break;
            case CheckKind.DependentSchema:
                w.Open("if (" + Is("Object") + " && e.TryGetProperty(" + CSharp.Utf8Literal(check.Args[0]) + ", out _))");
                InPlaceMustPass(w, check.Targets[0], kw);
                w.Close();
                break;
            case CheckKind.Members:
                EmitMembers(w, check);
                break;
            case CheckKind.PropertyNames:
                w.Open("if (" + Is("Object") + ")");
                w.Open("foreach (" + Json + ".JsonProperty m in e.EnumerateObject())");
                SubFail(w, Sub(check.Targets[0], V + ".Messages.NameAsElement(m)", V + ".ValidationCollector.Member(c, ip, m)", kw));
                w.Close();
                w.Close();
                break;
            case CheckKind.Items:
                w.Open("if (" + Is("Array") + ")");
                w.Line("int i = 0;");
                w.Open("foreach (" + Json + ".JsonElement item in e.EnumerateArray())");
                string call = Sub(check.Targets[0], "item", V + ".ValidationCollector.Item(c, ip, i)", kw);
                bool all = check.Args[0] == "0";
                if (!all) w.Open("if (i >= " + check.Args[0] + ")");
                SubFail(w, call);
                if (_tracking) w.Line("ev.Mark(i);");
                if (!all) w.Close();
                w.Line("i++;");
                w.Close();
                w.Close();
                break;
            case CheckKind.PrefixItem:
                w.Open("if (" + Is("Array") + " && e.GetArrayLength() > " + check.Args[0] + ")");
                SubFail(w, Sub(check.Targets[0], "e[" + check.Args[0] + "]", V + ".ValidationCollector.Item(c, ip, " + check.Args[0] + ")", kw));
                if (_tracking) w.Line("ev.Mark(" + check.Args[0] + ");");
                w.Close();
                break;
            case CheckKind.Contains:
                w.Open("if (" + Is("Array") + ")");
                w.Line("long matches = 0;");
                if (_tracking) w.Line("int i = 0;");
                w.Open("foreach (" + Json + ".JsonElement item in e.EnumerateArray())");
                if (_tracking)
                {
                    w.Open("if (" + Test(check.Targets[0], "item") + ")");
                    w.Line("matches++;");
                    w.Line("ev.Mark(i);");
                    w.Close();
                    w.Line("i++;");
                }
                else w.Line("if (" + Test(check.Targets[0], "item") + ") matches++;");
                w.Close();
                Fail(w, "matches < " + check.Args[0], kw, CSharp.Literal("Array has fewer than " + check.Args[0] + " items matching 'contains'."));
                if (check.Args[1].Length > 0) Fail(w, "matches > " + check.Args[1], kw, CSharp.Literal("Array has more than " + check.Args[1] + " items matching 'contains'."));
                w.Close();
                break;
            case CheckKind.AllOf:
                for (int i = 0; i < check.Targets.Count; i++)
                {
                    if (check.Targets[i].Length > 0) InPlaceMustPass(w, check.Targets[i], kw + "/" + i.ToString(CultureInfo.InvariantCulture));
                }
                break;
            case CheckKind.AnyOf:
                EmitAnyOneOf(w, check, one: false);
                break;
            case CheckKind.OneOf:
                EmitAnyOneOf(w, check, one: true);
                break;
            case CheckKind.Not:
                Fail(w, Test(check.Targets[0], "e"), kw, CSharp.Literal("Value must not match the schema in 'not'."));
                break;
            case CheckKind.IfThenElse:
                if (!_tracking && check.Targets[1].Length == 0 && check.Targets[2].Length == 0) break; // only an annotation source
                if (_tracking)
                {
                    w.Block();
                    w.Line(V + ".EvaluatedSet evIf = default;");
                    w.Open("if (" + Test(check.Targets[0], "e", "evIf") + ")");
                    w.Line("ev.Merge(in evIf);");
                }
                else w.Open("if (" + Test(check.Targets[0], "e") + ")");
                if (check.Targets[1].Length > 0) InPlaceMustPass(w, check.Targets[1], "/then");
                w.Close();
                if (check.Targets[2].Length > 0)
                {
                    w.Open("else");
                    InPlaceMustPass(w, check.Targets[2], "/else");
                    w.Close();
                }
                if (_tracking) w.Close();
                break;
            case CheckKind.UnevaluatedProperties:
                EmitUnevaluated(w, check, "Object", Json + ".JsonProperty m in e.EnumerateObject()", "m.Value", V + ".ValidationCollector.Member(c, ip, m)");
                break;
            case CheckKind.UnevaluatedItems:
                EmitUnevaluated(w, check, "Array", Json + ".JsonElement item in e.EnumerateArray()", "item", V + ".ValidationCollector.Item(c, ip, i)");
                break;
        }
    }

    /// <summary>unevaluatedProperties / unevaluatedItems: every member or item no other keyword evaluated.</summary>
    private void EmitUnevaluated(SourceWriter w, CheckSpec check, string kind, string loop, string value, string location)
    {
        w.Open("if (" + Is(kind) + ")");
        w.Line("int i = 0;");
        w.Open("foreach (" + loop + ")");
        w.Open("if (!ev.IsMarked(i))");
        SubFail(w, Sub(check.Targets[0], value, location, check.Keyword));
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
    private void EmitAnyOneOf(SourceWriter w, CheckSpec check, bool one)
    {
        w.Block();
        w.Line("int matched = 0;");
        foreach (string t in check.Targets)
        {
            if (t.Length == 0) w.Line("matched++;");
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
            Fail(w, "matched != 1", check.Keyword, "matched == 0 ? \"Value does not match any schema of oneOf.\" : \"Value matches more than one schema of oneOf.\"");
        else
            Fail(w, "matched == 0", check.Keyword, CSharp.Literal("Value does not match any schema of anyOf."));
        w.Close();
    }

    /// <summary>$dynamicRef: the schema the dynamic scope chose for this anchor name, else the static target.</summary>
    private void EmitDynamicRef(SourceWriter w, CheckSpec check)
    {
        w.Block();
        w.Line("bool valid;");
        if (_tracking) w.Line(V + ".EvaluatedSet evSub = default;");
        w.Open("switch (" + V + ".DynamicScope.Get(ds, " + check.Args[0] + "))");
        for (int i = 1; i < check.Args.Count; i++)
        {
            w.Line("case " + check.Args[i] + ": valid = " + InPlace(check.Targets[i], check.Keyword) + "; break;");
        }
        w.Line("default: valid = " + InPlace(check.Targets[0], check.Keyword) + "; break;");
        w.Close();
        w.Open("if (!valid)");
        w.Line("if (c is null) return false;");
        w.Line("ok = false;");
        w.Close();
        if (_tracking) w.Line("ev.Merge(in evSub);");
        w.Close();
    }

    private void EmitMembers(SourceWriter w, CheckSpec check)
    {
        bool onlyTrivial = true;
        foreach (string a in check.Args) onlyTrivial &= a == "A";
        if (onlyTrivial && !_tracking) return;
        bool hasAdditional = false, hasPatterns = false;
        foreach (string a in check.Args)
        {
            // A trivially-true additionalProperties ("A") only matters when marking evaluated members.
            hasAdditional |= a == "a" || (a == "A" && _tracking);
            hasPatterns |= a[0] == 'r';
        }
        w.Open("if (" + Is("Object") + ")");
        if (_tracking) w.Line("int i = -1;");
        w.Open("foreach (" + Json + ".JsonProperty m in e.EnumerateObject())");
        if (_tracking) w.Line("i++;");
        if (hasAdditional && hasPatterns) w.Line("bool known = false;");
        string member = V + ".ValidationCollector.Member(c, ip, m)";
        for (int i = 0; i < check.Args.Count; i++)
        {
            string arg = check.Args[i];
            string target = check.Targets[i];
            string value = arg.Substring(1);
            if (arg[0] == 'p')
            {
                w.Open("if (m.NameEquals(" + CSharp.Utf8Literal(value) + "))");
                if (hasAdditional && hasPatterns) w.Line("known = true;");
                if (_tracking) w.Line("ev.Mark(i);");
                SubFail(w, Sub(target, "m.Value", member, "/properties/" + Escape(value)));
                // A member matches one name only; with no patterns to try, nothing else applies to it.
                if (!hasPatterns) w.Line("continue;");
                w.Close();
            }
            else if (arg[0] == 'r')
            {
                w.Open("if (" + V + ".Patterns.IsMatch(m.Name, " + Regex(value) + "))");
                if (hasAdditional) w.Line("known = true;");
                if (_tracking) w.Line("ev.Mark(i);");
                SubFail(w, Sub(target, "m.Value", member, "/patternProperties/" + Escape(value)));
                w.Close();
            }
            else if (arg == "A")
            {
                // additionalProperties: true asserts nothing; it only marks members as evaluated.
                if (!_tracking) continue;
                if (hasPatterns) w.Line("if (!known) ev.Mark(i);");
                else w.Line("ev.Mark(i);");
            }
            else
            {
                if (hasPatterns) w.Open("if (!known)");
                else w.Block();
                if (_tracking) w.Line("ev.Mark(i);");
                SubFail(w, Sub(target, "m.Value", member, "/additionalProperties"));
                w.Close();
            }
        }
        w.Close();
        w.Close();
    }

    private static string Escape(string token) => token.Replace("~", "~0").Replace("/", "~1");

    private string Regex(string pattern)
    {
        string cache = Field("global::System.Text.RegularExpressions.Regex?", string.Empty);
        string state = Field("int", string.Empty);
        return V + ".Patterns.Get(ref " + cache + ", ref " + state + ", " + CSharp.Literal(pattern) + ")";
    }

    /// <summary>A test that <c>e</c> equals one of the JSON values (strings compared as UTF-8, others by JSON equality).</summary>
    private string OneOf(IReadOnlyList<string> jsonValues)
    {
        var strings = new List<string>();
        var others = new List<string>();
        foreach (string v in jsonValues)
        {
            if (v.Length > 0 && v[0] == '"') strings.Add(CSharp.Literal(v));
            else others.Add(CSharp.Literal(v));
        }
        var parts = new List<string>();
        if (jsonValues.Count == 0) return "false";
        if (strings.Count > 0)
        {
            string field = Field("readonly byte[][]", V + ".JsonEquality.Utf8Strings(new string[] { " + string.Join(", ", strings) + " })");
            parts.Add("(" + Is("String") + " && " + V + ".JsonEquality.IsOneOfStrings(e, " + field + "))");
        }
        if (others.Count > 0)
        {
            string field = Field("readonly " + Json + ".JsonElement[]", V + ".JsonEquality.ParseAll(new string[] { " + string.Join(", ", others) + " })");
            parts.Add(V + ".JsonEquality.IsOneOf(e, " + field + ")");
        }
        return "(" + string.Join(" || ", parts) + ")";
    }

    private static string Compare(CheckSpec check) => V + ".Numbers.Compare(e, " + DecimalArg(check.Args[0]) + ", " + check.Args[1] + ")";

    private static string DecimalArg(string literal) => literal.Length == 0 ? "null" : literal;

    private static string Shorten(string text) => text.Length <= 200 ? text : text.Substring(0, 200) + "...";
}
