namespace CampaignBot.Discord.Gateway;

/// <summary>What a READY gives us to resume with, and the last sequence number seen.</summary>
internal sealed class ResumeState
{
    private long _sequence = -1;

    public string? SessionId { get; private set; }

    public Uri? ResumeUrl { get; private set; }

    public long? Sequence => Interlocked.Read(ref _sequence) is var s and >= 0 ? s : null;

    public bool CanResume => SessionId is not null && ResumeUrl is not null && Sequence is not null;

    public void Start(string sessionId, Uri resumeUrl)
    {
        SessionId = sessionId;
        ResumeUrl = resumeUrl;
    }

    public void Saw(long sequence)
    {
        long current;
        do
        {
            current = Interlocked.Read(ref _sequence);
        }
        while (sequence > current && Interlocked.CompareExchange(ref _sequence, sequence, current) != current);
    }

    public void Clear()
    {
        SessionId = null;
        ResumeUrl = null;
        Interlocked.Exchange(ref _sequence, -1);
    }
}
