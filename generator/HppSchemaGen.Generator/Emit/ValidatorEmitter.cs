using System.Collections.Generic;
using System.Globalization;
using HppSchemaGen.Generator.Model;

namespace HppSchemaGen.Generator.Emit;

/// <summary>
/// Emits a document's validators: one straight-line method per schema node. Each method runs in
/// two modes: with no collector it returns false at the first failure and allocates nothing; with
/// a collector it records every error with its instance and keyword location.
/// </summary>
internal sealed class ValidatorEmitter
{
    private const string Json = "global::System.Text.Json";
    private const string Kind = "global::System.Text.Json.JsonValueKind";
    private const string V = "global::HppSchemaGen.Validation";
    private const string Params = "(" + Json + ".JsonElement e, " + V + ".ValidationCollector? c, string ip, string kp)";

    private readonly SourceWriter _w = new();
    private string _localPrefix = string.Empty;
    private readonly List<string> _fields = new();
    private int _fieldCount;

    public static string Emit(ValidatorClassSpec spec) => new ValidatorEmitter().Run(spec);

    private string Run(ValidatorClassSpec spec)
    {
        _localPrefix = "global::" + spec.Namespace + "." + spec.OwnerName + ".__Schema.";
        _w.Header();
        _w.Open("namespace " + spec.Namespace);
        _w.Open(spec.OwnerDeclaration + " " + spec.OwnerName);
        _w.Line("/// <summary>Validators of the schema document " + DocComments.EscapeInline(spec.DocumentId) + ", one per schema node.</summary>");
        _w.Line("[global::System.ComponentModel.EditorBrowsable(global::System.ComponentModel.EditorBrowsableState.Never)]");
        _w.Line("[global::System.CodeDom.Compiler.GeneratedCode(\"HppSchemaGen\", \"" + ThisAssembly.Version + "\")]");
        _w.Open("internal static class __Schema");
        foreach (ValidatorNodeSpec node in spec.Nodes) EmitNode(node);
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

    private void EmitNode(ValidatorNodeSpec node)
    {
        SourceWriter w = _w;
        w.Line("/// <summary>Schema at <c>" + DocComments.EscapeInline(node.Pointer.Length == 0 ? "#" : node.Pointer) + "</c>.</summary>");
        w.Open("internal static bool " + node.MethodName + Params);
        if (node.BooleanSchema is bool b)
        {
            if (b) w.Line("return true;");
            else
            {
                w.Line("c?.Add(ip, kp, \"No value is valid here (false schema).\");");
                w.Line("return false;");
            }
            w.Close();
            w.Line();
            return;
        }
        w.Line("bool ok = true;");
        foreach (CheckSpec check in node.Checks) EmitCheck(w, check);
        w.Line("return ok;");
        w.Close();
        w.Line();
    }

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

    private string Sub(string target, string element, string instance, string keyword)
        => Local(target) + "(" + element + ", c, " + instance + ", " + V + ".ValidationCollector.Keyword(c, kp, " + Kw(keyword) + "))";

    private static string Is(string kind) => "e.ValueKind == " + Kind + "." + kind;

    private void EmitCheck(SourceWriter w, CheckSpec check)
    {
        string kw = check.Keyword;
        switch (check.Kind)
        {
            case CheckKind.Ref:
                SubFail(w, Sub(check.Targets[0], "e", "ip", kw));
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
            {
                string values = string.Join(", ", check.Args);
                Fail(w, "!" + OneOf(check.Args), kw, CSharp.Literal("Value must be one of " + Shorten(values) + "."));
                break;
            }
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
                SubFail(w, Sub(check.Targets[0], "e", "ip", kw));
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
                if (check.Args[0] == "0") SubFail(w, call);
                else
                {
                    w.Open("if (i >= " + check.Args[0] + ")");
                    SubFail(w, call);
                    w.Close();
                }
                w.Line("i++;");
                w.Close();
                w.Close();
                break;
            case CheckKind.PrefixItem:
                w.Open("if (" + Is("Array") + " && e.GetArrayLength() > " + check.Args[0] + ")");
                SubFail(w, Sub(check.Targets[0], "e[" + check.Args[0] + "]", V + ".ValidationCollector.Item(c, ip, " + check.Args[0] + ")", kw));
                w.Close();
                break;
            case CheckKind.Contains:
                w.Open("if (" + Is("Array") + ")");
                w.Line("long matches = 0;");
                w.Open("foreach (" + Json + ".JsonElement item in e.EnumerateArray())");
                w.Line("if (" + Local(check.Targets[0]) + "(item, null, ip, kp)) matches++;");
                w.Close();
                Fail(w, "matches < " + check.Args[0], kw, CSharp.Literal("Array has fewer than " + check.Args[0] + " items matching 'contains'."));
                if (check.Args[1].Length > 0) Fail(w, "matches > " + check.Args[1], kw, CSharp.Literal("Array has more than " + check.Args[1] + " items matching 'contains'."));
                w.Close();
                break;
            case CheckKind.AllOf:
                for (int i = 0; i < check.Targets.Count; i++)
                {
                    if (check.Targets[i].Length > 0) SubFail(w, Sub(check.Targets[i], "e", "ip", kw + "/" + i.ToString(CultureInfo.InvariantCulture)));
                }
                break;
            case CheckKind.AnyOf:
                w.Block();
                w.Line("bool any = false;");
                foreach (string t in check.Targets)
                    w.Line(t.Length == 0 ? "any = true;" : "if (!any) any = " + Local(t) + "(e, null, ip, kp);");
                Fail(w, "!any", kw, CSharp.Literal("Value does not match any schema of anyOf."));
                w.Close();
                break;
            case CheckKind.OneOf:
                w.Block();
                w.Line("int matched = 0;");
                foreach (string t in check.Targets)
                    w.Line(t.Length == 0 ? "matched++;" : "if (" + Local(t) + "(e, null, ip, kp)) matched++;");
                Fail(w, "matched != 1", kw, "matched == 0 ? \"Value does not match any schema of oneOf.\" : \"Value matches more than one schema of oneOf.\"");
                w.Close();
                break;
            case CheckKind.Not:
                Fail(w, Local(check.Targets[0]) + "(e, null, ip, kp)", kw, CSharp.Literal("Value must not match the schema in 'not'."));
                break;
            case CheckKind.IfThenElse:
                w.Open("if (" + Local(check.Targets[0]) + "(e, null, ip, kp))");
                if (check.Targets[1].Length > 0) SubFail(w, Sub(check.Targets[1], "e", "ip", "/then"));
                w.Close();
                if (check.Targets[2].Length > 0)
                {
                    w.Open("else");
                    SubFail(w, Sub(check.Targets[2], "e", "ip", "/else"));
                    w.Close();
                }
                break;
        }
    }

    private void EmitMembers(SourceWriter w, CheckSpec check)
    {
        bool hasAdditional = false, hasPatterns = false;
        foreach (string a in check.Args)
        {
            hasAdditional |= a == "a";
            hasPatterns |= a[0] == 'r';
        }
        w.Open("if (" + Is("Object") + ")");
        w.Open("foreach (" + Json + ".JsonProperty m in e.EnumerateObject())");
        if (hasAdditional) w.Line("bool known = false;");
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
                SubFail(w, Sub(target, "m.Value", member, "/properties/" + Escape(value)));
                // A member matches one name only; with no patterns to try, nothing else applies to it.
                if (!hasPatterns) w.Line("continue;");
                w.Close();
            }
            else if (arg[0] == 'r')
            {
                w.Open("if (" + V + ".Patterns.IsMatch(m.Name, " + Regex(value) + "))");
                if (hasAdditional) w.Line("known = true;");
                SubFail(w, Sub(target, "m.Value", member, "/patternProperties/" + Escape(value)));
                w.Close();
            }
            else
            {
                w.Open("if (!known)");
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
            if (v.Length > 0 && v[0] == '"') strings.Add(v);
            else others.Add(v);
        }
        var parts = new List<string>();
        if (strings.Count > 0)
        {
            var items = new List<string>();
            foreach (string s in strings) items.Add(CSharp.Literal(s));
            string field = Field("readonly byte[][]", V + ".JsonEquality.Utf8Strings(new string[] { " + string.Join(", ", items) + " })");
            parts.Add("(" + Is("String") + " && " + V + ".JsonEquality.IsOneOfStrings(e, " + field + "))");
        }
        if (others.Count > 0)
        {
            var items = new List<string>();
            foreach (string s in others) items.Add(CSharp.Literal(s));
            string field = Field("readonly " + Json + ".JsonElement[]", V + ".JsonEquality.ParseAll(new string[] { " + string.Join(", ", items) + " })");
            parts.Add(V + ".JsonEquality.IsOneOf(e, " + field + ")");
        }
        return "(" + string.Join(" || ", parts) + ")";
    }

    private static string Compare(CheckSpec check) => V + ".Numbers.Compare(e, " + DecimalArg(check.Args[0]) + ", " + check.Args[1] + ")";

    private static string DecimalArg(string literal) => literal.Length == 0 ? "null" : literal;

    private static string Shorten(string text) => text.Length <= 200 ? text : text.Substring(0, 200) + "...";
}
