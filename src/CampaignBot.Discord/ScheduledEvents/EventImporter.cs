using System.Globalization;
using System.Text.Json;
using CampaignBot.Core.Background;
using CampaignBot.Core.Domain;
using CampaignBot.Core.Invocation;
using CampaignBot.Core.Ports;
using CampaignBot.Discord.Gateway;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CampaignBot.Discord.ScheduledEvents;

/// <summary>
/// An event a member made in Discord's own Events UI (Discord lets only members with Create Events do that) becomes
/// an action, through <c>event create</c> as its creator: its kind from a leading kind word in its name, else meeting;
/// default reminders; a card in subscribed channels. The mirror adopts the Discord event instead of making a second
/// one; the bot's own events are never imported.
/// </summary>
internal sealed class EventImporter(
    ScheduledEventMirror mirror,
    ICommandRouter router,
    IOptions<DiscordOptions> options,
    BackgroundWork work,
    ILogger<EventImporter> logger) : IDispatchSink
{
    public const string Created = "GUILD_SCHEDULED_EVENT_CREATE";

    public bool Wants(string type) => type == Created && options.Value.ScheduledEvents;

    public void Post(GatewayDispatch dispatch) => work.Start("Discord: importing a scheduled event", _ => RunAsync(dispatch.Data), CancellationToken.None);

    private async Task RunAsync(JsonElement data)
    {
        if (Text(data, "id") is not { } scheduledId || Text(data, "guild_id") is not { } guild || Text(data, "name") is not { Length: > 0 } name
            || Text(data, "scheduled_start_time") is not { } start || Text(data, "creator_id") is not { } creator
            || creator == options.Value.ApplicationId || ScheduledEventText.ActionId(Text(data, "description")) is not null)
        {
            return;
        }

        var values = new Dictionary<string, string>
        {
            ["kind"] = EventKinds.Name(KindOf(name)),
            ["title"] = name.Length <= 100 ? name : name[..100],
            ["when"] = start,
        };
        Add(values, "ends", Text(data, "scheduled_end_time"));
        Add(values, "description", Text(data, "description"));
        Add(values, "location", data.TryGetProperty("entity_metadata", out var metadata) && metadata.ValueKind == JsonValueKind.Object ? Text(metadata, "location") : null);
        var person = new Person(Platform.Discord, creator, data.TryGetProperty("creator", out var c) && c.ValueKind == JsonValueKind.Object ? Text(c, "global_name") ?? Text(c, "username") ?? creator : creator);

        using var adopting = mirror.Adopt(guild, scheduledId);
        var result = await router.HandleAsync(new CommandInvocation(["event", "create"], values, new CommandContext(person, null, IsOrganiser: true, RequestId: $"discord:scheduled-event:{scheduledId}")), CancellationToken.None).ConfigureAwait(false);
        if (!result.IsSuccess)
        {
            Log.ImportRefused(logger, scheduledId, result.Error.Message);
        }
    }

    private static EventKind KindOf(string name)
    {
        var first = name.TrimStart().Split([' ', ':', '-', ','], 2)[0];
        return EventKinds.TryParse(first, out var kind) ? kind : EventKind.Meeting;
    }

    private static void Add(Dictionary<string, string> values, string name, string? value)
    {
        if (value is { Length: > 0 })
        {
            values[name] = value;
        }
    }

    private static string? Text(JsonElement data, string name) => DispatchFields.Text(data, name);
}
