namespace CampaignBot.Testing.Processes;

/// <summary>
/// Which build of the bot to run and where from: the bot as its own project built it (the default), or a
/// <c>dotnet publish</c> output such as the Docker image runs. Either way it runs from the repository root, as
/// documented, so <c>config/</c> resolves.
/// </summary>
public sealed record BotBuild(string Assembly, string WorkingDirectory)
{
    /// <summary>The checkout's root (where CampaignBot.sln is), found above the running binaries.</summary>
    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    /// <summary>
    /// <c>src/CampaignBot/bin/&lt;configuration&gt;/&lt;tfm&gt;/CampaignBot.dll</c>, the configuration and framework taken
    /// from the running test or bench binaries. Their own copy is not runnable: their framework references trim
    /// assemblies the bot needs.
    /// </summary>
    public static BotBuild Built { get; } = FromBinaries();

    /// <summary>A publish output directory (holding CampaignBot.dll), run from the repository root.</summary>
    public static BotBuild Published(string directory) =>
        new(Path.Combine(Path.GetFullPath(directory), "CampaignBot.dll"), RepositoryRoot);

    private static BotBuild FromBinaries()
    {
        var output = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        return new BotBuild(Path.Combine(RepositoryRoot, "src", "CampaignBot", "bin", output.Parent!.Name, output.Name, "CampaignBot.dll"), RepositoryRoot);
    }

    private static string FindRepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "CampaignBot.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("CampaignBot.sln not found above the running binaries.");
    }
}
