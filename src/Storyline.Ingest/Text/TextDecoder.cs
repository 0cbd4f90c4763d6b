using System.Text;

namespace Storyline.Ingest.Text;

/// <summary>
/// Bytes to text, strictly: a byte-order mark wins; otherwise UTF-8, and invalid UTF-8 is reported with the byte
/// offset rather than silently replaced (a replaced character would shift every offset after it).
/// </summary>
public static class TextDecoder
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    static TextDecoder() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>Decodes <paramref name="bytes"/>; <paramref name="declared"/> is an encoding the container named
    /// (an HTML <c>meta charset</c>, an XML declaration), used when there is no BOM.</summary>
    public static bool TryDecode(ReadOnlySpan<byte> bytes, string? declared, out string text, out string? error)
    {
        error = null;
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            return TryStrict(StrictUtf8, bytes[3..], 3, out text, out error);
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            return TryStrict(new UnicodeEncoding(bigEndian: false, byteOrderMark: false, throwOnInvalidBytes: true), bytes[2..], 2, out text, out error);
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return TryStrict(new UnicodeEncoding(bigEndian: true, byteOrderMark: false, throwOnInvalidBytes: true), bytes[2..], 2, out text, out error);
        }

        if (declared is not null && !IsUtf8Name(declared))
        {
            Encoding? encoding = null;
            try
            {
                encoding = Encoding.GetEncoding(declared.Trim(), EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
            }
            catch (ArgumentException)
            {
                // An unknown charset name: fall through to UTF-8, which most such pages really are.
            }

            if (encoding is not null)
            {
                return TryStrict(encoding, bytes, 0, out text, out error);
            }
        }

        return TryStrict(StrictUtf8, bytes, 0, out text, out error);
    }

    /// <summary>True when the bytes look like a binary file rather than text: NUL bytes in the first 8 KiB
    /// (text in UTF-16 is recognised by its BOM before this is asked).</summary>
    public static bool LooksBinary(ReadOnlySpan<byte> bytes) =>
        !bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) && !bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF])
        && bytes[..Math.Min(bytes.Length, 8192)].Contains((byte)0);

    private static bool IsUtf8Name(string name) =>
        name.Trim().Equals("utf-8", StringComparison.OrdinalIgnoreCase) || name.Trim().Equals("utf8", StringComparison.OrdinalIgnoreCase);

    private static bool TryStrict(Encoding encoding, ReadOnlySpan<byte> bytes, int offset, out string text, out string? error)
    {
        try
        {
            text = encoding.GetString(bytes);
            error = null;
            return true;
        }
        catch (DecoderFallbackException ex)
        {
            text = string.Empty;
            var at = ex.Index >= 0 ? FindInvalidOffset(encoding, bytes) : -1;
            error = at >= 0
                ? $"not valid {encoding.WebName} at byte {at + offset}"
                : $"not valid {encoding.WebName}";
            return false;
        }
    }

    // DecoderFallbackException.Index is relative to the decoder's internal buffer, so find the offset ourselves.
    private static int FindInvalidOffset(Encoding encoding, ReadOnlySpan<byte> bytes)
    {
        if (encoding is not UTF8Encoding)
        {
            return -1;
        }

        var status = System.Text.Unicode.Utf8.ToUtf16(bytes, new char[bytes.Length], out var read, out _, replaceInvalidSequences: false);
        return status == System.Buffers.OperationStatus.InvalidData || status == System.Buffers.OperationStatus.NeedMoreData ? read : -1;
    }
}
