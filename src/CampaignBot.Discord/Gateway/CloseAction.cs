namespace CampaignBot.Discord.Gateway;

/// <summary>What a gateway close code asks of the client.</summary>
internal enum CloseAction
{
    Resume,
    NewSession,
    Fatal,
}
