using System.Text;
using CampaignBot.Core.Results;

namespace CampaignBot.Commands.Parsing;

/// <summary>
/// Splits a line into words: whitespace separates, "double" or “curly” quotes group (with \" inside),
/// and <c>name:"quoted value"</c> keeps its name.
/// </summary>
internal static class Tokenizer
{
    public static Result<IReadOnlyList<Token>> Split(string line)
    {
        var tokens = new List<Token>();
        var index = 0;
        while (true)
        {
            while (index < line.Length && char.IsWhiteSpace(line[index]))
            {
                index++;
            }

            if (index >= line.Length)
            {
                return tokens;
            }

            var start = index;
            string? name = null;
            var nameEnd = NameEnd(line, index);
            if (nameEnd > index)
            {
                name = line[index..nameEnd];
                index = nameEnd + 1;
            }

            var value = new StringBuilder();
            var quoted = false;
            while (index < line.Length && !char.IsWhiteSpace(line[index]))
            {
                if (IsOpeningQuote(line[index]))
                {
                    var close = ReadQuoted(line, index, value);
                    if (close < 0)
                    {
                        return Error.BadInput(
                            $"A quote opened at character {index + 1} is never closed.",
                            "Close it with \", e.g. title:\"Save our NHS\".");
                    }

                    quoted = true;
                    index = close + 1;
                }
                else
                {
                    value.Append(line[index++]);
                }
            }

            tokens.Add(new Token(line[start..index], name, value.ToString(), quoted));
        }
    }

    /// <summary>Index of the ':' ending a lowercase option name at <paramref name="start"/>, or -1.</summary>
    private static int NameEnd(string line, int start)
    {
        var index = start;
        while (index < line.Length && (char.IsAsciiLetterLower(line[index]) || (line[index] == '-' && index > start)))
        {
            index++;
        }

        var isName = index > start && index < line.Length && line[index] == ':'
            && !(index + 2 < line.Length && line[index + 1] == '/' && line[index + 2] == '/');
        return isName ? index : -1;
    }

    private static bool IsOpeningQuote(char c) => c is '"' or '“' or '”' or '„';

    private static bool IsClosingQuote(char c) => c is '"' or '”' or '“';

    /// <summary>Appends the quoted text to <paramref name="value"/>; returns the closing quote's index or -1.</summary>
    private static int ReadQuoted(string line, int open, StringBuilder value)
    {
        for (var index = open + 1; index < line.Length; index++)
        {
            var c = line[index];
            if (c == '\\' && index + 1 < line.Length && (line[index + 1] == '"' || line[index + 1] == '\\'))
            {
                value.Append(line[++index]);
            }
            else if (IsClosingQuote(c))
            {
                return index;
            }
            else
            {
                value.Append(c);
            }
        }

        return -1;
    }
}
