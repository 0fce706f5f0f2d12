using CampaignBot.Core.Results;
using CampaignBot.Discord.Rendering;

namespace CampaignBot.Discord.Tests;

public sealed class RenderingTests
{
    [Fact]
    public void Instants_render_as_discord_timestamps()
    {
        var at = new DateTimeOffset(2026, 12, 5, 12, 0, 0, TimeSpan.Zero);

        Assert.Equal($"<t:{at.ToUnixTimeSeconds()}:F>", DiscordMarkup.Render(new TimeFragment(at, "Europe/London")));
        Assert.Equal($"<t:{at.ToUnixTimeSeconds()}:F> (<t:{at.ToUnixTimeSeconds()}:R>)", DiscordMarkup.Render(new TimeFragment(at, "Europe/London", Relative: true)));
    }

    [Fact]
    public void Titled_replies_with_several_lines_become_embeds_and_short_ones_content()
    {
        var list = new ReplyBuilder("Upcoming actions").Line("#1 March").Line("#2 Strike").Build();
        var single = Reply.Text("Done.");

        var embed = MessageRenderer.RenderOne(list);
        var content = MessageRenderer.RenderOne(single);

        Assert.Equal("Upcoming actions", embed.Embeds![0].Title);
        Assert.Equal("#1 March\n#2 Strike", embed.Embeds[0].Description);
        Assert.Null(embed.Content);
        Assert.Equal("Done.", content.Content);
    }

    [Fact]
    public void Over_long_interaction_reply_moves_into_an_embed_and_is_truncated_cleanly()
    {
        var lines = Enumerable.Range(0, 300).Select(i => (IReadOnlyList<Fragment>)[$"line {i} " + new string('z', 30)]).ToList();

        var body = MessageRenderer.RenderOne(new Reply(null, lines));

        var description = body.Embeds![0].Description!;
        Assert.InRange(description.Length, 4000, 4096);
        Assert.EndsWith("…", description, StringComparison.Ordinal);
        Assert.DoesNotContain("\n…", description, StringComparison.Ordinal);
    }

    [Fact]
    public void Errors_say_what_went_wrong_then_what_to_type()
    {
        var body = MessageRenderer.RenderError(Error.BadInput("Unknown time zone \"Mars\".", "Use an IANA name such as Europe/London."));

        Assert.Equal("**Unknown time zone \"Mars\".**\nUse an IANA name such as Europe/London.", body.Content);
    }

    [Theory]
    [InlineData("tell @everyone", "tell @\u200Beveryone")]
    [InlineData("@here now", "@\u200Bhere now")]
    [InlineData("mail me@example.org", "mail me@example.org")]
    public void Mass_mentions_in_user_text_are_defused(string text, string expected) =>
        Assert.Equal(expected, DiscordMarkup.Defuse(text));

    [Fact]
    public void Chunks_break_between_lines_then_at_spaces()
    {
        var chunks = TextChunks.Pack(["short line", new string('a', 15) + " " + new string('b', 15), "end"], 20);

        Assert.All(chunks, c => Assert.InRange(c.Length, 1, 20));
        Assert.Equal("short line", chunks[0]);
        Assert.Equal(new string('a', 15), chunks[1]);
    }
}
