namespace CampaignBot.Tests;

/// <summary>The checkout's root (where CampaignBot.sln is): the bot runs from there, as documented.</summary>
internal static class RepositoryRoot
{
    public static string Path => BotBuild.RepositoryRoot;

    public static string File(string relative) => System.IO.Path.Combine(Path, relative);
}
