using System;
using System.Collections.Generic;
using System.Text;

namespace HppSchemaGen.Generator.Parsing;

/// <summary>
/// Writes a parsed document as compact JSON without the keywords that only document a schema and
/// can never be the target of a reference (<c>description</c>, <c>$comment</c>). The model is
/// built from this text, so an edit to a description, or to whitespace, leaves the model's input
/// equal and the model step cached; the documentation and the source positions travel beside it
/// (<see cref="Written"/>). <c>title</c> stays: it names types.
/// </summary>
internal static class CanonicalWriter
{
    /// <summary>The canonical text, and where its tokens were in the original text.</summary>
    internal sealed class Written
    {
        public Written(string text, List<int> canonical, List<int> original, List<(string Pointer, JsonNode Node)> objects)
        {
            Text = text;
            Canonical = canonical;
            Original = original;
            Objects = objects;
        }

        public string Text { get; }

        /// <summary>Offsets in <see cref="Text"/> of every token start and end, ascending.</summary>
        public List<int> Canonical { get; }

        /// <summary>The same tokens' offsets in the original text.</summary>
        public List<int> Original { get; }

        /// <summary>
        /// Each object written, with its JSON Pointer (the same in the original and the canonical
        /// text: only members are dropped, never array items, and no dropped member holds an object).
        /// </summary>
        public List<(string Pointer, JsonNode Node)> Objects { get; }
    }

    public static Written Write(JsonNode root)
    {
        var w = new Writer();
        w.Value(root, Context.Schema, string.Empty);
        return new Written(w.Text.ToString(), w.Canonical, w.Original, w.Objects);
    }

    private enum Context
    {
        /// <summary>An object whose annotation keywords may be dropped.</summary>
        Schema,
        /// <summary>A map from user names to schemas (<c>properties</c>, <c>$defs</c>...): every member is kept.</summary>
        NameMap,
        /// <summary>Instance data (<c>enum</c>, <c>const</c>, <c>default</c>): kept as written.</summary>
        Instance,
    }

    private sealed class Writer
    {
        public readonly StringBuilder Text = new();
        public readonly List<int> Canonical = new();
        public readonly List<int> Original = new();
        public readonly List<(string, JsonNode)> Objects = new();

        public void Value(JsonNode node, Context context, string pointer)
        {
            Point(node.Start);
            switch (node.Kind)
            {
                case JsonKind.Object:
                    if (context != Context.Instance) Objects.Add((pointer, node));
                    Text.Append('{');
                    bool first = true;
                    foreach (JsonMember m in node.Members)
                    {
                        if (context == Context.Schema && IsAnnotation(m)) continue;
                        if (!first) Text.Append(',');
                        first = false;
                        Point(m.NameStart);
                        String(m.Name);
                        Text.Append(':');
                        Value(m.Value, ChildContext(context, m.Name), Child(pointer, m.Value, Resolution.JsonPointer.Escape(m.Name)));
                    }
                    Text.Append('}');
                    break;
                case JsonKind.Array:
                    Text.Append('[');
                    for (int i = 0; i < node.Items.Count; i++)
                    {
                        if (i > 0) Text.Append(',');
                        Value(node.Items[i], context == Context.Instance ? Context.Instance : Context.Schema, Child(pointer, node.Items[i], i.ToString(System.Globalization.CultureInfo.InvariantCulture)));
                    }
                    Text.Append(']');
                    break;
                case JsonKind.String: String(node.Text!); break;
                case JsonKind.Number: Text.Append(node.Text); break;
                case JsonKind.True: Text.Append("true"); break;
                case JsonKind.False: Text.Append("false"); break;
                default: Text.Append("null"); break;
            }
            Point(node.End);
        }

        /// <summary>A child's pointer, made only for containers (a leaf is never documented, so its pointer is never needed).</summary>
        private static string Child(string pointer, JsonNode child, string token)
            => child.Kind is JsonKind.Object or JsonKind.Array ? pointer + "/" + token : string.Empty;

        private static Context ChildContext(Context parent, string name)
        {
            if (parent == Context.Instance) return Context.Instance;
            if (parent == Context.NameMap) return Context.Schema;
            return name switch
            {
                "enum" or "const" or "default" => Context.Instance,
                "properties" or "patternProperties" or "$defs" or "definitions" or "dependentSchemas" or "dependencies" or "schemas" => Context.NameMap,
                _ => Context.Schema,
            };
        }

        /// <summary>
        /// Only string-valued annotations: a string is never a schema, so no <c>$ref</c> can need one.
        /// <c>examples</c> stay (a reference may point into them: <c>"$ref": "#/examples/0"</c>).
        /// </summary>
        private static bool IsAnnotation(JsonMember m)
            => m.Name is "description" or "$comment" && m.Value.Kind == JsonKind.String;

        private void Point(int original)
        {
            Canonical.Add(Text.Length);
            Original.Add(original);
        }

        /// <summary>Only what JSON requires is escaped, so offsets inside a string match the original's when it had no escapes.</summary>
        private void String(string s) => JsonWriter.WriteString(s, Text, asciiOnly: false);
    }
}
