namespace CampaignBot.Discord.Gateway;

/// <summary>Why a shard stopped for good: a fatal close code (with its meaning), or shutdown.</summary>
internal sealed record GatewayStop(int? CloseCode, string Reason)
{
    public bool Fatal => CloseCode is not null;

    public static GatewayStop Shutdown { get; } = new(null, "shut down");
}
