namespace CampaignBot.Discord.Interactions;

internal static class CallbackType
{
    public const int ChannelMessage = 4;
    public const int DeferredChannelMessage = 5;
    public const int DeferredUpdateMessage = 6;
    public const int AutocompleteResult = 8;
}
