namespace CampaignBot.ArchitectureTests;

/// <summary>The checkout's root (where CampaignBot.sln is), found from the test binaries.</summary>
internal static class RepositoryRoot
{
    public static string Path { get; } = Find();

    private static string Find()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(directory.FullName, "CampaignBot.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("CampaignBot.sln not found above the test binaries.");
    }
}
