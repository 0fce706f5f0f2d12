using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using CampaignBot.Mastodon.Rest;
using CampaignBot.Mastodon.Streaming;
using CampaignBot.Testing.Contracts;

namespace CampaignBot.Mastodon.Tests;

/// <summary>Every reference fixture goes through the parser the bot uses for it (skipped, saying why, without the reference folder).</summary>
public sealed class ReferenceFixtureTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<string> ReadAsync(string name) =>
        await File.ReadAllTextAsync(ReferenceDirectory.File($"mastodon/fixtures/{name}"), Ct);

    [Fact]
    public async Task The_status_fixture_parses_with_its_tags_mentions_and_author()
    {
        var status = JsonSerializer.Deserialize(await ReadAsync("status.json"), MastodonJsonContext.Default.MastodonStatus)!;

        Assert.False(string.IsNullOrEmpty(status.Id));
        Assert.False(string.IsNullOrEmpty(status.Uri));
        Assert.Equal(2, status.Tags.Count);
        Assert.Equal(2, status.Mentions.Count);
        Assert.False(string.IsNullOrEmpty(status.Account.Acct));
        Assert.NotEqual(default, status.CreatedAt);
    }

    [Fact]
    public async Task The_reblog_fixture_is_a_wrapper_with_the_original_inside()
    {
        var wrapper = JsonSerializer.Deserialize(await ReadAsync("status_reblog.json"), MastodonJsonContext.Default.MastodonStatus)!;

        Assert.NotNull(wrapper.Reblog);
        Assert.NotEqual(wrapper.Id, wrapper.Reblog.Id);
        Assert.True(wrapper.Account.Bot);
    }

    [Fact]
    public async Task The_mention_notification_fixture_parses_with_its_status()
    {
        var notification = JsonSerializer.Deserialize(await ReadAsync("notification_mention.json"), MastodonJsonContext.Default.MastodonNotification)!;

        Assert.Equal("mention", notification.Type);
        Assert.NotNull(notification.Status);
        Assert.NotEmpty(notification.Status.Mentions);
    }

    [Fact]
    public async Task The_credential_account_fixture_is_a_bot()
    {
        var account = JsonSerializer.Deserialize(await ReadAsync("account.json"), MastodonJsonContext.Default.MastodonAccount)!;

        Assert.True(account.Bot);
        Assert.False(string.IsNullOrEmpty(account.Id));
    }

    [Fact]
    public async Task The_tag_timeline_fixture_parses_as_a_page_of_three()
    {
        var page = JsonSerializer.Deserialize(await ReadAsync("tag_timeline_page.json"), MastodonJsonContext.Default.ListMastodonStatus)!;

        Assert.Equal(3, page.Count);
        Assert.Contains(page, s => s.Account.Bot);
        Assert.Contains(page, s => CampaignBot.Mastodon.Boost.ProfileText.OptsOut(s.Account));
        Assert.Contains(page, s => s.InReplyToId is not null);
    }

    [Fact]
    public async Task The_captured_websocket_frame_decodes_to_a_tagged_status()
    {
        var frame = (await ReadAsync("streaming_update_event.txt")).Trim();

        var streamEvent = StreamFrames.Parse(Encoding.UTF8.GetBytes(frame), out var problem);
        var status = StreamFrames.Status(streamEvent?.Payload, out var payloadProblem);

        Assert.Null(problem);
        Assert.Null(payloadProblem);
        Assert.Equal("update", streamEvent!.Event);
        Assert.Equal(["hashtag", "NotSafeNotFair"], streamEvent.Stream);
        Assert.Contains(status!.Tags, t => t.Name.Equals("notsafenotfair", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task The_captured_sse_body_holds_a_notification_an_update_and_a_delete()
    {
        var body = (await ReadAsync("streaming_sse_user.txt")).Replace("\r\n", "\n", StringComparison.Ordinal);
        var events = body.Split("\n\n", StringSplitOptions.RemoveEmptyEntries)
            .Select(block => block.Split('\n'))
            .Where(lines => lines.Any(l => l.StartsWith("event:", StringComparison.Ordinal)))
            .Select(lines => (Name: lines.First(l => l.StartsWith("event:", StringComparison.Ordinal))[6..].Trim(), Data: string.Join('\n', lines.Where(l => l.StartsWith("data:", StringComparison.Ordinal)).Select(l => l[5..].TrimStart()))))
            .ToList();

        Assert.NotNull(StreamFrames.Notification(Assert.Single(events, e => e.Name == "notification").Data, out _));
        Assert.NotNull(StreamFrames.Status(Assert.Single(events, e => e.Name == "update").Data, out _));
        Assert.False(string.IsNullOrEmpty(Assert.Single(events, e => e.Name == "delete").Data));
    }

    [Fact]
    public async Task Every_rate_limit_example_is_read_by_our_header_parser()
    {
        var exchanges = (await ReadAsync("rate_limit_headers.txt")).Split("\n---", StringSplitOptions.RemoveEmptyEntries);
        var parsed = 0;
        foreach (var exchange in exchanges)
        {
            using var response = new HttpResponseMessage();
            foreach (var line in exchange.Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.StartsWith("X-RateLimit-", StringComparison.Ordinal)))
            {
                var colon = line.IndexOf(':', StringComparison.Ordinal);
                response.Headers.TryAddWithoutValidation(line[..colon], line[(colon + 1)..].Trim());
            }

            if (!response.Headers.Contains("X-RateLimit-Reset"))
            {
                continue;
            }

            var headers = RateLimitHeaders.Parse(response.Headers);
            Assert.True(headers.Present, exchange);
            Assert.NotNull(headers.Limit);
            Assert.Equal(TimeSpan.Zero, headers.Reset!.Value.Offset);
            Assert.True(headers.Reset.Value.Year >= 2026, "the reset is an ISO timestamp, not epoch seconds");
            parsed++;
        }

        Assert.True(parsed >= 3, $"only {parsed} examples had rate-limit headers");
    }
}
