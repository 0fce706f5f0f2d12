using CampaignBot.Commands.Routing;
using CampaignBot.Core.Boosting;
using CampaignBot.Core.Campaign;
using CampaignBot.Core.Ports;
using CampaignBot.Core.Results;

namespace CampaignBot.Commands.Modules;

/// <summary>
/// <c>boost pause|resume|status</c>. The switch is stored, so it holds across restarts; the Mastodon adapter
/// reads it before boosting (caching it for a second; the pause listeners hear of a change here at once) and reports
/// its counts through its status source.
/// </summary>
public sealed class BoostCommands(CampaignState campaign, IEnumerable<IStatusSource> statusSources) : ICommandModule
{
    public void Register(CommandTable table)
    {
        table.Add("boost pause", (request, ct) => SetPausedAsync(paused: true, ct));
        table.Add("boost resume", (request, ct) => SetPausedAsync(paused: false, ct));
        table.Add("boost status", StatusAsync);
    }

    private async Task<Result<Reply>> SetPausedAsync(bool paused, CancellationToken cancellationToken)
    {
        var wasPaused = await campaign.BoostPausedAsync(cancellationToken).ConfigureAwait(false);
        if (wasPaused == paused)
        {
            return Reply.Text(paused ? "Auto-boost is already paused." : "Auto-boost is already running.", isPrivate: true);
        }

        await campaign.SetBoostPausedAsync(paused, cancellationToken).ConfigureAwait(false);
        return Reply.Text(paused ? "Auto-boost paused. boost resume turns it back on." : "Auto-boost resumed.");
    }

    private async Task<Result<Reply>> StatusAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        var paused = await campaign.BoostPausedAsync(cancellationToken).ConfigureAwait(false);
        var reply = new ReplyBuilder(BoostWords.StatusTitle).Line(paused ? "State: paused" : "State: on");
        var sources = statusSources.Where(source => source.Section == BoostWords.StatusTitle).ToArray();
        if (sources.Length == 0)
        {
            reply.Line("Nothing is boosted yet: the Mastodon adapter is not configured (set Mastodon:InstanceUrl and Mastodon:AccessToken).");
        }

        foreach (var source in sources)
        {
            foreach (var line in await source.DescribeAsync(cancellationToken).ConfigureAwait(false))
            {
                reply.Line(line);
            }
        }

        return reply.Build();
    }
}
