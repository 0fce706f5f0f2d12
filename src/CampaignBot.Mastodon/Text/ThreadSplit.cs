using System.Text;

namespace CampaignBot.Mastodon.Text;

/// <summary>
/// Splits text into pieces that each count at most the room given (Mastodon's count, see <see cref="StatusLength"/>):
/// whole lines where they fit, a long line at spaces, and only a word longer than a whole status by characters.
/// </summary>
internal static class ThreadSplit
{
    public static List<string> Split(string text, int firstRoom, int laterRoom, int urlLength)
    {
        var pieces = new List<string>();
        var current = new StringBuilder();
        int Room() => pieces.Count == 0 ? firstRoom : laterRoom;

        void Flush()
        {
            var piece = current.ToString().Trim();
            if (piece.Length > 0)
            {
                pieces.Add(piece);
            }

            current.Clear();
        }

        void Add(string unit, char separator)
        {
            var candidate = current.Length == 0 ? unit : $"{current}{separator}{unit}";
            if (StatusLength.Count(candidate.Trim(), urlLength) <= Room())
            {
                current.Clear().Append(candidate);
                return;
            }

            Flush();
            if (StatusLength.Count(unit.Trim(), urlLength) <= Room())
            {
                current.Append(unit);
                return;
            }

            if (separator == '\n' && unit.Contains(' ', StringComparison.Ordinal))
            {
                foreach (var word in unit.Split(' '))
                {
                    Add(word, ' ');
                }

                return;
            }

            foreach (var part in ByCharacters(unit, Room(), urlLength))
            {
                current.Append(part);
                Flush();
            }
        }

        foreach (var line in text.Split('\n'))
        {
            Add(line, '\n');
        }

        Flush();
        return pieces;
    }

    private static IEnumerable<string> ByCharacters(string word, int room, int urlLength)
    {
        var piece = new StringBuilder();
        foreach (var rune in word.EnumerateRunes())
        {
            if (piece.Length > 0 && StatusLength.Count(piece.ToString() + rune, urlLength) > room)
            {
                yield return piece.ToString();
                piece.Clear();
            }

            piece.Append(rune.ToString());
        }

        if (piece.Length > 0)
        {
            yield return piece.ToString();
        }
    }
}
