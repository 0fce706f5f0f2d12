using System.Text.Json;
using System.Text.Json.Serialization;

namespace CampaignBot.Mastodon.Rest;

// The Mastodon entities the bot reads, with only the fields it uses. IDs are opaque strings
// (other servers use hex or base62), never numbers; unknown fields are ignored.
// A field a server leaves out, or sends as null, reads as its default: the source-generated reader sets every init
// property it doesn't find to null, whatever its initialiser says, hence the `?? default` in each setter. A missing
// required id or account makes the entry unreadable (a JsonException), and it is skipped.

/// <summary>An account (the author of a status, or the bot itself from <c>verify_credentials</c>).</summary>
public sealed record MastodonAccount
{
    public required string Id { get; init => field = value ?? throw new JsonException("id is null"); }
    public string Username { get; init => field = value ?? ""; } = "";

    /// <summary><c>username</c> for local accounts, <c>username@domain</c> for remote ones.</summary>
    public string Acct { get; init => field = value ?? ""; } = "";

    public string? Url { get; init; }
    public string? Uri { get; init; }
    public string DisplayName { get; init => field = value ?? ""; } = "";

    /// <summary>The bio, as HTML.</summary>
    public string Note { get; init => field = value ?? ""; } = "";

    public IReadOnlyList<MastodonField> Fields { get; init => field = value ?? []; } = [];
    public bool Bot { get; init; }
    public bool Group { get; init; }
    public bool Locked { get; init; }

    /// <summary>Null where the server does not say (older or non-Mastodon servers).</summary>
    public bool? Discoverable { get; init; }

    public bool? Indexable { get; init; }
    public bool? Noindex { get; init; }
}

/// <summary>A profile field (name and HTML value).</summary>
public sealed record MastodonField
{
    public string Name { get; init => field = value ?? ""; } = "";
    public string Value { get; init => field = value ?? ""; } = "";
}

/// <summary>A status. <see cref="Reblog"/> is set when this status is a boost of another.</summary>
public sealed record MastodonStatus
{
    public required string Id { get; init => field = value ?? throw new JsonException("id is null"); }
    public string Uri { get; init => field = value ?? ""; } = "";
    public string? Url { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public required MastodonAccount Account { get; init => field = value ?? throw new JsonException("account is null"); }

    /// <summary>Sanitised HTML.</summary>
    public string Content { get; init => field = value ?? ""; } = "";

    /// <summary>
    /// <c>public</c>, <c>unlisted</c>, <c>private</c> or <c>direct</c>. Left out, it reads as <c>direct</c>, the safe
    /// side: such a post is never boosted, and a mention in it is answered directly.
    /// </summary>
    public string Visibility { get; init => field = value ?? "direct"; } = "direct";

    public bool Sensitive { get; init; }
    public string SpoilerText { get; init => field = value ?? ""; } = "";
    public string? Language { get; init; }
    public string? InReplyToId { get; init; }
    public string? InReplyToAccountId { get; init; }
    public MastodonStatus? Reblog { get; init; }
    public IReadOnlyList<MastodonMention> Mentions { get; init => field = value ?? []; } = [];
    public IReadOnlyList<MastodonTag> Tags { get; init => field = value ?? []; } = [];

    /// <summary>Only present with a user token.</summary>
    public bool? Reblogged { get; init; }

    /// <summary>Only on the bot's own statuses; some servers list pinned ones first in an account's statuses, whatever their age.</summary>
    public bool? Pinned { get; init; }
}

/// <summary>A mention inside a status.</summary>
public sealed record MastodonMention
{
    public required string Id { get; init => field = value ?? throw new JsonException("id is null"); }
    public string Username { get; init => field = value ?? ""; } = "";
    public string Acct { get; init => field = value ?? ""; } = "";
    public string? Url { get; init; }
}

/// <summary>A hashtag inside a status (Mastodon sends the name lower-cased).</summary>
public sealed record MastodonTag
{
    public string Name { get; init => field = value ?? ""; } = "";
    public string? Url { get; init; }
}

/// <summary>A notification; the bot acts on <c>mention</c> ones.</summary>
public sealed record MastodonNotification
{
    public required string Id { get; init => field = value ?? throw new JsonException("id is null"); }
    public string Type { get; init => field = value ?? ""; } = "";
    public DateTimeOffset CreatedAt { get; init; }
    public required MastodonAccount Account { get; init => field = value ?? throw new JsonException("account is null"); }
    public MastodonStatus? Status { get; init; }
}

/// <summary>The parts of <c>GET /api/v2/instance</c> the bot uses.</summary>
public sealed record MastodonInstance
{
    public string Domain { get; init => field = value ?? ""; } = "";
    public string Version { get; init => field = value ?? ""; } = "";
    public MastodonInstanceConfiguration Configuration { get; init => field = value ?? new(); } = new();
}

public sealed record MastodonInstanceConfiguration
{
    public MastodonInstanceUrls Urls { get; init => field = value ?? new(); } = new();
    public MastodonStatusLimits Statuses { get; init => field = value ?? new(); } = new();
}

public sealed record MastodonInstanceUrls
{
    public string? Streaming { get; init; }
}

public sealed record MastodonStatusLimits
{
    public int MaxCharacters { get; init; } = 500;
    public int CharactersReservedPerUrl { get; init; } = 23;
}

/// <summary>The JSON error body: <c>{"error": "...", "error_description": "..."}</c>.</summary>
public sealed record MastodonErrorBody
{
    public string? Error { get; init; }
    public string? ErrorDescription { get; init; }
}

/// <summary>Source-generated JSON for the entities: snake_case names, unknown fields ignored.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(MastodonAccount))]
[JsonSerializable(typeof(MastodonStatus))]
[JsonSerializable(typeof(List<MastodonStatus>))]
[JsonSerializable(typeof(MastodonNotification))]
[JsonSerializable(typeof(List<MastodonNotification>))]
[JsonSerializable(typeof(MastodonInstance))]
[JsonSerializable(typeof(MastodonInstanceV1))]
[JsonSerializable(typeof(MastodonErrorBody))]
public sealed partial class MastodonJsonContext : JsonSerializerContext;
