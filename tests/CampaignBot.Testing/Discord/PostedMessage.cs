using System.Text.Json.Nodes;

namespace CampaignBot.Testing.Discord;

/// <summary>A message the fake accepted into a channel (after nonce de-duplication).</summary>
public sealed record PostedMessage(string ChannelId, string Id, JsonNode Body)
{
    public string? Content => Body["content"]?.GetValue<string>();
}
