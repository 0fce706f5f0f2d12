namespace CampaignBot.Discord.Json;

/// <summary>Interaction response type 8 with up to 25 choices.</summary>
internal sealed record AutocompleteCallback(AutocompleteChoices Data)
{
    public int Type => 8;
}
