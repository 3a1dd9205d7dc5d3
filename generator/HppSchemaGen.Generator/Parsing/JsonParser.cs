using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace HppSchemaGen.Generator.Parsing;

/// <summary>
/// A strict RFC 8259 parser that keeps every value's position. It is our own rather than
/// System.Text.Json because an analyzer must not carry a System.Text.Json that can clash with the
/// one the IDE host already loaded, and because diagnostics need line and column, which
/// Utf8JsonReader does not track. It is iterative (an explicit stack), so hostile nesting becomes
/// a diagnostic instead of a stack overflow in the compiler.
/// </summary>
internal sealed class JsonParser
{
    public const int MaxDepth = 256;

    private readonly string _text;
    private int _pos;

    private JsonParser(string text) => _text = text;

    public static JsonParseResult Parse(string text)
    {
        var parser = new JsonParser(text);
        try
        {
            return parser.ParseDocument();
        }
        catch (JsonParseException e)
        {
            return new JsonParseResult(null, e.Message, e.Offset, parser.Duplicates);
        }
    }

    private List<(string Name, int Offset)> Duplicates { get; } = new();

    private sealed class Frame
    {
        public Frame(JsonNode node) => Node = node;

        public JsonNode Node { get; }
        public List<JsonMember>? Members;
        public List<JsonNode>? Items;
        public Dictionary<string, int>? Index;
        public string? PendingName;
        public int PendingNameStart;
    }

    private JsonParseResult ParseDocument()
    {
        if (_text.Length > 0 && _text[0] == '\uFEFF') _pos = 1;
        var stack = new Stack<Frame>();
        JsonNode? root = null;
        SkipWhitespace();
        while (true)
        {
            // Read one value start (or close a container) at the current position.
            JsonNode? completed = null;
            Frame? top = stack.Count > 0 ? stack.Peek() : null;
            if (top is not null && top.Node.Kind == JsonKind.Object && top.PendingName is null)
            {
                // Expect a member name or '}'.
                SkipWhitespace();
                if (Peek() == '}' && top.Members!.Count == 0)
                {
                    _pos++;
                    completed = Close(stack);
                }
                else
                {
                    if (Peek() != '"') throw Error("Expected a property name in double quotes");
                    int nameStart = _pos;
                    string name = ReadString();
                    SkipWhitespace();
                    if (Peek() != ':') throw Error("Expected ':' after a property name");
                    _pos++;
                    top.PendingName = name;
                    top.PendingNameStart = nameStart;
                    SkipWhitespace();
                    continue;
                }
            }
            else if (top is not null && top.Node.Kind == JsonKind.Array && top.Items!.Count == 0 && Peek() == ']')
            {
                _pos++;
                completed = Close(stack);
            }
            else
            {
                SkipWhitespace();
                int start = _pos;
                char c = Peek();
                switch (c)
                {
                    case '{':
                    case '[':
                        if (stack.Count >= MaxDepth) throw Error("The document nests deeper than " + MaxDepth + " levels");
                        _pos++;
                        var node = new JsonNode(c == '{' ? JsonKind.Object : JsonKind.Array, start);
                        var frame = new Frame(node);
                        if (c == '{')
                        {
                            frame.Members = new List<JsonMember>();
                            frame.Index = new Dictionary<string, int>(System.StringComparer.Ordinal);
                        }
                        else frame.Items = new List<JsonNode>();
                        stack.Push(frame);
                        SkipWhitespace();
                        continue;
                    case '"':
                        completed = new JsonNode(JsonKind.String, start) { Text = ReadString(), End = _pos };
                        break;
                    case 't':
                        Expect("true");
                        completed = new JsonNode(JsonKind.True, start) { End = _pos };
                        break;
                    case 'f':
                        Expect("false");
                        completed = new JsonNode(JsonKind.False, start) { End = _pos };
                        break;
                    case 'n':
                        Expect("null");
                        completed = new JsonNode(JsonKind.Null, start) { End = _pos };
                        break;
                    default:
                        if (c == '-' || (c >= '0' && c <= '9'))
                        {
                            completed = new JsonNode(JsonKind.Number, start) { Text = ReadNumber(), End = _pos };
                            break;
                        }
                        throw Error(_pos >= _text.Length ? "Unexpected end of the document" : "Unexpected character '" + Printable(c) + "'");
                }
            }

            // Attach the completed value to its parent, closing containers as far as they end here.
            while (true)
            {
                if (stack.Count == 0)
                {
                    root = completed;
                    SkipWhitespace();
                    if (_pos < _text.Length) throw Error("Unexpected text after the end of the document");
                    return new JsonParseResult(root, null, 0, Duplicates);
                }
                Frame parent = stack.Peek();
                if (parent.Node.Kind == JsonKind.Object)
                {
                    string name = parent.PendingName!;
                    var member = new JsonMember(name, parent.PendingNameStart, completed!);
                    if (parent.Index!.TryGetValue(name, out int existing))
                    {
                        // Last one wins, as in most parsers; reported so nobody is surprised.
                        Duplicates.Add((name, parent.PendingNameStart));
                        parent.Members![existing] = member;
                    }
                    else
                    {
                        parent.Index[name] = parent.Members!.Count;
                        parent.Members.Add(member);
                    }
                    parent.PendingName = null;
                    SkipWhitespace();
                    char next = Peek();
                    if (next == ',')
                    {
                        _pos++;
                        SkipWhitespace();
                        if (Peek() == '}') throw Error("Trailing comma before '}'");
                        break;
                    }
                    if (next == '}')
                    {
                        _pos++;
                        completed = Close(stack);
                        continue;
                    }
                    throw Error("Expected ',' or '}' in an object");
                }
                else
                {
                    parent.Items!.Add(completed!);
                    SkipWhitespace();
                    char next = Peek();
                    if (next == ',')
                    {
                        _pos++;
                        SkipWhitespace();
                        if (Peek() == ']') throw Error("Trailing comma before ']'");
                        break;
                    }
                    if (next == ']')
                    {
                        _pos++;
                        completed = Close(stack);
                        continue;
                    }
                    throw Error("Expected ',' or ']' in an array");
                }
            }
        }
    }

    private JsonNode Close(Stack<Frame> stack)
    {
        Frame f = stack.Pop();
        if (f.Members is not null) f.Node.Members = f.Members.ToArray();
        if (f.Items is not null) f.Node.Items = f.Items.ToArray();
        f.Node.End = _pos;
        return f.Node;
    }

    private char Peek() => _pos < _text.Length ? _text[_pos] : '\0';

    private void SkipWhitespace()
    {
        while (_pos < _text.Length)
        {
            char c = _text[_pos];
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r') _pos++;
            else if (c == '/' && _pos + 1 < _text.Length && (_text[_pos + 1] == '/' || _text[_pos + 1] == '*'))
                throw Error("Comments are not allowed in JSON");
            else break;
        }
    }

    private void Expect(string literal)
    {
        if (string.CompareOrdinal(_text, _pos, literal, 0, literal.Length) != 0) throw Error("Unexpected token; expected '" + literal + "'");
        _pos += literal.Length;
    }

    private string ReadString()
    {
        _pos++; // opening quote
        StringBuilder? sb = null;
        int runStart = _pos;
        while (true)
        {
            if (_pos >= _text.Length) throw Error("Unterminated string");
            char c = _text[_pos];
            if (c == '"')
            {
                string result = sb is null ? _text.Substring(runStart, _pos - runStart) : sb.Append(_text, runStart, _pos - runStart).ToString();
                _pos++;
                return result;
            }
            if (c < ' ') throw Error("Control character in a string; escape it");
            if (c != '\\')
            {
                _pos++;
                continue;
            }
            sb ??= new StringBuilder();
            sb.Append(_text, runStart, _pos - runStart);
            _pos++;
            char e = Peek();
            _pos++;
            switch (e)
            {
                case '"': sb.Append('"'); break;
                case '\\': sb.Append('\\'); break;
                case '/': sb.Append('/'); break;
                case 'b': sb.Append('\b'); break;
                case 'f': sb.Append('\f'); break;
                case 'n': sb.Append('\n'); break;
                case 'r': sb.Append('\r'); break;
                case 't': sb.Append('\t'); break;
                case 'u':
                    if (_pos + 4 > _text.Length || !int.TryParse(_text.Substring(_pos, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out int code))
                    {
                        _pos -= 2;
                        throw Error("Invalid \\u escape");
                    }
                    sb.Append((char)code);
                    _pos += 4;
                    break;
                default:
                    _pos -= 2;
                    throw Error("Invalid escape sequence");
            }
            runStart = _pos;
        }
    }

    private string ReadNumber()
    {
        int start = _pos;
        if (Peek() == '-') _pos++;
        if (Peek() == '0') _pos++;
        else if (Peek() >= '1' && Peek() <= '9')
        {
            while (Peek() >= '0' && Peek() <= '9') _pos++;
        }
        else throw Error("Invalid number");
        if (Peek() == '.')
        {
            _pos++;
            if (!(Peek() >= '0' && Peek() <= '9')) throw Error("Invalid number: digits expected after '.'");
            while (Peek() >= '0' && Peek() <= '9') _pos++;
        }
        if (Peek() == 'e' || Peek() == 'E')
        {
            _pos++;
            if (Peek() == '+' || Peek() == '-') _pos++;
            if (!(Peek() >= '0' && Peek() <= '9')) throw Error("Invalid number: digits expected in the exponent");
            while (Peek() >= '0' && Peek() <= '9') _pos++;
        }
        return _text.Substring(start, _pos - start);
    }

    private static string Printable(char c) => c < ' ' || c > '~' ? "\\u" + ((int)c).ToString("X4", CultureInfo.InvariantCulture) : c.ToString();

    private JsonParseException Error(string message) => new(message, _pos);

    private sealed class JsonParseException : System.Exception
    {
        public JsonParseException(string message, int offset) : base(message) => Offset = offset;

        public int Offset { get; }
    }
}

internal sealed class JsonParseResult
{
    public JsonParseResult(JsonNode? root, string? error, int errorOffset, IReadOnlyList<(string Name, int Offset)> duplicates)
        : this(root, error, errorOffset, duplicates, System.Array.Empty<(string, int)>())
    {
    }

    public JsonParseResult(JsonNode? root, string? error, int errorOffset, IReadOnlyList<(string Name, int Offset)> duplicates, IReadOnlyList<(string Message, int Offset)> warnings)
    {
        Root = root;
        Error = error;
        ErrorOffset = errorOffset;
        Duplicates = duplicates;
        Warnings = warnings;
    }

    public JsonNode? Root { get; }

    public string? Error { get; }

    public int ErrorOffset { get; }

    public IReadOnlyList<(string Name, int Offset)> Duplicates { get; }

    /// <summary>Things read differently than written (YAML only: a tag that is not a JSON type, <c>.inf</c> ...).</summary>
    public IReadOnlyList<(string Message, int Offset)> Warnings { get; }
}
