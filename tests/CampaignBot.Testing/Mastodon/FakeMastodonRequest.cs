namespace CampaignBot.Testing.Mastodon;

/// <summary>A REST request the fake received: the spec's route template, the concrete path and query, and the answer's status.</summary>
public sealed record FakeMastodonRequest(string Method, string Template, string Path, string Query, int Status)
{
    public string Route => $"{Method} {Template}";
}
