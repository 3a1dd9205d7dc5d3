using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using HppSchemaGen.Generator.Helpers;

namespace HppSchemaGen.Generator.Emit;

/// <summary>
/// One emitted piece of source (a type with its context metadata, a document's validators, the
/// context's root), emitted in its own cached pipeline step so that an edit re-emits only the
/// pieces it changes. <see cref="Error"/> holds an emitter failure, reported where the part is added.
/// </summary>
internal sealed record GeneratedPart(string HintName, string Text, string? Error)
{
    /// <summary>Which of <c>maxFiles</c> files the part goes to is this modulo the count (<see cref="OutputFiles"/>): hashed once, when the part is made.</summary>
    public uint Bucket { get; } = StableHash.Of(HintName);

    public static GeneratedPart Emit(string hintName, Func<string> emit)
    {
        try
        {
            return new GeneratedPart(hintName, emit(), null);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // An emitter bug must not crash the compiler (CS8785 would drop every output).
            return new GeneratedPart(hintName, string.Empty, hintName + ": " + e.Message);
        }
    }
}

/// <summary>One generated file: its hint name and the parts it holds, in a fixed order.</summary>
internal sealed record OutputFile(string HintName, EquatableArray<GeneratedPart> Parts)
{
    /// <summary>The file's text: a part is a whole compilation unit (no using directives), so parts concatenate.</summary>
    public string Text()
    {
        if (Parts.Count == 1) return Parts[0].Text;
        int length = 0;
        foreach (GeneratedPart p in Parts) length += p.Text.Length + 1;
        var sb = new StringBuilder(length);
        foreach (GeneratedPart p in Parts)
        {
            if (sb.Length > 0) sb.Append('\n');
            sb.Append(p.Text);
        }
        return sb.ToString();
    }
}

/// <summary>
/// Decides which parts go to which file. Up to <c>maxFiles</c> parts, each part is its own file (a
/// reader finds a type by its name). Beyond that the parts are grouped into <c>maxFiles</c> files by
/// a stable hash of their hint names: Roslyn's driver does work per generated file on every run,
/// even when nothing changed, and that work grows with the square of the file count (measured: 8,000
/// outputs cost 0.5 s per C# keystroke, 20,000 cost 2.7 s). A part's file depends only on its own
/// name, so adding a schema moves no other type to another file.
/// </summary>
internal static class OutputFiles
{
    public static EquatableArray<OutputFile> Group(ImmutableArray<GeneratedPart> parts, int maxFiles)
    {
        if (parts.Length <= maxFiles)
        {
            var single = new OutputFile[parts.Length];
            for (int i = 0; i < parts.Length; i++) single[i] = new OutputFile(parts[i].HintName, new[] { parts[i] }.ToEquatableArray());
            return single.ToEquatableArray();
        }
        var buckets = new List<GeneratedPart>?[maxFiles];
        foreach (GeneratedPart part in parts)
        {
            int b = (int)(part.Bucket % (uint)maxFiles);
            (buckets[b] ??= new List<GeneratedPart>()).Add(part);
        }
        var files = new List<OutputFile>(maxFiles);
        int digits = (maxFiles - 1).ToString(CultureInfo.InvariantCulture).Length;
        for (int b = 0; b < maxFiles; b++)
        {
            if (buckets[b] is not { } list) continue;
            // Hint names are unique ignoring case, so this order is total and the same on every run.
            list.Sort(static (x, y) => string.CompareOrdinal(x.HintName, y.HintName));
            files.Add(new OutputFile("HppSchemaGen.Files." + b.ToString(CultureInfo.InvariantCulture).PadLeft(digits, '0') + ".g.cs", list.ToEquatableArray()));
        }
        return files.ToEquatableArray();
    }
}
