namespace CampaignBot.Core.Domain;

/// <summary>
/// A place messages can be posted: a Discord channel, the bot's Mastodon timeline, the terminal. With
/// <paramref name="Direct"/>, <paramref name="Id"/> is a person's id on the platform and the message goes to them
/// privately (a Discord DM, a Mastodon direct mention).
/// </summary>
public sealed record Destination(Platform Platform, string Id, string? Name = null, bool Direct = false)
{
    public static Destination ToPerson(Person person) => new(person.Platform, person.Id, person.DisplayName, Direct: true);

    public override string ToString() => Name is { Length: > 0 } ? $"{PlatformNames.Of(Platform)}:{Name}" : $"{PlatformNames.Of(Platform)}:{Id}";
}
