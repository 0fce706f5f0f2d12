using System.Text.Json.Nodes;

namespace CampaignBot.Testing.Mastodon;

/// <summary>
/// A status the bot posted: its text and settings as sent, the idempotency key, and the handles the text really
/// mentions (parsed the way Mastodon does), so tests can check that nobody is pinged by accident.
/// </summary>
public sealed record FakeMastodonPost(
    string Id,
    string Text,
    string Visibility,
    string? InReplyToId,
    string? SpoilerText,
    string? IdempotencyKey,
    IReadOnlyList<string> Mentions,
    JsonObject Body);
