namespace CampaignBot.Benchmarks.Web;

/// <summary>One path's figures from the client process (one JSON line each), with that process's peak RSS so far.</summary>
internal sealed record PathFigures(string Path, int Requests, double Seconds, double P50Ms, double P99Ms, int NonOk, double ClientsPeakRssMb);
