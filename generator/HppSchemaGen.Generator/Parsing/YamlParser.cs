using System;
using System.Collections.Generic;
using System.Globalization;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Text;

namespace HppSchemaGen.Generator.Parsing;

/// <summary>
/// A small YAML 1.2 reader that builds the same <see cref="JsonNode"/> tree as <see cref="JsonParser"/>,
/// with every node's offset in the YAML text, so diagnostics land on the YAML line and column.
/// It is our own (no YAML library) for the reason the JSON reader is: analyzers share one IDE host,
/// and a bundled YAML library can clash with another analyzer's copy of it.
/// <para>
/// Supported: the JSON-compatible core schema (null, booleans, decimal/octal/hex integers, floats;
/// quoted scalars stay strings), block mappings and sequences (including indentless sequences and
/// compact nested collections), flow <c>{}</c>/<c>[]</c>, plain, single- and double-quoted scalars
/// (all escapes), literal <c>|</c> and folded <c>&gt;</c> block scalars with chomping and indentation
/// indicators, comments, anchors and aliases (expanded into copies), merge keys <c>&lt;&lt;</c>,
/// explicit <c>?</c> keys with scalar keys, the standard tags, directives, <c>---</c>/<c>...</c>.
/// </para>
/// <para>
/// Limits, each a located error instead of a crash: nesting deeper than <see cref="MaxDepth"/>
/// (the same as JSON); aliases expanding to more than <see cref="MaxAliasNodes"/> nodes in total
/// (billion laughs); an alias inside the node it names; tabs as indentation; control characters;
/// more than one document. Recursion is bounded by the depth limit. Everything else is linear in
/// the size of the text.
/// </para>
/// </summary>
internal sealed class YamlParser
{
    public const int MaxDepth = JsonParser.MaxDepth;

    /// <summary>Nodes that alias expansion may add to a document, in total.</summary>
    public const long MaxAliasNodes = 1_000_000;

    private const int MaxRadixDigits = 32;

    private readonly string _text;
    private readonly int _length;
    private int _pos;
    private int _depth;
    private int _maxReached;
    private long _nodeCount;
    private long _aliasNodes;
    private readonly Dictionary<string, Anchor?> _anchors = new(StringComparer.Ordinal);
    private readonly List<(string Name, int Offset)> _duplicates = new();
    private readonly List<(string Message, int Offset)> _warnings = new();

    private YamlParser(string text)
    {
        _text = text;
        _length = text.Length;
    }

    private sealed record Anchor(JsonNode Node, long Size, int Height);

    private enum Context
    {
        Document,
        MapValue,
        SeqEntry,
        ExplicitKey,
    }

    private struct Properties
    {
        public int Start;
        public string? Anchor;
        public string? Tag;
        public int TagStart;

        public bool Any => Anchor is not null || Tag is not null;
    }

    public static JsonParseResult Parse(string text)
    {
        var parser = new YamlParser(text);
        try
        {
            JsonNode root = parser.ParseStream();
            return new JsonParseResult(root, null, 0, parser._duplicates, parser._warnings);
        }
        catch (YamlException e)
        {
            return new JsonParseResult(null, e.Message, e.Offset, parser._duplicates, parser._warnings);
        }
        catch (InsufficientExecutionStackException)
        {
            return new JsonParseResult(null, "The document nests too deeply for the reader's stack", parser._pos, parser._duplicates, parser._warnings);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A bug of ours must stay a located diagnostic, never an exception in the compiler.
            return new JsonParseResult(null, "The YAML reader failed here (" + e.GetType().Name + ": " + e.Message + ")", parser._pos, parser._duplicates, parser._warnings);
        }
    }

    // ------------------------------------------------------------------ stream and document

    private JsonNode ParseStream()
    {
        CheckCharacters();
        if (_length > 0 && _text[0] == '\uFEFF') _pos = 1;
        int col;
        while (true)
        {
            col = SkipToContent();
            if (col == 0 && At(_pos) == '%')
            {
                SkipToLineEnd(); // %YAML / %TAG directives: nothing here depends on them
                continue;
            }
            break;
        }
        if (col >= 0 && IsDocumentMarker(_pos, '-')) _pos += 3;
        JsonNode root = ParseNode(-1, Context.Document);
        col = SkipToContent();
        if (col >= 0 && IsDocumentMarker(_pos, '.'))
        {
            _pos += 3;
            col = SkipToContent();
        }
        if (col >= 0)
        {
            if (IsDocumentMarker(_pos, '-')) throw Error("A second YAML document; only one document per file is supported", _pos);
            throw Error("Unexpected text; check the indentation of this line", _pos);
        }
        return root;
    }

    private void CheckCharacters()
    {
        for (int i = 0; i < _length; i++)
        {
            char c = _text[i];
            if (c < ' ' && c != '\t' && c != '\n' && c != '\r')
                throw Error("Control character U+" + ((int)c).ToString("X4", CultureInfo.InvariantCulture) + " is not allowed in YAML; escape it in a double-quoted string", i);
            if (c is '\uFFFE' or '\uFFFF') throw Error("Character U+" + ((int)c).ToString("X4", CultureInfo.InvariantCulture) + " is not allowed in YAML", i);
        }
    }

    // ------------------------------------------------------------------ block nodes

    /// <summary>
    /// The node after an indicator (document start, <c>key:</c>, <c>- </c>): on the same line, on the
    /// lines below when they are indented more than <paramref name="parentIndent"/>, or empty (null).
    /// </summary>
    private JsonNode ParseNode(int parentIndent, Context context)
    {
        int emptyAt = _pos;
        bool sameLine = SkipInlineSpaceAndComment();
        int col;
        if (!sameLine)
        {
            col = SkipToContent();
            if (!Belongs(col, parentIndent, context))
            {
                RewindToLineStart();
                return Empty(emptyAt, default);
            }
        }
        else col = Column(_pos);

        var props = default(Properties);
        bool propsOnContentLine = false;
        if (At(_pos) is '&' or '!')
        {
            props = ReadProperties(flow: false);
            if (SkipInlineSpaceAndComment())
            {
                propsOnContentLine = true;
                col = Column(_pos);
            }
            else
            {
                int next = SkipToContent();
                if (!Belongs(next, parentIndent, context))
                {
                    RewindToLineStart();
                    return Complete(Empty(props.Start, props), props, 0, 0);
                }
                col = next;
                sameLine = false;
            }
        }

        if (props.Anchor is not null) _anchors[props.Anchor] = null; // pending: an alias to it now would recurse
        long countBefore = _nodeCount;
        int savedMax = _maxReached;
        _maxReached = _depth;
        JsonNode node = ParseContent(parentIndent, context, col, sameLine, ref props, propsOnContentLine);
        int height = _maxReached - _depth;
        _maxReached = Math.Max(savedMax, _maxReached);
        return Complete(node, props, _nodeCount - countBefore, height);
    }

    private bool Belongs(int col, int parentIndent, Context context)
    {
        if (col < 0 || (col == 0 && (IsDocumentMarker(_pos, '-') || IsDocumentMarker(_pos, '.')))) return false;
        if (col > parentIndent) return true;
        // An indentless sequence: "key:" followed by "- item" lines at the key's own indentation.
        return context == Context.MapValue && col == parentIndent && At(_pos) == '-' && IsBlankOrEnd(_pos + 1);
    }

    private JsonNode ParseContent(int parentIndent, Context context, int col, bool sameLine, ref Properties props, bool propsOnContentLine)
    {
        int start = _pos;
        char c = At(_pos);
        bool inlineAfterKey = sameLine && context == Context.MapValue;
        switch (c)
        {
            case '-' when IsBlankOrEnd(_pos + 1):
                if (inlineAfterKey) throw Error("A block sequence cannot start on the line of its key; put '- ' on the next line", start);
                return ParseBlockSequence(col);
            case '?' when IsBlankOrEnd(_pos + 1):
                if (inlineAfterKey) throw Error("A mapping cannot start on the line of its key", start);
                return ParseBlockMapping(col, start);
            case '|':
            case '>':
                return ParseBlockScalar(parentIndent, props.Tag);
            case '[':
            case '{':
            {
                JsonNode flow = ParseFlowCollection();
                int save = _pos;
                SkipInlineWhite();
                if (At(_pos) == ':' && IsBlankOrEnd(_pos + 1)) throw Error("A collection as a mapping key is not supported", start);
                _pos = save;
                return flow;
            }
            case '*':
            {
                JsonNode alias = ReadAlias(flow: false);
                if (IsImplicitKeyAhead())
                {
                    if (inlineAfterKey) throw Error("A mapping cannot start on the line of its key", start);
                    return ParseBlockMapping(col, propsOnContentLine ? TakeKeyProperties(ref props) : start);
                }
                return alias;
            }
            case '"':
            case '\'':
            {
                int end;
                string text = c == '"' ? ReadDoubleQuoted(out end) : ReadSingleQuoted(out end);
                if (IsImplicitKeyAhead(quoted: true))
                {
                    if (inlineAfterKey) throw Error("A mapping cannot start on the line of its key; put it on the next line, indented", start);
                    return ParseBlockMapping(col, propsOnContentLine ? TakeKeyProperties(ref props) : start);
                }
                return Scalar(text, plain: false, start, end, props.Tag, props.TagStart);
            }
            default:
            {
                CheckPlainStart(start, flow: false);
                (int s, int e) = ReadPlainLine(flow: false);
                if (IsImplicitKeyAhead())
                {
                    if (inlineAfterKey) throw Error("Mapping values are not allowed here: a mapping cannot start on the line of its key (quote the value if it contains ': ')", _pos);
                    return ParseBlockMapping(col, propsOnContentLine ? TakeKeyProperties(ref props) : start);
                }
                string text = ReadPlainContinuation(parentIndent, s, e, out int end);
                return Scalar(text, plain: true, start, end, props.Tag, props.TagStart);
            }
        }
    }

    /// <summary>Properties written on the line of a mapping's first key belong to that key: hand them over.</summary>
    private int TakeKeyProperties(ref Properties props)
    {
        int at = props.Start;
        if (props.Anchor is not null) _anchors.Remove(props.Anchor);
        props = default;
        return at;
    }

    /// <summary>After a key candidate: optional spaces, then ':' followed by a blank (any ':' after a quoted key).</summary>
    private bool IsImplicitKeyAhead(bool quoted = false)
    {
        int p = _pos;
        while (IsWhite(At(p))) p++;
        if (At(p) != ':') return false;
        return quoted || IsBlankOrEnd(p + 1);
    }

    private JsonNode ParseBlockSequence(int indent)
    {
        int start = _pos;
        Enter(start);
        JsonNode node = NewNode(JsonKind.Array, start);
        var items = new List<JsonNode>();
        while (true)
        {
            _pos++; // '-'
            JsonNode item = ParseNode(indent, Context.SeqEntry);
            items.Add(item);
            node.End = Math.Max(node.End, item.End);
            int col = SkipToContent();
            if (col < 0) break;
            if (col < indent || (col == 0 && (IsDocumentMarker(_pos, '-') || IsDocumentMarker(_pos, '.'))))
            {
                RewindToLineStart();
                break;
            }
            if (col == indent)
            {
                if (At(_pos) == '-' && IsBlankOrEnd(_pos + 1)) continue;
                RewindToLineStart();
                break;
            }
            throw Error("Unexpected indentation: a sequence entry must line up with the '-' before it", _pos);
        }
        node.Items = items.ToArray();
        if (node.End < start + 1) node.End = start + 1;
        Exit();
        return node;
    }

    private sealed class MappingBuilder
    {
        private const int LinearSearchLimit = 8;

        public readonly List<JsonMember> Members = new(4);
        private Dictionary<string, int>? _index;
        public List<(int Position, JsonNode Value)>? Merges;

        /// <summary>The position of a member by name (a dictionary only once the mapping is large: most are small).</summary>
        public int IndexOf(string name)
        {
            if (_index is not null) return _index.TryGetValue(name, out int i) ? i : -1;
            for (int i = 0; i < Members.Count; i++)
            {
                if (string.Equals(Members[i].Name, name, StringComparison.Ordinal)) return i;
            }
            return -1;
        }

        public void Add(JsonMember member)
        {
            Members.Add(member);
            if (_index is not null) _index[member.Name] = Members.Count - 1;
            else if (Members.Count > LinearSearchLimit)
            {
                _index = new Dictionary<string, int>(Members.Count * 2, StringComparer.Ordinal);
                for (int i = 0; i < Members.Count; i++) _index[Members[i].Name] = i;
            }
        }

        public IEnumerable<string> Names()
        {
            foreach (JsonMember m in Members) yield return m.Name;
        }
    }

    private JsonNode ParseBlockMapping(int indent, int keyStart)
    {
        _pos = keyStart;
        Enter(keyStart);
        JsonNode node = NewNode(JsonKind.Object, keyStart);
        var builder = new MappingBuilder();
        while (true)
        {
            int at = _pos;
            if (At(_pos) == '?' && IsBlankOrEnd(_pos + 1))
            {
                _pos++;
                JsonNode keyNode = ParseNode(indent, Context.ExplicitKey);
                string key = KeyText(keyNode, at);
                JsonNode value;
                int col = SkipToContent();
                if (col == indent && At(_pos) == ':' && IsBlankOrEnd(_pos + 1))
                {
                    _pos++;
                    value = ParseNode(indent, Context.MapValue);
                }
                else
                {
                    RewindToLineStart();
                    value = Empty(keyNode.End, default);
                }
                AddMember(builder, key, keyNode.Start, value, merge: false);
                node.End = Math.Max(node.End, value.End);
            }
            else
            {
                (string key, int nameStart, bool merge) = ReadBlockKey();
                SkipInlineWhite();
                if (At(_pos) != ':') throw Error("Expected ':' after the mapping key '" + Shorten(key) + "'", _pos);
                _pos++;
                JsonNode value = ParseNode(indent, Context.MapValue);
                AddMember(builder, key, nameStart, value, merge);
                node.End = Math.Max(node.End, value.End);
            }
            int next = SkipToContent();
            if (next < 0) break;
            if (next < indent || (next == 0 && (IsDocumentMarker(_pos, '-') || IsDocumentMarker(_pos, '.'))))
            {
                RewindToLineStart();
                break;
            }
            if (next > indent) throw Error("Unexpected indentation: a mapping key must line up with the keys before it (or the value belongs on the key's line)", _pos);
            if (At(_pos) == '-' && IsBlankOrEnd(_pos + 1)) throw Error("A sequence entry where a mapping key was expected; indent the '- ' under its key", _pos);
        }
        node.Members = Finish(builder);
        if (node.End < keyStart + 1) node.End = keyStart + 1;
        Exit();
        return node;
    }

    /// <summary>A key in a block mapping: a plain, quoted or aliased scalar on one line (optionally with properties).</summary>
    private (string Key, int Start, bool Merge) ReadBlockKey()
    {
        int start = _pos;
        Properties props = default;
        if (At(_pos) is '&' or '!')
        {
            props = ReadProperties(flow: false);
            SkipInlineWhite();
        }
        int keyAt = _pos;
        char c = At(_pos);
        JsonNode keyNode;
        bool merge = false;
        long countBefore = _nodeCount;
        if (props.Anchor is not null) _anchors[props.Anchor] = null;
        switch (c)
        {
            case '"':
            case '\'':
            {
                string text = c == '"' ? ReadDoubleQuoted(out int end) : ReadSingleQuoted(out end);
                keyNode = Scalar(text, plain: false, keyAt, end, props.Tag, props.TagStart);
                break;
            }
            case '*':
                keyNode = ReadAlias(flow: false);
                break;
            case '[':
            case '{':
                throw Error("A collection as a mapping key is not supported", keyAt);
            default:
            {
                if (IsBreak(c) || _pos >= _length || c == ':') throw Error("Expected a mapping key", keyAt);
                CheckPlainStart(keyAt, flow: false);
                (int s, int e) = ReadPlainLine(flow: false);
                string text = _text.Substring(s, e - s);
                merge = text == "<<" && props.Tag is null;
                keyNode = Scalar(text, plain: true, keyAt, e, props.Tag, props.TagStart);
                break;
            }
        }
        if (props.Anchor is not null) _anchors[props.Anchor] = new Anchor(keyNode, _nodeCount - countBefore, 0);
        return (PlainKeyText(keyNode) ?? KeyText(keyNode, start), keyAt, merge);
    }

    private string KeyText(JsonNode key, int at)
    {
        switch (key.Kind)
        {
            case JsonKind.String:
            case JsonKind.Number:
                return key.Text!;
            case JsonKind.True:
                return "true";
            case JsonKind.False:
                return "false";
            case JsonKind.Null:
                return key.Text ?? "null";
            default:
                throw Error("A collection as a mapping key is not supported", at);
        }
    }

    /// <summary>A plain scalar key is its text as written (<c>200</c>, <c>~</c>, <c>0x1F</c>), not its resolved value.</summary>
    private string? PlainKeyText(JsonNode key)
    {
        if (key.Kind is JsonKind.Object or JsonKind.Array || !IsPlainAt(key.Start) || key.End <= key.Start) return null;
        string raw = _text.Substring(key.Start, key.End - key.Start);
        return raw.IndexOf('\n') >= 0 || raw.IndexOf('\r') >= 0 ? null : raw;
    }

    private void AddMember(MappingBuilder b, string key, int nameStart, JsonNode value, bool merge)
    {
        if (merge)
        {
            if (value.Kind == JsonKind.Object || (value.Kind == JsonKind.Array && value.Items.Count > 0 && AllObjects(value.Items)))
            {
                (b.Merges ??= new List<(int, JsonNode)>()).Add((b.Members.Count, value));
                return;
            }
            throw Error("The value of a merge key '<<' must be a mapping, an alias of one, or a sequence of them", value.Start);
        }
        var member = new JsonMember(key, nameStart, value);
        int existing = b.IndexOf(key);
        if (existing >= 0)
        {
            // Last one wins, as for JSON; reported so nobody is surprised.
            _duplicates.Add((key, nameStart));
            b.Members[existing] = member;
            return;
        }
        b.Add(member);
    }

    private static bool AllObjects(IReadOnlyList<JsonNode> items)
    {
        foreach (JsonNode i in items)
        {
            if (i.Kind != JsonKind.Object) return false;
        }
        return true;
    }

    /// <summary>The members, with merged ones (<c>&lt;&lt;</c>) at the merge key's place unless the mapping names them itself.</summary>
    private static JsonMember[] Finish(MappingBuilder b)
    {
        if (b.Merges is null) return b.Members.ToArray();
        var result = new List<JsonMember>(b.Members.Count);
        var taken = new HashSet<string>(b.Names(), StringComparer.Ordinal);
        int next = 0;
        for (int i = 0; i <= b.Members.Count; i++)
        {
            while (next < b.Merges.Count && b.Merges[next].Position == i)
            {
                JsonNode value = b.Merges[next++].Value;
                IReadOnlyList<JsonNode> sources = value.Kind == JsonKind.Object ? new[] { value } : value.Items;
                foreach (JsonNode source in sources)
                {
                    foreach (JsonMember m in source.Members)
                    {
                        if (taken.Add(m.Name)) result.Add(m);
                    }
                }
            }
            if (i < b.Members.Count) result.Add(b.Members[i]);
        }
        return result.ToArray();
    }

    // ------------------------------------------------------------------ block scalars

    private JsonNode ParseBlockScalar(int parentIndent, string? tag)
    {
        int start = _pos;
        bool folded = At(_pos) == '>';
        _pos++;
        int chomp = 0; // -1 strip, 0 clip, +1 keep
        int explicitIndent = 0;
        for (int k = 0; k < 2; k++)
        {
            char c = At(_pos);
            if ((c == '-' || c == '+') && chomp == 0)
            {
                chomp = c == '-' ? -1 : 1;
                _pos++;
            }
            else if (c >= '1' && c <= '9' && explicitIndent == 0)
            {
                explicitIndent = c - '0';
                _pos++;
            }
            else if (c == '0') throw Error("A block scalar's indentation indicator must be 1 to 9", _pos);
        }
        if (!IsBlankOrEnd(_pos)) throw Error("Unexpected text in a block scalar header (expected '|' or '>', then '+', '-' or 1-9)", _pos);
        SkipInlineWhite();
        if (At(_pos) == '#') SkipToLineEnd();
        if (_pos < _length && !IsBreak(At(_pos))) throw Error("Unexpected text after a block scalar header", _pos);
        SkipBreak();

        int baseIndent = Math.Max(parentIndent, 0);
        int contentIndent;
        if (explicitIndent > 0) contentIndent = parentIndent >= 0 ? parentIndent + explicitIndent : explicitIndent;
        else
        {
            // The first non-empty line sets the indentation.
            int p = _pos;
            int maxEmpty = 0;
            contentIndent = -1;
            while (p < _length)
            {
                int q = p;
                while (At(q) == ' ') q++;
                if (q >= _length) break;
                if (IsBreak(At(q)))
                {
                    maxEmpty = Math.Max(maxEmpty, q - p);
                    p = NextLine(q);
                    continue;
                }
                contentIndent = q - p;
                if (maxEmpty > contentIndent && contentIndent > parentIndent)
                    throw Error("A leading empty line of the block scalar has more spaces than its first line", p);
                break;
            }
            if (contentIndent <= parentIndent || (parentIndent < 0 && contentIndent < 0)) contentIndent = Math.Max(baseIndent, parentIndent + 1);
        }

        var lines = new List<string>();
        bool lastHadBreak = false;
        int end = _pos;
        while (_pos < _length)
        {
            if (Column(_pos) == 0 && (IsDocumentMarker(_pos, '-') || IsDocumentMarker(_pos, '.'))) break;
            int k = 0;
            while (k < contentIndent && At(_pos + k) == ' ') k++;
            int p = _pos + k;
            if (k < contentIndent)
            {
                int q = p;
                while (At(q) == ' ') q++;
                if (q >= _length || IsBreak(At(q)))
                {
                    lines.Add(string.Empty);
                    _pos = q;
                    lastHadBreak = q < _length;
                    SkipBreak();
                    continue;
                }
                break; // less indented content: the scalar ends, the line belongs to the parent
            }
            int e = p;
            while (e < _length && !IsBreak(_text[e])) e++;
            lines.Add(_text.Substring(p, e - p));
            end = e;
            _pos = e;
            lastHadBreak = e < _length;
            SkipBreak();
        }

        int lastContent = lines.Count - 1;
        while (lastContent >= 0 && lines[lastContent].Length == 0) lastContent--;
        var sb = new StringBuilder();
        if (lastContent >= 0)
        {
            if (folded) Fold(lines, lastContent, sb);
            else
            {
                for (int i = 0; i <= lastContent; i++)
                {
                    if (i > 0) sb.Append('\n');
                    sb.Append(lines[i]);
                }
            }
            bool breakAfterLast = lastContent < lines.Count - 1 || lastHadBreak;
            if (chomp >= 0 && breakAfterLast) sb.Append('\n');
            if (chomp > 0) sb.Append('\n', lines.Count - 1 - lastContent);
        }
        else if (chomp > 0) sb.Append('\n', lines.Count);

        // The scalar ended at a line start (or the end): the convention every block node keeps.
        JsonNode node = NewNode(JsonKind.String, start);
        node.Text = sb.ToString();
        node.End = Math.Max(end, start + 1);
        if (tag is not null && !IsStringTag(tag)) ApplyScalarTag(node, tag, start, plain: false);
        return node;
    }

    /// <summary>Folding of a '&gt;' scalar: single breaks between text lines become spaces; empty lines and more-indented lines keep their breaks.</summary>
    private static void Fold(List<string> lines, int lastContent, StringBuilder sb)
    {
        bool first = true;
        bool previousMore = false;
        int empties = 0;
        for (int i = 0; i <= lastContent; i++)
        {
            string line = lines[i];
            if (line.Length == 0)
            {
                empties++;
                continue;
            }
            bool more = line[0] == ' ' || line[0] == '\t';
            if (first) sb.Append('\n', empties);
            else if (!previousMore && !more) sb.Append(empties == 0 ? " " : new string('\n', empties));
            else sb.Append('\n', empties + 1);
            sb.Append(line);
            first = false;
            empties = 0;
            previousMore = more;
        }
    }

    // ------------------------------------------------------------------ flow collections

    private JsonNode ParseFlowCollection()
    {
        int start = _pos;
        char open = At(_pos);
        char close = open == '[' ? ']' : '}';
        Enter(start);
        _pos++;
        JsonNode node = NewNode(open == '[' ? JsonKind.Array : JsonKind.Object, start);
        var items = open == '[' ? new List<JsonNode>() : null;
        var builder = open == '{' ? new MappingBuilder() : null;
        while (true)
        {
            SkipFlowSpace();
            if (_pos >= _length) throw Error("Unterminated flow " + (open == '[' ? "sequence: expected ']'" : "mapping: expected '}'"), start);
            if (At(_pos) == close)
            {
                _pos++;
                break;
            }
            int entryStart = _pos;
            bool explicitKey = false;
            if (At(_pos) == '?' && IsBlankOrFlowEnd(_pos + 1))
            {
                explicitKey = true;
                _pos++;
            }
            bool adjacentValueAllowed = At(SkipFlowSpacePeek()) is '"' or '\'' or '[' or '{';
            JsonNode first = ParseFlowNode();
            SkipFlowSpace();
            bool hasValue = false;
            JsonNode? value = null;
            if (At(_pos) == ':' && (IsBlankOrFlowEnd(_pos + 1) || adjacentValueAllowed))
            {
                hasValue = true;
                _pos++;
                SkipFlowSpace();
                value = At(_pos) is ',' || At(_pos) == close ? Empty(_pos, default) : ParseFlowNode();
                SkipFlowSpace();
            }
            if (builder is not null)
            {
                string key = PlainKeyText(first) ?? KeyText(first, entryStart);
                AddMember(builder, key, first.Start, value ?? Empty(first.End, default), merge: key == "<<" && first.Kind == JsonKind.String && IsPlainAt(first.Start));
            }
            else if (hasValue || explicitKey)
            {
                // A single-pair mapping inside a flow sequence: [a: 1] is [{a: 1}].
                Enter(entryStart);
                JsonNode pair = NewNode(JsonKind.Object, entryStart);
                pair.Members = new[] { new JsonMember(PlainKeyText(first) ?? KeyText(first, entryStart), first.Start, value ?? Empty(first.End, default)) };
                pair.End = (value ?? first).End;
                Exit();
                items!.Add(pair);
            }
            else items!.Add(first);
            if (At(_pos) == ',')
            {
                _pos++;
                continue;
            }
            if (At(_pos) == close)
            {
                _pos++;
                break;
            }
            if (_pos >= _length) throw Error("Unterminated flow " + (open == '[' ? "sequence: expected ']'" : "mapping: expected '}'"), start);
            throw Error("Expected ',' or '" + close + "' in a flow " + (open == '[' ? "sequence" : "mapping"), _pos);
        }
        if (items is not null) node.Items = items.ToArray();
        else node.Members = Finish(builder!);
        node.End = _pos;
        Exit();
        return node;
    }

    private bool IsPlainAt(int offset) => offset < _length && _text[offset] is not ('"' or '\'' or '*' or '&' or '!');

    private JsonNode ParseFlowNode()
    {
        SkipFlowSpace();
        int emptyAt = _pos;
        var props = default(Properties);
        if (At(_pos) is '&' or '!')
        {
            props = ReadProperties(flow: true);
            SkipFlowSpace();
        }
        if (props.Anchor is not null) _anchors[props.Anchor] = null;
        long countBefore = _nodeCount;
        int savedMax = _maxReached;
        _maxReached = _depth;
        JsonNode node;
        int start = _pos;
        char c = At(_pos);
        switch (c)
        {
            case '[':
            case '{':
                node = ParseFlowCollection();
                break;
            case '*':
                node = ReadAlias(flow: true);
                break;
            case '"':
            case '\'':
            {
                string text = c == '"' ? ReadDoubleQuoted(out int end) : ReadSingleQuoted(out end);
                node = Scalar(text, plain: false, start, end, props.Tag, props.TagStart);
                break;
            }
            case ',':
            case ']':
            case '}':
            case ':':
                node = Empty(props.Any ? props.Start : emptyAt, props);
                break;
            default:
            {
                if (_pos >= _length) throw Error("Unexpected end of the document inside a flow collection", _pos);
                CheckPlainStart(start, flow: true);
                string text = ReadFlowPlain(out int end);
                node = Scalar(text, plain: true, start, end, props.Tag, props.TagStart);
                break;
            }
        }
        int height = _maxReached - _depth;
        _maxReached = Math.Max(savedMax, _maxReached);
        return Complete(node, props, _nodeCount - countBefore, height);
    }

    private string ReadFlowPlain(out int end)
    {
        (int s, int e) = ReadPlainLine(flow: true);
        end = e;
        StringBuilder? sb = null;
        while (true)
        {
            int p = _pos;
            while (IsWhite(At(p))) p++;
            if (!IsBreak(At(p))) break;
            int empties = 0;
            int q = p;
            while (true)
            {
                q = NextLine(q);
                while (IsWhite(At(q))) q++;
                if (IsBreak(At(q)))
                {
                    empties++;
                    continue;
                }
                break;
            }
            char c = At(q);
            if (q >= _length || c is ',' or '[' or ']' or '{' or '}' or '#' || (c == ':' && IsBlankOrFlowEnd(q + 1))) break;
            _pos = q;
            (int s2, int e2) = ReadPlainLine(flow: true);
            if (e2 == s2) break;
            sb ??= new StringBuilder().Append(_text, s, e - s);
            sb.Append(empties == 0 ? " " : new string('\n', empties)).Append(_text, s2, e2 - s2);
            end = e2;
        }
        return sb?.ToString() ?? _text.Substring(s, e - s);
    }

    // ------------------------------------------------------------------ scalars

    private void CheckPlainStart(int at, bool flow)
    {
        char c = At(at);
        switch (c)
        {
            case '-':
            case '?':
            case ':':
                if (IsBlankOrEnd(at + 1) || (flow && IsFlowIndicator(At(at + 1))))
                    throw Error(c == '-' ? "A block sequence entry is not allowed here" : "Unexpected '" + c + "'", at);
                return;
            case ',':
            case '[':
            case ']':
            case '{':
            case '}':
            case '#':
            case '|':
            case '>':
            case '%':
            case '@':
            case '`':
            case '&':
            case '*':
            case '!':
                throw Error(c is '@' or '`' ? "'" + c + "' is reserved in YAML and cannot start a plain scalar; quote the value" : "Unexpected '" + c + "'", at);
        }
    }

    /// <summary>One line of a plain scalar: up to ': ', ' #', the line end (and flow indicators in flow context). Trailing spaces excluded.</summary>
    private (int Start, int End) ReadPlainLine(bool flow)
    {
        int s = _pos;
        int lastNonWhite = _pos;
        int p = _pos;
        while (p < _length)
        {
            char c = _text[p];
            if (c == '\n' || c == '\r') break;
            if (c == ':' && (IsBlankOrEnd(p + 1) || (flow && IsFlowIndicator(At(p + 1))))) break;
            if (c == '#' && p > s && IsWhite(_text[p - 1])) break;
            if (flow && IsFlowIndicator(c)) break;
            p++;
            if (c != ' ' && c != '\t') lastNonWhite = p;
        }
        _pos = lastNonWhite;
        return (s, lastNonWhite);
    }

    /// <summary>A plain scalar in block context continues on following lines indented more than its parent; breaks fold to spaces.</summary>
    private string ReadPlainContinuation(int parentIndent, int s, int e, out int end)
    {
        end = e;
        StringBuilder? sb = null;
        while (true)
        {
            int p = _pos;
            while (IsWhite(At(p))) p++;
            if (!IsBreak(At(p))) break; // end of text, a comment, or ': ' (handled by the caller)
            int empties = 0;
            int contentAt = -1;
            int q = p;
            while (true)
            {
                q = NextLine(q);
                if (q >= _length) break;
                int lineStart = q;
                while (At(q) == ' ') q++;
                int spaces = q - lineStart;
                while (IsWhite(At(q))) q++;
                if (q >= _length) break;
                if (IsBreak(At(q)))
                {
                    empties++;
                    continue;
                }
                if (At(q) == '#' || spaces <= parentIndent) break;
                if (spaces == 0 && (IsDocumentMarker(lineStart, '-') || IsDocumentMarker(lineStart, '.'))) break;
                contentAt = q;
                break;
            }
            if (contentAt < 0) break;
            _pos = contentAt;
            (int s2, int e2) = ReadPlainLine(flow: false);
            if (IsImplicitKeyAhead())
                throw Error("Unexpected indentation: this line would continue the plain scalar above, but holds a key; line it up with the keys before it (or quote the value)", s2);
            if (e2 == s2) break;
            sb ??= new StringBuilder().Append(_text, s, e - s);
            sb.Append(empties == 0 ? " " : new string('\n', empties)).Append(_text, s2, e2 - s2);
            end = e2;
        }
        return sb?.ToString() ?? _text.Substring(s, e - s);
    }

    private string ReadDoubleQuoted(out int end)
    {
        int start = _pos;
        _pos++;
        var sb = new StringBuilder();
        while (true)
        {
            if (_pos >= _length) throw Error("Unterminated double-quoted string", start);
            int run = _pos;
            while (_pos < _length && _text[_pos] is not ('"' or '\\' or ' ' or '\t' or '\n' or '\r')) _pos++;
            if (_pos > run) sb.Append(_text, run, _pos - run);
            if (_pos >= _length) continue;
            char c = _text[_pos];
            if (c == '"')
            {
                _pos++;
                break;
            }
            if (c == ' ' || c == '\t')
            {
                int w = _pos;
                while (IsWhite(At(_pos))) _pos++;
                if (!IsBreak(At(_pos))) sb.Append(_text, w, _pos - w); // trailing white before a break is not content
                continue;
            }
            if (c == '\\')
            {
                char e = At(_pos + 1);
                if (IsBreak(e))
                {
                    // An escaped line break joins the lines without a space.
                    _pos = NextLine(_pos + 1);
                    FoldQuotedBreaks(sb, start, escaped: true);
                    continue;
                }
                ReadEscape(sb);
                continue;
            }
            // A line break inside the quotes folds.
            _pos = NextLine(_pos);
            FoldQuotedBreaks(sb, start, escaped: false);
        }
        end = _pos;
        return sb.ToString();
    }

    /// <summary>After a break inside quotes: skip the next lines' leading white; empty lines become '\n', a single break a space.</summary>
    private void FoldQuotedBreaks(StringBuilder sb, int start, bool escaped)
    {
        int empties = 0;
        while (true)
        {
            if (_pos >= _length) throw Error("Unterminated quoted string", start);
            if (Column(_pos) == 0 && (IsDocumentMarker(_pos, '-') || IsDocumentMarker(_pos, '.'))) throw Error("Unterminated quoted string (a document marker inside it)", start);
            while (IsWhite(At(_pos))) _pos++;
            if (IsBreak(At(_pos)))
            {
                empties++;
                _pos = NextLine(_pos);
                continue;
            }
            break;
        }
        if (empties > 0) sb.Append('\n', empties);
        else if (!escaped) sb.Append(' ');
    }

    private void ReadEscape(StringBuilder sb)
    {
        int at = _pos;
        char e = At(_pos + 1);
        _pos += 2;
        switch (e)
        {
            case '0': sb.Append('\0'); return;
            case 'a': sb.Append('\a'); return;
            case 'b': sb.Append('\b'); return;
            case 't':
            case '\t': sb.Append('\t'); return;
            case 'n': sb.Append('\n'); return;
            case 'v': sb.Append('\v'); return;
            case 'f': sb.Append('\f'); return;
            case 'r': sb.Append('\r'); return;
            case 'e': sb.Append('\u001B'); return;
            case ' ': sb.Append(' '); return;
            case '"': sb.Append('"'); return;
            case '/': sb.Append('/'); return;
            case '\\': sb.Append('\\'); return;
            case 'N': sb.Append('\u0085'); return;
            case '_': sb.Append('\u00A0'); return;
            case 'L': sb.Append('\u2028'); return;
            case 'P': sb.Append('\u2029'); return;
            case 'x': AppendCodePoint(sb, 2, at); return;
            case 'u': AppendCodePoint(sb, 4, at); return;
            case 'U': AppendCodePoint(sb, 8, at); return;
            default:
                throw Error("Invalid escape sequence '\\" + Printable(e) + "' in a double-quoted string", at);
        }
    }

    private void AppendCodePoint(StringBuilder sb, int digits, int at)
    {
        if (_pos + digits > _length) throw Error("Invalid escape: " + digits + " hexadecimal digits expected", at);
        int value = 0;
        for (int i = 0; i < digits; i++)
        {
            int d = HexValue(_text[_pos + i]);
            if (d < 0) throw Error("Invalid escape: " + digits + " hexadecimal digits expected", at);
            if (value > 0x10FFFF) throw Error("Invalid escape: not a Unicode code point", at);
            value = value * 16 + d;
        }
        _pos += digits;
        if (value > 0x10FFFF) throw Error("Invalid escape: not a Unicode code point", at);
        if (value <= 0xFFFF) sb.Append((char)value); // a lone surrogate escape is kept, as JSON's \uD800 is
        else sb.Append(char.ConvertFromUtf32(value));
    }

    private static int HexValue(char c)
        => c is >= '0' and <= '9' ? c - '0' : c is >= 'a' and <= 'f' ? c - 'a' + 10 : c is >= 'A' and <= 'F' ? c - 'A' + 10 : -1;

    private string ReadSingleQuoted(out int end)
    {
        int start = _pos;
        _pos++;
        var sb = new StringBuilder();
        while (true)
        {
            if (_pos >= _length) throw Error("Unterminated single-quoted string", start);
            int run = _pos;
            while (_pos < _length && _text[_pos] is not ('\'' or ' ' or '\t' or '\n' or '\r')) _pos++;
            if (_pos > run) sb.Append(_text, run, _pos - run);
            if (_pos >= _length) continue;
            char c = _text[_pos];
            if (c == '\'')
            {
                if (At(_pos + 1) == '\'')
                {
                    sb.Append('\'');
                    _pos += 2;
                    continue;
                }
                _pos++;
                break;
            }
            if (c == ' ' || c == '\t')
            {
                int w = _pos;
                while (IsWhite(At(_pos))) _pos++;
                if (!IsBreak(At(_pos))) sb.Append(_text, w, _pos - w);
                continue;
            }
            _pos = NextLine(_pos);
            FoldQuotedBreaks(sb, start, escaped: false);
        }
        end = _pos;
        return sb.ToString();
    }

    /// <summary>A scalar node: quoted and block scalars are strings; plain ones resolve by the core schema; tags override.</summary>
    private JsonNode Scalar(string text, bool plain, int start, int end, string? tag, int tagStart)
    {
        JsonNode node;
        if (tag is not null && IsStringTag(tag))
        {
            node = NewNode(JsonKind.String, start);
            node.Text = text;
        }
        else if (plain) node = Resolve(text, start);
        else
        {
            node = NewNode(JsonKind.String, start);
            node.Text = text;
        }
        node.End = Math.Max(end, start + 1);
        if (tag is not null && !IsStringTag(tag)) node = ApplyScalarTag(node, tag, tagStart, plain);
        return node;
    }

    private static bool IsStringTag(string tag) => tag is "!" or "!!str" or "tag:yaml.org,2002:str";

    private JsonNode ApplyScalarTag(JsonNode node, string tag, int tagStart, bool plain)
    {
        string? want = tag switch
        {
            "!!int" or "tag:yaml.org,2002:int" => "int",
            "!!float" or "tag:yaml.org,2002:float" => "float",
            "!!bool" or "tag:yaml.org,2002:bool" => "bool",
            "!!null" or "tag:yaml.org,2002:null" => "null",
            _ => null,
        };
        if (want is null)
        {
            if (tag is not ("!!map" or "!!seq" or "tag:yaml.org,2002:map" or "tag:yaml.org,2002:seq"))
                _warnings.Add(("tag '" + tag + "' is not a JSON type; it is ignored", tagStart));
            return node;
        }
        JsonNode resolved = node.Kind == JsonKind.String && !plain ? Resolve(node.Text!, node.Start, countNode: false) : node;
        bool ok = want switch
        {
            "int" => resolved.Kind == JsonKind.Number && resolved.Text!.IndexOfAny(new[] { '.', 'e', 'E' }) < 0,
            "float" => resolved.Kind == JsonKind.Number,
            "bool" => resolved.IsBoolean,
            _ => resolved.Kind == JsonKind.Null,
        };
        if (!ok)
        {
            _warnings.Add(("the value does not match its tag '" + tag + "'; it is read without the tag", tagStart));
            return node;
        }
        resolved.End = node.End;
        return resolved;
    }

    /// <summary>The core schema's resolution of a plain scalar.</summary>
    private JsonNode Resolve(string text, int start, bool countNode = true)
    {
        JsonKind kind;
        string? value = text;
        switch (text)
        {
            case "":
            case "~":
            case "null":
            case "Null":
            case "NULL":
                kind = JsonKind.Null;
                value = null;
                break;
            case "true":
            case "True":
            case "TRUE":
                kind = JsonKind.True;
                value = null;
                break;
            case "false":
            case "False":
            case "FALSE":
                kind = JsonKind.False;
                value = null;
                break;
            default:
                if (text.Length > 0 && (char.IsDigit(text[0]) || text[0] is '-' or '+' or '.') && Number(text, start) is string json)
                {
                    kind = JsonKind.Number;
                    value = json;
                }
                else kind = JsonKind.String;
                break;
        }
        var node = countNode ? NewNode(kind, start) : new JsonNode(kind, start);
        node.Text = value;
        return node;
    }

    /// <summary>The JSON number text of a core-schema int or float, or null when the text is not one.</summary>
    private string? Number(string s, int start)
    {
        int i = 0;
        bool negative = false;
        if (s[0] is '-' or '+')
        {
            negative = s[0] == '-';
            i = 1;
        }
        if (i == 0 && s.Length > 2 && s[0] == '0' && (s[1] == 'o' || s[1] == 'x')) return Radix(s, start);
        string rest = s.Substring(i);
        if (rest is ".inf" or ".Inf" or ".INF" || (i == 0 && s is ".nan" or ".NaN" or ".NAN"))
        {
            _warnings.Add(("'" + s + "' (infinity or not-a-number) cannot be represented in JSON; it is read as a string", start));
            return null;
        }
        int p = i;
        int intStart = p;
        while (p < s.Length && char.IsDigit(s[p]) && s[p] < 128) p++;
        int intEnd = p;
        int fracStart = -1, fracEnd = -1;
        if (p < s.Length && s[p] == '.')
        {
            p++;
            fracStart = p;
            while (p < s.Length && s[p] is >= '0' and <= '9') p++;
            fracEnd = p;
        }
        if (intEnd == intStart && (fracStart < 0 || fracEnd == fracStart)) return null;
        int expStart = -1;
        if (p < s.Length && (s[p] == 'e' || s[p] == 'E'))
        {
            expStart = p;
            p++;
            if (p < s.Length && (s[p] == '+' || s[p] == '-')) p++;
            int digits = p;
            while (p < s.Length && s[p] is >= '0' and <= '9') p++;
            if (p == digits) return null;
        }
        if (p != s.Length) return null;
        var sb = new StringBuilder(s.Length + 2);
        if (negative) sb.Append('-');
        int firstDigit = intStart;
        while (firstDigit < intEnd - 1 && s[firstDigit] == '0') firstDigit++;
        if (intEnd == intStart) sb.Append('0');
        else sb.Append(s, firstDigit, intEnd - firstDigit);
        if (fracStart >= 0)
        {
            sb.Append('.');
            if (fracEnd == fracStart) sb.Append('0');
            else sb.Append(s, fracStart, fracEnd - fracStart);
        }
        if (expStart >= 0) sb.Append(s, expStart, s.Length - expStart);
        return sb.ToString();
    }

    private string? Radix(string s, int start)
    {
        int radix = s[1] == 'o' ? 8 : 16;
        string digits = s.Substring(2);
        foreach (char c in digits)
        {
            int d = HexValue(c);
            if (d < 0 || d >= radix) return null;
        }
        if (digits.Length > MaxRadixDigits)
        {
            _warnings.Add(("the integer '" + Shorten(s) + "' has more than " + MaxRadixDigits + " digits; it is read as a string", start));
            return null;
        }
        BigInteger value = BigInteger.Zero;
        foreach (char c in digits) value = value * radix + HexValue(c);
        return value.ToString(CultureInfo.InvariantCulture);
    }

    // ------------------------------------------------------------------ anchors, aliases, properties

    private Properties ReadProperties(bool flow)
    {
        var props = new Properties { Start = _pos };
        for (int k = 0; k < 2; k++)
        {
            char c = At(_pos);
            if (c == '&' && props.Anchor is null)
            {
                int at = _pos;
                _pos++;
                props.Anchor = ReadAnchorName(at, flow);
            }
            else if (c == '!' && props.Tag is null)
            {
                props.TagStart = _pos;
                props.Tag = ReadTag(flow);
            }
            else break;
            int save = _pos;
            SkipInlineWhite();
            if (At(_pos) is not ('&' or '!')) _pos = save;
        }
        return props;
    }

    private string ReadAnchorName(int at, bool flow)
    {
        int s = _pos;
        while (_pos < _length && !IsBlankOrEnd(_pos) && !IsFlowIndicator(_text[_pos])) _pos++;
        if (_pos == s) throw Error("An anchor or alias needs a name", at);
        return _text.Substring(s, _pos - s);
    }

    private string ReadTag(bool flow)
    {
        int s = _pos;
        if (At(_pos + 1) == '<')
        {
            int close = _text.IndexOf('>', _pos + 2);
            if (close < 0) throw Error("Unterminated verbatim tag", s);
            _pos = close + 1;
            return _text.Substring(s + 2, close - s - 2);
        }
        while (_pos < _length && !IsBlankOrEnd(_pos) && !(flow && IsFlowIndicator(_text[_pos]))) _pos++;
        return _text.Substring(s, _pos - s);
    }

    private JsonNode ReadAlias(bool flow)
    {
        int at = _pos;
        _pos++;
        string name = ReadAnchorName(at, flow);
        if (!_anchors.TryGetValue(name, out Anchor? anchor)) throw Error("Unknown alias '*" + Shorten(name) + "': no anchor '&" + Shorten(name) + "' before it", at);
        if (anchor is null) throw Error("The alias '*" + Shorten(name) + "' is inside the node it refers to; a recursive structure cannot be expanded", at);
        if (_aliasNodes + anchor.Size > MaxAliasNodes)
            throw Error("Expanding aliases would create more than " + MaxAliasNodes.ToString("N0", CultureInfo.InvariantCulture) + " nodes (an alias bomb?)", at);
        if (_depth + anchor.Height > MaxDepth) throw Error("The document nests deeper than " + MaxDepth + " levels once this alias is expanded", at);
        _aliasNodes += anchor.Size;
        _nodeCount += anchor.Size;
        _maxReached = Math.Max(_maxReached, _depth + anchor.Height);
        return Clone(anchor.Node);
    }

    /// <summary>A deep copy (its depth is bounded by <see cref="MaxDepth"/>), so each place an alias expands to is a node of its own.</summary>
    private static JsonNode Clone(JsonNode n)
    {
        var copy = new JsonNode(n.Kind, n.Start) { Text = n.Text, End = n.End };
        if (n.Kind == JsonKind.Object)
        {
            var members = new JsonMember[n.Members.Count];
            for (int i = 0; i < members.Length; i++) members[i] = new JsonMember(n.Members[i].Name, n.Members[i].NameStart, Clone(n.Members[i].Value));
            copy.Members = members;
        }
        else if (n.Kind == JsonKind.Array)
        {
            var items = new JsonNode[n.Items.Count];
            for (int i = 0; i < items.Length; i++) items[i] = Clone(n.Items[i]);
            copy.Items = items;
        }
        return copy;
    }

    /// <summary>Registers the node's anchor, now that it is complete; checks a collection tag.</summary>
    private JsonNode Complete(JsonNode node, Properties props, long size, int height)
    {
        if (props.Tag is not null && node.Kind is JsonKind.Object or JsonKind.Array)
        {
            bool matches = props.Tag switch
            {
                "!!map" or "tag:yaml.org,2002:map" => node.Kind == JsonKind.Object,
                "!!seq" or "tag:yaml.org,2002:seq" => node.Kind == JsonKind.Array,
                _ => false,
            };
            if (!matches) _warnings.Add(("tag '" + props.Tag + "' is not a JSON type of this collection; it is ignored", props.TagStart));
        }
        if (props.Anchor is not null) _anchors[props.Anchor] = new Anchor(node, Math.Max(size, 1), height);
        return node;
    }

    private JsonNode Empty(int at, Properties props)
    {
        JsonNode node;
        if (props.Tag is not null && IsStringTag(props.Tag))
        {
            node = NewNode(JsonKind.String, at);
            node.Text = string.Empty;
        }
        else node = NewNode(JsonKind.Null, at);
        node.End = at;
        return node;
    }

    private JsonNode NewNode(JsonKind kind, int start)
    {
        _nodeCount++;
        return new JsonNode(kind, start) { End = start };
    }

    private void Enter(int at)
    {
        if (_depth >= MaxDepth) throw Error("The document nests deeper than " + MaxDepth + " levels", at);
        _depth++;
        if (_depth > _maxReached) _maxReached = _depth;
        RuntimeHelpers.EnsureSufficientExecutionStack();
    }

    private void Exit() => _depth--;

    // ------------------------------------------------------------------ whitespace, lines, comments

    private char At(int i) => i < _length ? _text[i] : '\0';

    private static bool IsBreak(char c) => c == '\n' || c == '\r';

    private static bool IsWhite(char c) => c == ' ' || c == '\t';

    private static bool IsFlowIndicator(char c) => c is ',' or '[' or ']' or '{' or '}';

    private bool IsBlankOrEnd(int i) => i >= _length || _text[i] is ' ' or '\t' or '\n' or '\r';

    private bool IsBlankOrFlowEnd(int i) => IsBlankOrEnd(i) || IsFlowIndicator(_text[i]);

    private bool IsDocumentMarker(int i, char c)
        => i + 2 < _length + 0 && At(i) == c && At(i + 1) == c && At(i + 2) == c && IsBlankOrEnd(i + 3) && Column(i) == 0;

    private int LineStartOf(int pos)
    {
        int p = Math.Min(pos, _length);
        while (p > 0 && !IsBreak(_text[p - 1])) p--;
        if (p == 0 && _length > 0 && _text[0] == '\uFEFF' && pos > 0) p = 1;
        return p;
    }

    private int Column(int pos) => pos - LineStartOf(pos);

    private bool AtLineStart() => _pos == 0 || IsBreak(_text[_pos - 1]) || (_pos == 1 && _text[0] == '\uFEFF');

    /// <summary>Back to the start of the line whose content <see cref="SkipToContent"/> found (only indentation precedes it); at the end, stay.</summary>
    private void RewindToLineStart()
    {
        if (_pos < _length) _pos = LineStartOf(_pos);
    }

    private void SkipInlineWhite()
    {
        while (_pos < _length && (_text[_pos] == ' ' || _text[_pos] == '\t')) _pos++;
    }

    private void SkipToLineEnd()
    {
        while (_pos < _length && !IsBreak(_text[_pos])) _pos++;
    }

    private void SkipBreak()
    {
        if (_pos < _length && _text[_pos] == '\r') _pos++;
        if (_pos < _length && _text[_pos] == '\n') _pos++;
    }

    /// <summary>The offset after the line break at <paramref name="p"/>.</summary>
    private int NextLine(int p)
    {
        if (p < _length && _text[p] == '\r') p++;
        if (p < _length && _text[p] == '\n') p++;
        return p;
    }

    /// <summary>Skips spaces and a comment on the current line; true when content follows on it.</summary>
    private bool SkipInlineSpaceAndComment()
    {
        int before = _pos;
        SkipInlineWhite();
        if (At(_pos) == '#' && (_pos > before || AtLineStart() || _pos == 0 || IsWhite(At(_pos - 1)))) SkipToLineEnd();
        return _pos < _length && !IsBreak(_text[_pos]);
    }

    /// <summary>
    /// Block context: skips the rest of the current line (spaces and a comment only), then blank and
    /// comment lines. Leaves the position on the next content and returns its column; -1 at the end.
    /// </summary>
    private int SkipToContent()
    {
        if (!AtLineStart())
        {
            SkipInlineWhite();
            if (At(_pos) == '#') SkipToLineEnd();
            if (_pos < _length && !IsBreak(_text[_pos])) throw Error("Unexpected text after a value", _pos);
        }
        while (true)
        {
            if (_pos >= _length) return -1;
            if (IsBreak(_text[_pos]))
            {
                SkipBreak();
                continue;
            }
            int lineStart = LineStartOf(_pos);
            while (At(_pos) == ' ') _pos++;
            int tab = -1;
            while (IsWhite(At(_pos)))
            {
                if (tab < 0 && _text[_pos] == '\t') tab = _pos;
                _pos++;
            }
            if (_pos >= _length) return -1;
            char c = _text[_pos];
            if (IsBreak(c)) continue;
            if (c == '#')
            {
                SkipToLineEnd();
                continue;
            }
            if (tab >= 0) throw Error("A tab character is used for indentation; YAML allows only spaces there", tab);
            return _pos - lineStart;
        }
    }

    /// <summary>Flow context: spaces, tabs, line breaks and comments.</summary>
    private void SkipFlowSpace()
    {
        while (_pos < _length)
        {
            char c = _text[_pos];
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r') _pos++;
            else if (c == '#' && (_pos == 0 || IsBlankOrEnd(_pos - 1))) SkipToLineEnd();
            else break;
        }
    }

    private int SkipFlowSpacePeek()
    {
        int save = _pos;
        SkipFlowSpace();
        while (At(_pos) is '&' or '!')
        {
            while (_pos < _length && !IsBlankOrFlowEnd(_pos)) _pos++;
            SkipFlowSpace();
        }
        int result = _pos;
        _pos = save;
        return result;
    }

    private static string Printable(char c) => c < ' ' || c > '~' ? "u" + ((int)c).ToString("X4", CultureInfo.InvariantCulture) : c.ToString();

    private static string Shorten(string s) => s.Length > 40 ? s.Substring(0, 40) + "..." : s;

    private static YamlException Error(string message, int offset) => new(message, offset);

    private sealed class YamlException : Exception
    {
        public YamlException(string message, int offset) : base(message) => Offset = offset;

        public int Offset { get; }
    }
}
