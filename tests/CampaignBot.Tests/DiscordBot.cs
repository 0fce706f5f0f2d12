using CampaignBot.Testing.Discord;

namespace CampaignBot.Tests;

/// <summary>The built bot pointed at a <see cref="FakeDiscordServer"/>: no seed, no shell, commands in the fake's guild.</summary>
internal static class DiscordBot
{
    public static BotProcess Start(string database, FakeDiscordServer discord, params string[] settings) =>
        BotProcess.Start(
            database,
            [
                "--Campaign:SeedFile=",
                "--Shell:Enabled=false",
                $"--Discord:Token={discord.Token}",
                $"--Discord:ApplicationId={FakeDiscordServer.ApplicationId}",
                $"--Discord:ApiBaseUrl={discord.ApiBaseUrl}",
                $"--Discord:GuildIds:0={FakeDiscordServer.GuildId}",
                .. settings,
            ]);
}
