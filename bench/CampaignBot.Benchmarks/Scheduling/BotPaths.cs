namespace CampaignBot.Benchmarks.Scheduling;

/// <summary>Where the built bot is, for scenarios that run it as a real process.</summary>
internal static class BotPaths
{
    // bench/CampaignBot.Benchmarks/bin/<configuration>/<tfm>/ → the repository root, and the host built beside it.
    public static string RepositoryRoot => Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", ".."));

    public static string BotAssembly
    {
        get
        {
            var output = new DirectoryInfo(AppContext.BaseDirectory);
            return Path.Combine(RepositoryRoot, "src", "CampaignBot", "bin", output.Parent!.Name, output.Name, "CampaignBot.dll");
        }
    }
}
