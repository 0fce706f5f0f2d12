namespace CampaignBot.Tests;

/// <summary>The checkout's root (where CampaignBot.sln is): the bot runs from there, as documented.</summary>
internal static class RepositoryRoot
{
    public static string Path { get; } = Find();

    public static string File(string relative) => System.IO.Path.Combine(Path, relative);

    private static string Find()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (System.IO.File.Exists(System.IO.Path.Combine(directory.FullName, "CampaignBot.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("CampaignBot.sln not found above the test binaries.");
    }
}
