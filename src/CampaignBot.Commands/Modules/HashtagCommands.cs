using CampaignBot.Commands.Routing;
using CampaignBot.Commands.Services;
using CampaignBot.Core.Campaign;
using CampaignBot.Core.Domain;
using CampaignBot.Core.Ports;
using CampaignBot.Core.Results;
using CampaignBot.Core.Scheduling;

namespace CampaignBot.Commands.Modules;

/// <summary><c>hashtag track|untrack|list|stats</c>.</summary>
public sealed class HashtagCommands(CampaignState campaign, IHashtagCounts counts, TimeProvider clock) : ICommandModule
{
    public void Register(CommandTable table)
    {
        table.Add("hashtag track", TrackAsync);
        table.Add("hashtag untrack", UntrackAsync);
        table.Add("hashtag list", ListAsync);
        table.Add("hashtag stats", StatsAsync);
    }

    private async Task<Result<Reply>> TrackAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        if (!OptionValues.Hashtag(request.Args.Required("tag")).TryGet(out var tag, out var error))
        {
            return error;
        }

        var tracked = await campaign.HashtagsAsync(cancellationToken).ConfigureAwait(false);
        if (tracked.Contains(tag, StringComparer.OrdinalIgnoreCase))
        {
            return Reply.Text($"#{tag} is already tracked.", isPrivate: true);
        }

        await campaign.RecordHashtagChangeAsync(new HashtagChange(tag, Tracked: true, request.Context.Invoker, clock.GetUtcNow()), cancellationToken).ConfigureAwait(false);
        return Reply.Text($"Now tracking #{tag} ({tracked.Count + 1} hashtags tracked).");
    }

    private async Task<Result<Reply>> UntrackAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        if (!OptionValues.Hashtag(request.Args.Required("tag")).TryGet(out var tag, out var error))
        {
            return error;
        }

        var tracked = await campaign.HashtagsAsync(cancellationToken).ConfigureAwait(false);
        if (!tracked.Contains(tag, StringComparer.OrdinalIgnoreCase))
        {
            return Error.NotFound($"#{tag} isn't tracked.", tracked.Count == 0 ? "No hashtags are tracked." : $"Tracked: {Format(tracked)}.");
        }

        await campaign.RecordHashtagChangeAsync(new HashtagChange(tag, Tracked: false, request.Context.Invoker, clock.GetUtcNow()), cancellationToken).ConfigureAwait(false);
        return Reply.Text($"Stopped tracking #{tag}. Its counts so far are kept.");
    }

    private async Task<Result<Reply>> ListAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        var tracked = await campaign.HashtagsAsync(cancellationToken).ConfigureAwait(false);
        if (tracked.Count == 0)
        {
            return Reply.Text("No hashtags are tracked. Organisers add one with hashtag track <tag>.");
        }

        var configured = new HashSet<string>(campaign.ConfiguredHashtags, StringComparer.OrdinalIgnoreCase);
        var reply = new ReplyBuilder($"Tracked hashtags ({tracked.Count})");
        foreach (var tag in tracked)
        {
            reply.Line($"#{tag}{(configured.Contains(tag) ? string.Empty : " (added)")}");
        }

        return reply.Build();
    }

    private async Task<Result<Reply>> StatsAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        if (!OptionValues.Hashtag(request.Args.Required("tag")).TryGet(out var tag, out var error))
        {
            return error;
        }

        var tracked = await campaign.HashtagsAsync(cancellationToken).ConfigureAwait(false);
        if (!tracked.Contains(tag, StringComparer.OrdinalIgnoreCase))
        {
            return Error.NotFound($"#{tag} isn't tracked, so it has no counts.", $"Organisers can start with hashtag track {tag}.");
        }

        var days = (int)(request.Args.Integer("days") ?? 7);
        var now = clock.GetUtcNow();
        var end = new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, 0, 0, TimeSpan.Zero).AddHours(1);
        var period = TimeSpan.FromDays(days);
        var current = await counts.HourlyAsync(tag, end - period, end, cancellationToken).ConfigureAwait(false);
        var previous = await counts.HourlyAsync(tag, end - period - period, end - period, cancellationToken).ConfigureAwait(false);
        var zone = await campaign.TimeZoneAsync(cancellationToken).ConfigureAwait(false);
        return HashtagStatsText.Render(tracked.First(t => string.Equals(t, tag, StringComparison.OrdinalIgnoreCase)), days, zone, now, current, previous);
    }

    private static string Format(IEnumerable<string> tags) => string.Join(' ', tags.Select(tag => $"#{tag}"));
}
