using HppSchemaGen.Generator.Resolution;
using HppSchemaGen.Validation;

namespace HppSchemaGen.Generator.Model.Validation;

/// <summary>
/// The absolute URI of a schema node, as error output shows it after a <c>$ref</c>: the URI of the
/// resource the node is in, and a JSON Pointer fragment from that resource's root (the dereferenced
/// location: a <c>$ref</c> to an anchor shows where the anchored schema is).
/// </summary>
internal static class AbsoluteLocations
{
    /// <summary>What a resource known only by its file path is called (RFC 8141 allows a fragment on a URN).</summary>
    public const string FileUrnPrefix = "urn:hppschemagen:";

    public static string Of(SchemaRegistry registry, SchemaNode node)
    {
        string resource = SchemaRegistry.ResourceOf(node);
        string pointer = node.Pointer;
        if (registry.ResourceRoot(resource) is SchemaNode root && root.Document == node.Document
            && pointer.StartsWith(root.Pointer, System.StringComparison.Ordinal))
        {
            pointer = pointer.Substring(root.Pointer.Length);
        }
        return Stable(resource, node.Document) + "#" + UriFragments.Encode(pointer);
    }

    /// <summary>
    /// A document with no base URI of its own is known by its file path, which differs from machine
    /// to machine: generated code names such a resource (and one a relative <c>$id</c> in it places
    /// beside it) by its path below the document's folder, so builds stay deterministic and never
    /// embed a build path. A URI the schema or <c>HppSchemaGenBaseUri</c> gives is kept as it is.
    /// </summary>
    private static string Stable(string resource, SchemaDocument document)
    {
        if (!string.IsNullOrEmpty(document.File.BaseUri)) return resource;
        string folder = document.BaseUri.Substring(0, document.BaseUri.LastIndexOf('/') + 1);
        if (!folder.StartsWith("file:", System.StringComparison.OrdinalIgnoreCase) || !resource.StartsWith(folder, System.StringComparison.Ordinal)) return resource;
        string relative = System.Uri.UnescapeDataString(resource.Substring(folder.Length));
        return FileUrnPrefix + UriFragments.Encode(relative.Length == 0 ? "schema" : relative).Replace("?", "%3F");
    }
}
