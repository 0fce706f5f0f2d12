namespace CampaignBot.Testing.Processes;

/// <summary>What a finished bot process left behind.</summary>
public sealed record BotRun(int ExitCode, string Output, string Errors);
