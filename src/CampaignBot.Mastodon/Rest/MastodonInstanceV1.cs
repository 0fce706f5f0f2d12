namespace CampaignBot.Mastodon.Rest;

/// <summary>
/// The parts of <c>GET /api/v1/instance</c> the bot uses, for servers without <c>/api/v2/instance</c> (snac, older
/// Mastodon, Akkoma): the domain is <c>uri</c>, the streaming host <c>urls.streaming_api</c>, and the limit
/// <c>configuration.statuses.max_characters</c> (Pleroma and Akkoma: <c>max_toot_chars</c>). Missing or null fields
/// read as their defaults (see Entities.cs).
/// </summary>
public sealed record MastodonInstanceV1
{
    public string Uri { get; init => field = value ?? ""; } = "";
    public string Version { get; init => field = value ?? ""; } = "";
    public MastodonInstanceV1Urls Urls { get; init => field = value ?? new(); } = new();
    public MastodonInstanceV1Configuration Configuration { get; init => field = value ?? new(); } = new();
    public int? MaxTootChars { get; init; }

    /// <summary>The same facts in the v2 shape the adapter reads.</summary>
    public MastodonInstance ToInstance() => new()
    {
        Domain = Uri.Contains("://", StringComparison.Ordinal) && System.Uri.TryCreate(Uri, UriKind.Absolute, out var url) ? url.Authority : Uri,
        Version = Version,
        Configuration = new MastodonInstanceConfiguration
        {
            Urls = new MastodonInstanceUrls { Streaming = Urls.StreamingApi },
            Statuses = new MastodonStatusLimits
            {
                MaxCharacters = Configuration.Statuses.MaxCharacters ?? MaxTootChars ?? 500,
                CharactersReservedPerUrl = Configuration.Statuses.CharactersReservedPerUrl ?? 23,
            },
        },
    };
}

public sealed record MastodonInstanceV1Urls
{
    public string? StreamingApi { get; init; }
}

public sealed record MastodonInstanceV1Configuration
{
    public MastodonInstanceV1Statuses Statuses { get; init => field = value ?? new(); } = new();
}

public sealed record MastodonInstanceV1Statuses
{
    public int? MaxCharacters { get; init; }
    public int? CharactersReservedPerUrl { get; init; }
}
