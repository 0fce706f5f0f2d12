using CampaignBot.Core.Domain;

namespace CampaignBot.Core.Ports;

/// <summary>How a broadcast went, destination by destination.</summary>
public sealed record BroadcastReport(IReadOnlyList<Destination> Delivered, IReadOnlyList<(Destination Destination, string Reason)> Failed)
{
    public static BroadcastReport Empty { get; } = new([], []);

    public int Attempted => Delivered.Count + Failed.Count;
}
