namespace CampaignBot.Discord.Json;

internal sealed record AutocompleteChoices(IReadOnlyList<CommandChoice> Choices);
