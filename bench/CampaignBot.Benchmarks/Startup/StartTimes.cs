namespace CampaignBot.Benchmarks.Startup;

/// <summary>One start of the bot, in milliseconds from process start (CPU: the bot's user + system time until ready; boosts: from the post to its reblog request).</summary>
internal sealed record StartTimes(double Shell, double Identify, double Stream, double Ready, double CpuToReady, double FirstBoost, double SecondBoost, double PeakRssMb);
