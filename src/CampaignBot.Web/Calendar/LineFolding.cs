using System.Buffers;
using System.Text;

namespace CampaignBot.Web.Calendar;

/// <summary>
/// RFC 5545 §3.1 line folding, by octets of UTF-8 and only between characters. Ical.Net folds by UTF-16 units and
/// splits an emoji's surrogate pair across a fold, which UTF-8 can't encode: both halves became U+FFFD, so a title
/// with emoji reached calendars with replacement marks in it. The serializer's folds are undone and redone here.
/// </summary>
internal static class LineFolding
{
    public const int MaxOctets = 75;

    private const string Crlf = "\r\n";

    public static byte[] ToUtf8(string serialized)
    {
        // A fold is CRLF and one space or tab; TEXT values escape their own line breaks, so nothing else looks like one.
        var unfolded = serialized.Replace("\r\n ", "", StringComparison.Ordinal).Replace("\r\n\t", "", StringComparison.Ordinal);
        var output = new ArrayBufferWriter<byte>(unfolded.Length + unfolded.Length / 8);
        Span<byte> encoded = stackalloc byte[4];
        foreach (var line in unfolded.Split(Crlf))
        {
            if (line.Length == 0)
            {
                continue;
            }

            var octets = 0;
            foreach (var rune in line.EnumerateRunes())
            {
                var size = rune.EncodeToUtf8(encoded);
                if (octets + size > MaxOctets)
                {
                    Write(output, "\r\n "u8);
                    octets = 1;
                }

                Write(output, encoded[..size]);
                octets += size;
            }

            Write(output, "\r\n"u8);
        }

        return output.WrittenSpan.ToArray();
    }

    private static void Write(ArrayBufferWriter<byte> output, ReadOnlySpan<byte> bytes)
    {
        bytes.CopyTo(output.GetSpan(bytes.Length));
        output.Advance(bytes.Length);
    }
}
