using System.Globalization;
using CampaignBot.Commands.Routing;
using CampaignBot.Commands.Services;
using CampaignBot.Core.Boosting;
using CampaignBot.Core.Campaign;
using CampaignBot.Core.Ports;
using CampaignBot.Core.Results;

namespace CampaignBot.Commands.Modules;

/// <summary><c>status</c>: the campaign's numbers, then a section from every adapter and job.</summary>
public sealed class StatusCommands(ICampaignStore store, CampaignState campaign, IEnumerable<IStatusSource> sources, TimeProvider clock) : ICommandModule
{
    private readonly DateTimeOffset _started = clock.GetUtcNow();

    public void Register(CommandTable table) => table.Add("status", StatusAsync);

    private async Task<Result<Reply>> StatusAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var stats = await store.GetStatsAsync(now, cancellationToken).ConfigureAwait(false);
        var hashtags = await campaign.HashtagsAsync(cancellationToken).ConfigureAwait(false);
        var reply = new ReplyBuilder($"{await campaign.NameAsync(cancellationToken).ConfigureAwait(false)} — status")
            .Line($"Up for {Uptime(now - _started)} · time zone {await campaign.TimeZoneAsync(cancellationToken).ConfigureAwait(false)}")
            .Line($"Events: {stats.UpcomingEvents} upcoming, {stats.PastEvents} past, {stats.CancelledEvents} cancelled · {stats.Rsvps} RSVPs")
            .Line($"Personal reminders: {stats.PersonalReminders} · subscribed channels: {stats.Subscriptions}")
            .Line($"Hashtags: {(hashtags.Count == 0 ? "none" : string.Join(' ', hashtags.Select(tag => $"#{tag}")))}");
        foreach (var source in sources.Where(source => source.Section != BoostWords.StatusTitle))
        {
            var lines = await source.DescribeAsync(cancellationToken).ConfigureAwait(false);
            reply.Line($"{source.Section}: {(lines.Count == 0 ? "ok" : lines[0])}");
            foreach (var line in lines.Skip(1))
            {
                reply.Line($"  {line}");
            }
        }

        return reply.Build();
    }

    private static string Uptime(TimeSpan span) => span.TotalDays >= 1
        ? string.Create(CultureInfo.InvariantCulture, $"{(int)span.TotalDays}d {span.Hours}h")
        : span.TotalHours >= 1
            ? string.Create(CultureInfo.InvariantCulture, $"{(int)span.TotalHours}h {span.Minutes}m")
            : string.Create(CultureInfo.InvariantCulture, $"{(int)span.TotalMinutes}m {span.Seconds}s");
}
