namespace CampaignBot.Tests;

/// <summary>A SQLite file path in a fresh temporary directory, removed afterwards.</summary>
internal sealed class TempDatabase : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("campaignbot-test-").FullName;

    public string Path => System.IO.Path.Combine(_directory, "bot.db");

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
