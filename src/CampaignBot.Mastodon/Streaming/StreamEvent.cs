using System.Text;

namespace CampaignBot.Mastodon.Streaming;

/// <summary>
/// One streaming event: its name (<c>update</c>, <c>notification</c>, <c>delete</c>, …), the stream it came on
/// (<c>["hashtag","NotSafeNotFair"]</c>; empty over SSE, where the connection says it) and the payload as UTF-8: JSON
/// still to decode for entities (on the WebSocket it arrives as a JSON string and is unescaped once, straight to
/// bytes), a bare id for deletes, and absent for some events.
/// </summary>
internal sealed record StreamEvent(string Event, IReadOnlyList<string> Stream, ReadOnlyMemory<byte>? Payload)
{
    /// <summary>The payload as text (a deleted status's id), or null without one.</summary>
    public string? PayloadText => Payload is { } payload ? Encoding.UTF8.GetString(payload.Span) : null;
}
