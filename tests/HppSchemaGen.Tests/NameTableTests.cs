using System.Linq;
using System.Text.Json;
using HppSchemaGen.Validation;
using Xunit;

namespace HppSchemaGen.Tests;

/// <summary>The member lookup of generated validators: by span for a few names, by hash for more; escaped names and names without a UTF-8 form still match.</summary>
public class NameTableTests
{
    [Theory]
    [InlineData(3)]
    [InlineData(40)]
    public void Every_name_is_found_at_its_position_and_others_are_not(int count)
    {
        string[] names = Enumerable.Range(0, count).Select(i => "name_" + i).Append("").Append("ab_x").Append("ac_x").Append("é").ToArray();
        var table = new NameTable(names);
        using JsonDocument doc = JsonDocument.Parse("{" + string.Join(",", names.Select(n => JsonSerializer.Serialize(n) + ":1")) + ",\"other\":1,\"name_\":1}");
        var found = doc.RootElement.EnumerateObject().Select(table.Find).ToArray();
        Assert.Equal(Enumerable.Range(0, names.Length).Append(-1).Append(-1), found);
    }

    [Fact]
    public void Escaped_member_names_match_their_unescaped_form()
    {
        var table = new NameTable(Enumerable.Range(0, 20).Select(i => "k" + i).Append("a/b").ToArray());
        using JsonDocument doc = JsonDocument.Parse("{\"\\u006b3\": 1, \"a\\/b\": 2}");
        Assert.Equal(new[] { 3, 20 }, doc.RootElement.EnumerateObject().Select(table.Find));
    }

    [Fact]
    public void Names_escaping_lone_surrogates_are_never_a_crash()
    {
        // Such a member name has no text: System.Text.Json refuses to compare it. It is no known name.
        var table = new NameTable("a", "\ud800", "b");
        using JsonDocument doc = JsonDocument.Parse("{\"\\ud800\": 1, \"b\": 2}");
        Assert.Equal(new[] { -1, 2 }, doc.RootElement.EnumerateObject().Select(table.Find));
        Assert.False(table.IsPresent(doc.RootElement, 1));
        Assert.False(table.IsPresent(doc.RootElement, 0));
        Assert.True(table.IsPresent(doc.RootElement, 2));
    }
}
