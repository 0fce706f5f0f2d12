using CampaignBot.Core.Results;
using CampaignBot.Discord.Json;

namespace CampaignBot.Discord.Rendering;

/// <summary>
/// Turns a <see cref="Reply"/> into Discord messages: an embed when it has a title and several lines (event info,
/// lists), plain content otherwise; within Discord's limits (content 2000, embed title 256, description 4096).
/// </summary>
internal static class MessageRenderer
{
    public const int ContentLimit = 2000;
    public const int TitleLimit = 256;
    public const int DescriptionLimit = 4096;
    public const int Colour = 0xC8102E;

    /// <summary>As many messages as the reply needs, none over a limit (channel posts); an event card's buttons go on the first.</summary>
    public static IReadOnlyList<MessageBody> RenderAll(Reply reply)
    {
        var parts = RenderParts(reply);
        return reply.Actions is { } actions ? [parts[0] with { Components = CardButtons.For(actions) }, .. parts.Skip(1)] : parts;
    }

    private static IReadOnlyList<MessageBody> RenderParts(Reply reply)
    {
        var lines = reply.Lines.Select(DiscordMarkup.Line).ToList();
        if (UsesEmbed(reply))
        {
            var title = TextChunks.Truncate(DiscordMarkup.Defuse(reply.Title!), TitleLimit);
            return [.. TextChunks.Pack(lines, DescriptionLimit).Select((chunk, i) => EmbedMessage(i == 0 ? title : null, chunk))];
        }

        var text = reply.Title is { Length: > 0 } heading ? lines.Prepend($"**{DiscordMarkup.Defuse(heading)}**") : lines;
        var chunks = TextChunks.Pack(text, ContentLimit);
        return chunks.Count == 0 ? [new MessageBody { Content = "(empty)" }] : [.. chunks.Select(chunk => new MessageBody { Content = chunk })];
    }

    /// <summary>One message (interaction replies, card edits): long content moves into an embed, and past that is truncated.</summary>
    public static MessageBody RenderOne(Reply reply)
    {
        var body = RenderSingle(reply);
        return reply.Actions is { } actions ? body with { Components = CardButtons.For(actions) } : body;
    }

    private static MessageBody RenderSingle(Reply reply)
    {
        var lines = reply.Lines.Select(DiscordMarkup.Line).ToList();
        var text = string.Join('\n', lines);
        if (!UsesEmbed(reply))
        {
            var content = reply.Title is { Length: > 0 } heading ? $"**{DiscordMarkup.Defuse(heading)}**\n{text}" : text;
            if (content.Length <= ContentLimit)
            {
                return new MessageBody { Content = content.Length == 0 ? "(empty)" : content };
            }
        }

        var title = reply.Title is { Length: > 0 } t ? TextChunks.Truncate(DiscordMarkup.Defuse(t), TitleLimit) : null;
        return EmbedMessage(title, TextChunks.Truncate(text, DescriptionLimit));
    }

    /// <summary>An error as the user should read it: what went wrong, then what to type instead.</summary>
    public static MessageBody RenderError(Error error)
    {
        var text = error.Hint is { Length: > 0 } hint ? $"**{DiscordMarkup.Defuse(error.Message)}**\n{DiscordMarkup.Defuse(hint)}" : $"**{DiscordMarkup.Defuse(error.Message)}**";
        return new MessageBody { Content = TextChunks.Truncate(text, ContentLimit) };
    }

    private static bool UsesEmbed(Reply reply) => reply.Title is { Length: > 0 } && reply.Lines.Count >= 2;

    private static MessageBody EmbedMessage(string? title, string description) =>
        new() { Embeds = [new Embed(title, description.Length == 0 ? null : description, Colour)] };
}
