namespace CampaignBot.Mastodon.Streaming;

/// <summary>
/// One streaming event: its name (<c>update</c>, <c>notification</c>, <c>delete</c>, …), the stream it came on
/// (<c>["hashtag","NotSafeNotFair"]</c>; empty over SSE, where the connection says it) and the payload, which is
/// JSON text still to decode for entities, a bare id for deletes, and absent for some events.
/// </summary>
internal sealed record StreamEvent(string Event, IReadOnlyList<string> Stream, string? Payload);
