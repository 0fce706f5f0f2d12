namespace CampaignBot.Core.Ports;

/// <summary>A part's state: ready or not, and in a few words why (<c>connected</c>, <c>reconnecting (…)</c>, <c>stopped: …</c>).</summary>
public sealed record Readiness(bool Ready, string State)
{
    public static Readiness Up(string state) => new(true, state);

    public static Readiness Down(string state) => new(false, state);
}
