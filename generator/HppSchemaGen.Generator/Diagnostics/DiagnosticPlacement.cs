using System;
using System.Collections.Generic;
using HppSchemaGen.Generator.Helpers;

namespace HppSchemaGen.Generator.Diagnostics;

/// <summary>
/// The last step before diagnostics are reported: each file's parse problems (already placed, in
/// file order), then the model's, moved from the canonical text to the file as written.
/// </summary>
internal static class DiagnosticPlacement
{
    public static EquatableArray<DiagnosticInfo> Place(EquatableArray<DiagnosticInfo> model, EquatableArray<(PositionMap Positions, EquatableArray<DiagnosticInfo> Parse)> files)
    {
        var ordered = new List<(PositionMap Positions, EquatableArray<DiagnosticInfo> Parse)>(files);
        // The order the model reads files in: file name first, then full path.
        ordered.Sort(static (a, b) =>
        {
            int byName = string.CompareOrdinal(System.IO.Path.GetFileName(a.Positions.Path), System.IO.Path.GetFileName(b.Positions.Path));
            return byName != 0 ? byName : string.CompareOrdinal(a.Positions.Path, b.Positions.Path);
        });
        var maps = new Dictionary<string, PositionMap>(StringComparer.Ordinal);
        var all = new List<DiagnosticInfo>();
        foreach ((PositionMap positions, EquatableArray<DiagnosticInfo> parse) in ordered)
        {
            maps[positions.Path] = positions;
            all.AddRange(parse);
        }
        foreach (DiagnosticInfo d in model)
            all.Add(d.FilePath.Length > 0 && maps.TryGetValue(d.FilePath, out PositionMap? map) ? map.Place(d) : d);
        return all.ToEquatableArray();
    }
}
