namespace CampaignBot.Tests;

/// <summary>What a finished bot process left behind.</summary>
internal sealed record BotRun(int ExitCode, string Output, string Errors);
