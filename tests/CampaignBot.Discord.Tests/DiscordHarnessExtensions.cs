using System.Text.Json.Nodes;
using CampaignBot.Testing.Discord;

namespace CampaignBot.Discord.Tests;

internal static class DiscordHarnessExtensions
{
    public const string Callback = "POST /interactions/{interaction_id}/{interaction_token}/callback";
    public const string EditOriginal = "PATCH /webhooks/{webhook_id}/{webhook_token}/messages/@original";
    public const string DeleteOriginal = "DELETE /webhooks/{webhook_id}/{webhook_token}/messages/@original";
    public const string Followup = "POST /webhooks/{webhook_id}/{webhook_token}";
    public const string CreateMessage = "POST /channels/{channel_id}/messages";
    public const string EditMessage = "PATCH /channels/{channel_id}/messages/{message_id}";

    /// <summary>Sends the interaction over the gateway and returns the bot's callback for it.</summary>
    public static async Task<RecordedRequest> InteractAsync(this DiscordHarness harness, JsonObject interaction)
    {
        var id = InteractionPayloads.Id(interaction);
        await harness.Server.SendInteractionAsync(interaction);
        return await harness.Server.Requests.WaitAsync(r => r.Route == Callback && r.Parameters["interaction_id"] == id, TimeSpan.FromSeconds(5), $"callback for {id}");
    }

    /// <summary>The reply's text: its content, else its embed's title and description.</summary>
    public static string Text(this JsonNode? data) =>
        data?["content"]?.GetValue<string>()
        ?? string.Join('\n', (data?["embeds"]?.AsArray() ?? []).Select(e => $"{e?["title"]}\n{e?["description"]}"));

    public static bool IsEphemeral(this JsonNode? data) => ((data?["flags"]?.GetValue<int>() ?? 0) & 64) != 0;
}
