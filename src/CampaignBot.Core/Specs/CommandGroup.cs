namespace CampaignBot.Core.Specs;

/// <summary>A first word that only groups subcommands (<c>event</c>, <c>hashtag</c>): a Discord command with subcommands.</summary>
public sealed record CommandGroup(string Name, string Description);
