using CampaignBot.Testing.Discord;

namespace CampaignBot.Discord.Tests;

internal static class FakeDiscordServerIds
{
    public const string Application = FakeDiscordServer.ApplicationId;
}
