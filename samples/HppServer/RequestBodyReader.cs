using System;
using System.Buffers;
using System.IO;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace HppServer;

/// <summary>What reading a request body gave: its bytes, or why there are none.</summary>
internal enum BodyStatus { Read, Empty, TooLarge }

/// <summary>
/// Reads a request body as raw UTF-8 bytes for the generated <c>TryParse</c>, never more than
/// <see cref="MaxBytes"/>: a declared <c>Content-Length</c> above it is refused before reading, and a
/// body without one (chunked) is cut off one byte past the limit.
/// </summary>
internal static class RequestBodyReader
{
    /// <summary>
    /// 256 KiB. HPP request bodies are a few hundred bytes (the largest, a session creation request
    /// with every option, is under 4 KiB); the limit leaves ample room and keeps a hostile body from
    /// costing memory.
    /// </summary>
    public const int MaxBytes = 256 * 1024;

    public static async Task<(BodyStatus Status, byte[] Body)> Read(HttpRequest request)
    {
        if (request.ContentLength is long declared)
        {
            if (declared > MaxBytes) return (BodyStatus.TooLarge, Array.Empty<byte>());
            if (declared == 0) return (BodyStatus.Empty, Array.Empty<byte>());
        }
        byte[] rented = ArrayPool<byte>.Shared.Rent(MaxBytes + 1);
        try
        {
            int total = 0;
            while (total <= MaxBytes)
            {
                int read = await request.Body.ReadAsync(rented.AsMemory(total, MaxBytes + 1 - total), request.HttpContext.RequestAborted);
                if (read == 0) break;
                total += read;
            }
            if (total > MaxBytes) return (BodyStatus.TooLarge, Array.Empty<byte>());
            ReadOnlySpan<byte> body = rented.AsSpan(0, total);
            // RFC 8259 section 8.1: a parser may ignore a byte order mark; System.Text.Json's reader does not.
            if (body.StartsWith("\uFEFF"u8)) body = body.Slice(3);
            if (IsBlank(body)) return (BodyStatus.Empty, Array.Empty<byte>());
            return (BodyStatus.Read, body.ToArray());
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    /// <summary>Only JSON whitespace: as empty as no body at all, and told apart from malformed JSON.</summary>
    private static bool IsBlank(ReadOnlySpan<byte> body)
    {
        foreach (byte b in body)
        {
            if (b is not ((byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')) return false;
        }
        return true;
    }
}
