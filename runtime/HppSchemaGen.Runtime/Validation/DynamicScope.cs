using System.ComponentModel;

namespace HppSchemaGen.Validation;

/// <summary>
/// The dynamic scope of <c>$dynamicRef</c>, packed in a <see cref="ulong"/> passed by value: for
/// each dynamic anchor name (8 bits each, up to 8 names) the schema chosen by the outermost
/// resource entered that declares it. Passing it by value scopes it to the call tree for free.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class DynamicScope
{
    /// <summary>Enters a resource that declares anchor <paramref name="name"/> as schema <paramref name="id"/> (1-255): the outermost one wins.</summary>
    public static ulong Enter(ulong scope, int name, ulong id)
        => ((scope >> (8 * name)) & 0xFF) == 0 ? scope | (id << (8 * name)) : scope;

    /// <summary>The schema chosen for anchor <paramref name="name"/>, 0 when no resource in scope declares it.</summary>
    public static int Get(ulong scope, int name) => (int)((scope >> (8 * name)) & 0xFF);
}
