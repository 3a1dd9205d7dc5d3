using System;
using System.Diagnostics;
using System.Linq;
using System.Text;
using HppSchemaGen.Generator.Diagnostics;
using HppSchemaGen.Generator.Parsing;
using Xunit;

namespace HppSchemaGen.Tests.Yaml;

/// <summary>The YAML reader builds the tree the JSON reader would build for the equivalent JSON, with YAML positions.</summary>
[Collection(HppSchemaGen.Tests.Infrastructure.HeavyCollection.Name)]
public class YamlParserTests
{
    private static string Json(string yaml)
    {
        JsonParseResult r = YamlParser.Parse(yaml);
        Assert.True(r.Root is not null, "YAML error: " + r.Error + " at " + r.ErrorOffset + Location(yaml, r.ErrorOffset));
        return JsonWriter.Write(r.Root!);
    }

    private static string Location(string text, int offset)
    {
        (int line, int col) = new TextLines("x.yaml", text).Position(offset);
        return " (line " + (line + 1) + ", column " + (col + 1) + ")";
    }

    private static void Same(string yaml, string json)
    {
        JsonParseResult expected = JsonParser.Parse(json);
        Assert.True(expected.Root is not null, "bad expected JSON: " + expected.Error);
        Assert.Equal(JsonWriter.Write(expected.Root!), Json(yaml));
    }

    private static (string Message, int Line, int Column) Error(string yaml)
    {
        JsonParseResult r = YamlParser.Parse(yaml);
        Assert.True(r.Root is null, "expected an error, got " + (r.Root is null ? "" : JsonWriter.Write(r.Root)));
        (int line, int col) = new TextLines("x.yaml", yaml).Position(r.ErrorOffset);
        return (r.Error!, line + 1, col + 1);
    }

    [Fact]
    public void Block_mappings_and_sequences()
        => Same("""
            a: 1
            b:
              c: two
              d:
                - x
                - y: 1
                  z: 2
                - - nested
                  - seq
            e:
            - indentless
            - list
            f: last
            """,
            """{"a":1,"b":{"c":"two","d":["x",{"y":1,"z":2},["nested","seq"]]},"e":["indentless","list"],"f":"last"}""");

    [Fact]
    public void Core_schema_scalars()
        => Same("""
            nulls: [~, null, Null, NULL, ]
            empty:
            bools: [true, True, TRUE, false, False, FALSE]
            ints: [0, -12, +7, 007, 0o17, 0x1F, 12345678901234567890123]
            floats: [1.5, -0.25, .5, +1., 1e3, -1.2E-3, 6.02e+23]
            strings: [yes, no, on, off, 1_000, 0x, 1.2.3, v1.0, 12:30, "123", '4.5', "true", 'null']
            inf: [.inf, -.Inf, .nan]
            """,
            """
            {"nulls":[null,null,null,null],"empty":null,"bools":[true,true,true,false,false,false],
             "ints":[0,-12,7,7,15,31,12345678901234567890123],
             "floats":[1.5,-0.25,0.5,1.0,1e3,-1.2E-3,6.02e+23],
             "strings":["yes","no","on","off","1_000","0x","1.2.3","v1.0","12:30","123","4.5","true","null"],
             "inf":[".inf","-.Inf",".nan"]}
            """);

    [Fact]
    public void Infinity_is_read_as_a_string_with_a_warning()
    {
        JsonParseResult r = YamlParser.Parse("x: .inf\n");
        Assert.Single(r.Warnings);
        Assert.Contains("infinity", r.Warnings[0].Message);
    }

    [Fact]
    public void Plain_scalars_with_indicators_inside_them()
        => Same("""
            url: https://example.com/a?b=c#frag
            time: 12:30:45
            hash: a#b
            colon: a:b
            dash: -x
            question: ?x
            spaced: a  b   c
            trailing: value   # a comment
            key with spaces: v
            "quoted key": q
            'single key': s
            200: ok
            2XX: ranged
            ~: tilde
            """,
            """{"url":"https://example.com/a?b=c#frag","time":"12:30:45","hash":"a#b","colon":"a:b","dash":"-x","question":"?x","spaced":"a  b   c","trailing":"value","key with spaces":"v","quoted key":"q","single key":"s","200":"ok","2XX":"ranged","~":"tilde"}""");

    [Fact]
    public void Multi_line_plain_scalars_fold()
        => Same("""
            description: This is a long
              description that continues
              on three lines.

              And a new paragraph.
            seq:
            - first item
              continued
            - second
            next: x
            """,
            """{"description":"This is a long description that continues on three lines.\nAnd a new paragraph.","seq":["first item continued","second"],"next":"x"}""");

    [Fact]
    public void Double_quoted_escapes_and_folding()
        => Same("""
            a: "tab\there \"quoted\" back\\slash \/ \u00e9 \x41 \U0001F600 \N\_\L\P \0\a\b\e\f\v\r\n end"
            b: "folded
              onto one line

              with a break"
            c: "escaped \
               newline"
            d: "trailing spaces   
              are dropped"
            e: ""
            """,
            """{"a":"tab\there \"quoted\" back\\slash / \u00e9 A \uD83D\uDE00 \u0085\u00a0\u2028\u2029 \u0000\u0007\b\u001b\f\u000b\r\n end","b":"folded onto one line\nwith a break","c":"escaped newline","d":"trailing spaces are dropped","e":""}""");

    [Fact]
    public void Single_quoted_scalars()
        => Same("""
            a: 'it''s'
            b: 'no \escapes here'
            c: 'two
              lines'
            d: ''
            """,
            """{"a":"it's","b":"no \\escapes here","c":"two lines","d":""}""");

    [Fact]
    public void Literal_block_scalars_with_chomping()
        => Same("a: |\n  line 1\n    indented\n  line 3\n\n\nb: |-\n  stripped\n\n\nc: |+\n  kept\n\n\nd: |2\n    explicit\n  indent\ne: |\n\n  leading empty\nf: |\n  no final newline",
            """{"a":"line 1\n  indented\nline 3\n","b":"stripped","c":"kept\n\n\n","d":"  explicit\nindent\n","e":"\nleading empty\n","f":"no final newline"}""");

    [Fact]
    public void Folded_block_scalars()
        => Same("a: >\n  folded\n  text\n\n  new paragraph\n    more indented\n    kept\n  back\nb: >-\n  stripped\n  folded\nc: >+\n  kept\n\nd: x\n",
            """{"a":"folded text\nnew paragraph\n  more indented\n  kept\nback\n","b":"stripped folded","c":"kept\n\n","d":"x"}""");

    [Fact]
    public void Block_scalar_headers_with_comments_and_in_sequences()
        => Same("- |  # comment\n  literal\n- >-\n  folded\n  line\n- last\n",
            """["literal\n","folded line","last"]""");

    [Fact]
    public void Comments_everywhere()
        => Same("""
            # leading comment
            a: 1 # trailing
            # between
            b: # value on the next line
              - x # item
              # inside
              - y
            c: "q" # after quoted
            """,
            """{"a":1,"b":["x","y"],"c":"q"}""");

    [Fact]
    public void Flow_collections()
        => Same("""
            a: {x: 1, y: [1, 2, {z: w}], "q": 'v', empty: {}, list: []}
            b: [a: 1, "k":v, {m: n}]
            c: {k, l: }
            d: [one,
                two, # comment
              three]
            e: {"json": true, "nested": {"n": null}}
            f: [trailing, ]
            g: {url: http://x.y/z, t: 12:30}
            """,
            """{"a":{"x":1,"y":[1,2,{"z":"w"}],"q":"v","empty":{},"list":[]},"b":[{"a":1},{"k":"v"},{"m":"n"}],"c":{"k":null,"l":null},"d":["one","two","three"],"e":{"json":true,"nested":{"n":null}},"f":["trailing"],"g":{"url":"http://x.y/z","t":"12:30"}}""");

    [Fact]
    public void Anchors_aliases_and_merge_keys()
        => Same("""
            base: &base
              a: 1
              b: 2
            other: &other {c: 3}
            copy: *base
            merged:
              <<: *base
              b: overridden
              d: 4
            multi:
              <<: [*base, *other]
              e: 5
            scalar: &s hello
            again: *s
            list: &l [1, 2]
            lists: [*l, *l]
            """,
            """{"base":{"a":1,"b":2},"other":{"c":3},"copy":{"a":1,"b":2},"merged":{"a":1,"b":"overridden","d":4},"multi":{"a":1,"b":2,"c":3,"e":5},"scalar":"hello","again":"hello","list":[1,2],"lists":[[1,2],[1,2]]}""");

    [Fact]
    public void Aliases_expand_into_distinct_nodes()
    {
        JsonParseResult r = YamlParser.Parse("a: &x {k: v}\nb: *x\n");
        Assert.NotSame(r.Root!.Get("a"), r.Root!.Get("b"));
    }

    [Fact]
    public void Tags()
        => Same("""
            a: !!str 123
            b: !!int "42"
            c: !!float "1.5"
            d: !!bool "true"
            e: !!null ""
            f: ! 12
            g: !!map {x: 1}
            h: !!seq [1]
            i: !<tag:yaml.org,2002:str> true
            j: !!str
            """,
            """{"a":"123","b":42,"c":1.5,"d":true,"e":null,"f":"12","g":{"x":1},"h":[1],"i":"true","j":""}""");

    [Fact]
    public void Unknown_tags_are_ignored_with_a_warning()
    {
        JsonParseResult r = YamlParser.Parse("a: !Ref thing\n");
        Assert.Equal("""{"a":"thing"}""", JsonWriter.Write(r.Root!));
        Assert.Contains(r.Warnings, w => w.Message.Contains("!Ref"));
    }

    [Fact]
    public void Documents_directives_and_markers()
    {
        Same("%YAML 1.2\n---\na: 1\n...\n", """{"a":1}""");
        Same("--- # comment\n- 1\n", "[1]");
        Same("--- {a: 1}\n", """{"a":1}""");
        Same("--- |\n  text\n", "\"text\\n\"");
        Same("", "null");
        Same("# only a comment\n", "null");
        Same("\uFEFFa: 1\nb: 2\n", """{"a":1,"b":2}""");
    }

    [Fact]
    public void Explicit_keys()
        => Same("? a\n: 1\n? b\nc: 3\n", """{"a":1,"b":null,"c":3}""");

    [Fact]
    public void Crlf_line_breaks()
        => Same("a: 1\r\nb: |\r\n  x\r\n  y\r\nc:\r\n  - 1\r\n", """{"a":1,"b":"x\ny\n","c":[1]}""");

    [Fact]
    public void Json_is_yaml()
    {
        const string json = """
            {"openapi": "3.1.0", "info": {"title": "T", "version": "1"},
             "a": [1, -2.5e3, true, false, null, "s\u00e9\n", {"b": []}]}
            """;
        Same(json, json);
    }

    [Fact]
    public void Tabs_are_fine_after_the_indentation_and_inside_quotes()
        => Same("a:\tvalue\nb: \"x\ty\"\nc: [1,\t2]\n", """{"a":"value","b":"x\ty","c":[1,2]}""");

    [Fact]
    public void Positions_are_offsets_in_the_yaml_text()
    {
        const string yaml = "a:\n  b:\n    - 1\n    - name: x\n";
        JsonParseResult r = YamlParser.Parse(yaml);
        JsonNode name = r.Root!.Get("a")!.Get("b")!.Items[1].Get("name")!;
        var lines = new TextLines("x.yaml", yaml);
        Assert.Equal((3, 12), lines.Position(name.Start));
        JsonMember member = r.Root!.Get("a")!.Get("b")!.Items[1].Members[0];
        Assert.Equal((3, 6), lines.Position(member.NameStart));
    }

    [Fact]
    public void Duplicate_keys_are_reported_with_their_position_and_the_last_wins()
    {
        const string yaml = "a: 1\nb: 2\na: 3\n";
        JsonParseResult r = YamlParser.Parse(yaml);
        Assert.Equal("""{"a":3,"b":2}""", JsonWriter.Write(r.Root!));
        (string name, int offset) = Assert.Single(r.Duplicates);
        Assert.Equal("a", name);
        Assert.Equal((2, 0), new TextLines("x.yaml", yaml).Position(offset));
    }

    [Fact]
    public void Merged_keys_are_not_duplicates()
    {
        JsonParseResult r = YamlParser.Parse("b: &b {x: 1}\nc:\n  <<: *b\n  x: 2\n");
        Assert.Empty(r.Duplicates);
    }

    [Theory]
    [InlineData("a: 1\n\tb: 2\n", "tab", 2, 1)]
    [InlineData("a:\n\t- 1\n", "tab", 2, 1)]
    [InlineData("a: \"unterminated\n", "Unterminated", 1, 4)]
    [InlineData("a: 'unterminated\n", "Unterminated", 1, 4)]
    [InlineData("a: [1, 2\n", "Unterminated", 1, 4)]
    [InlineData("a: {b: 1\n", "Unterminated", 1, 4)]
    [InlineData("a: 1\n  b: 2\n", "indentation", 2, 3)]
    [InlineData("a:\n  b: 1\n c: 2\n", "indentation", 3, 2)]
    [InlineData("a: b: c\n", "not allowed", 1, 5)]
    [InlineData("a: - b\n", "sequence", 1, 4)]
    [InlineData("a: *nope\n", "Unknown alias", 1, 4)]
    [InlineData("a: &x [1, *x]\n", "inside the node", 1, 11)]
    [InlineData("a: 1\n---\nb: 2\n", "second YAML document", 2, 1)]
    [InlineData("a: \"\\q\"\n", "escape", 1, 5)]
    [InlineData("a: \"\\u12\"\n", "escape", 1, 5)]
    [InlineData("a: `x`\n", "reserved", 1, 4)]
    [InlineData("a: @x\n", "reserved", 1, 4)]
    [InlineData("a: 1\nb\n", "Expected ':'", 2, 2)]
    [InlineData("[a, b]: 1\n", "key", 1, 1)]
    [InlineData("a: |0\n  x\n", "indentation indicator", 1, 5)]
    [InlineData("a: 1\n- b\n", "sequence entry", 2, 1)]
    [InlineData("a: x\x01y\n", "U+0001", 1, 5)]
    [InlineData("a: \"x\x00\"\n", "U+0000", 1, 6)]
    [InlineData("<<: 5\n", "merge key", 1, 5)]
    [InlineData("a: 1\n  # comment\n  more: x\n", "indentation", 3, 3)]
    public void Errors_are_located(string yaml, string message, int line, int column)
    {
        (string actual, int l, int c) = Error(yaml);
        Assert.Contains(message, actual, StringComparison.OrdinalIgnoreCase);
        Assert.Equal((line, column), (l, c));
    }

    [Fact]
    public void Replacement_and_odd_characters_are_plain_text()
        => Same("a: \uFFFD\u0085\u007F\u200B x\nb: \"\uFFFD\"\n", "{\"a\":\"\uFFFD\u0085\u007F\u200B x\",\"b\":\"\uFFFD\"}");

    [Theory]
    [InlineData("flow")]
    [InlineData("block-seq")]
    [InlineData("block-map")]
    [InlineData("mixed")]
    [InlineData("compact")]
    public void Ten_thousand_levels_of_nesting_is_an_error_not_a_stack_overflow(string kind)
    {
        const int depth = 10_000;
        var sb = new StringBuilder();
        switch (kind)
        {
            case "flow":
                sb.Append('[', depth).Append(']', depth);
                break;
            case "block-seq":
                for (int i = 0; i < depth; i++) sb.Append(' ', i).Append("-\n");
                break;
            case "compact":
                for (int i = 0; i < depth; i++) sb.Append("- ");
                sb.Append('x');
                break;
            case "block-map":
                for (int i = 0; i < depth; i++) sb.Append(' ', i).Append("k:\n");
                break;
            default:
                for (int i = 0; i < depth; i++) sb.Append(i % 2 == 0 ? "{a: " : "[");
                break;
        }
        JsonParseResult r = null!;
        // A small stack makes the check meaningful: the reader must stop long before it runs out.
        var thread = new System.Threading.Thread(() => r = YamlParser.Parse(sb.ToString()), maxStackSize: 512 * 1024);
        thread.Start();
        thread.Join();
        Assert.Null(r.Root);
        Assert.Contains("deeper than " + YamlParser.MaxDepth, r.Error);
    }

    [Fact]
    public void Nesting_up_to_the_limit_is_fine()
    {
        int depth = YamlParser.MaxDepth;
        string yaml = new string('[', depth) + new string(']', depth);
        Assert.NotNull(YamlParser.Parse(yaml).Root);
        Assert.Null(YamlParser.Parse("[" + yaml + "]").Root);
    }

    [Fact]
    public void Billion_laughs_is_stopped_by_the_alias_budget()
    {
        var sb = new StringBuilder("a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        for (int i = 1; i < 10; i++)
        {
            char prev = (char)('a' + i - 1), cur = (char)('a' + i);
            sb.Append(cur).Append(": &").Append(cur).Append(" [")
              .Append(string.Join(",", Enumerable.Repeat("*" + prev, 9))).Append("]\n");
        }
        var watch = Stopwatch.StartNew();
        JsonParseResult r = YamlParser.Parse(sb.ToString());
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), watch.Elapsed.ToString());
        Assert.Null(r.Root);
        Assert.Contains("alias bomb", r.Error);
        Assert.Equal(6, new TextLines("x.yaml", sb.ToString()).Position(r.ErrorOffset).Line);
    }

    [Fact]
    public void Alias_of_a_deep_node_counts_its_depth()
    {
        int half = YamlParser.MaxDepth / 2 + 1;
        string deep = new string('[', half) + new string(']', half);
        string yaml = "a: &d " + deep + "\nb: " + new string('[', half) + "*d" + new string(']', half) + "\n";
        JsonParseResult r = YamlParser.Parse(yaml);
        Assert.Null(r.Root);
        Assert.Contains("deeper than", r.Error);
    }

    [Fact]
    public void Fifty_megabytes_parse_in_bounded_time()
    {
        var sb = new StringBuilder(52 * 1024 * 1024);
        sb.Append("openapi: 3.1.0\nitems:\n");
        int i = 0;
        while (sb.Length < 50 * 1024 * 1024)
        {
            sb.Append("  - id: ").Append(i++).Append("\n    name: \"item number ").Append(i).Append("\"\n    tags: [a, b, c]\n    text: |\n      some literal text\n");
        }
        string yaml = sb.ToString();
        var watch = Stopwatch.StartNew();
        JsonParseResult r = YamlParser.Parse(yaml);
        watch.Stop();
        Assert.NotNull(r.Root);
        Assert.Equal(i, r.Root!.Get("items")!.Items.Count);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(30), watch.Elapsed.ToString());
    }
}
