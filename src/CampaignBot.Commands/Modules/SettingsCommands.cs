using CampaignBot.Commands.Routing;
using CampaignBot.Commands.Services;
using CampaignBot.Core.Campaign;
using CampaignBot.Core.Ports;
using CampaignBot.Core.Results;
using CampaignBot.Core.Time;

namespace CampaignBot.Commands.Modules;

/// <summary><c>settings timezone</c>.</summary>
public sealed class SettingsCommands(CampaignState campaign, TimeProvider clock) : ICommandModule
{
    public void Register(CommandTable table) => table.Add("settings timezone", TimeZoneAsync);

    private async Task<Result<Reply>> TimeZoneAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        if (!OptionValues.Zone(request.Args.Required("zone")).TryGet(out var zone, out var error))
        {
            return error;
        }

        var previous = await campaign.TimeZoneAsync(cancellationToken).ConfigureAwait(false);
        await campaign.SetTimeZoneAsync(zone, cancellationToken).ConfigureAwait(false);
        return new ReplyBuilder()
            .Line($"Campaign time zone is now {zone} (was {previous}). It's ", new TimeFragment(clock.GetUtcNow(), zone), " there.")
            .Line("Times you type are read in it; existing events keep their own zone (event edit timezone:… changes one).")
            .Build();
    }
}
