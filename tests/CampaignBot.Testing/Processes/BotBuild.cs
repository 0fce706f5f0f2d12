namespace CampaignBot.Testing.Processes;

/// <summary>
/// Which build of the bot to run and where from: the bot as its own project built it (the default), a
/// <c>dotnet publish</c> output run with <c>dotnet</c>, or a native (ahead-of-time compiled) publish such as the Docker
/// image runs. Either way it runs from the repository root, as documented, so <c>config/</c> resolves.
/// </summary>
/// <param name="Program">The bot's <c>CampaignBot.dll</c>, or its native executable.</param>
public sealed record BotBuild(string Program, string WorkingDirectory)
{
    /// <summary>Names a publish directory that every test and bench process runs instead of the built bot.</summary>
    public const string Variable = "CAMPAIGNBOT_BOT";

    /// <summary>The checkout's root (where CampaignBot.sln is), found above the running binaries.</summary>
    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    /// <summary>
    /// <c>src/CampaignBot/bin/&lt;configuration&gt;/&lt;tfm&gt;/CampaignBot.dll</c>, the configuration and framework taken
    /// from the running test or bench binaries (their own copy is not runnable: their framework references trim
    /// assemblies the bot needs); or the publish directory <see cref="Variable"/> names.
    /// </summary>
    public static BotBuild Built { get; } = Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } directory
        ? Published(directory)
        : FromBinaries();

    /// <summary>Whether this is the native executable (run directly) rather than an assembly run by <c>dotnet</c>.</summary>
    public bool Native => !Program.EndsWith(".dll", StringComparison.Ordinal);

    /// <summary>
    /// A publish output directory, run from the repository root: its <c>CampaignBot.dll</c>, or the native
    /// <c>CampaignBot</c> executable when the directory holds no assembly (a <c>PublishAot</c> output).
    /// </summary>
    public static BotBuild Published(string directory)
    {
        var full = Path.GetFullPath(directory);
        var assembly = Path.Combine(full, "CampaignBot.dll");
        var native = Path.Combine(full, "CampaignBot");
        return File.Exists(assembly) ? new(assembly, RepositoryRoot)
            : File.Exists(native) ? new(native, RepositoryRoot)
            : throw new FileNotFoundException($"{full} holds neither CampaignBot.dll nor a native CampaignBot executable.");
    }

    public override string ToString() => Native ? $"native bot ({Program})" : $"bot assembly ({Program})";

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
