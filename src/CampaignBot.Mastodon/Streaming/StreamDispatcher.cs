using CampaignBot.Mastodon.Mentions;
using CampaignBot.Mastodon.Tagging;
using Microsoft.Extensions.Logging;

namespace CampaignBot.Mastodon.Streaming;

/// <summary>
/// Acts on streaming events: a notification pokes the mention pump (which reads it over REST from the cursor, so
/// it is handled once whichever way it came); an update carrying a tracked tag is counted and shown to auto-boost.
/// Malformed events are logged and skipped.
/// </summary>
internal sealed class StreamDispatcher(
    NotificationPump pump,
    TaggedStatusPipeline pipeline,
    TagSubscriptions subscriptions,
    MastodonAdapterStatus status,
    ILogger<StreamDispatcher> logger)
{
    public Task DispatchAsync(StreamEvent streamEvent, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        string? problem;
        switch (streamEvent.Event)
        {
            case "notification":
                if (StreamFrames.Notification(streamEvent.Payload, out problem) is { } notification)
                {
                    status.Event($"{notification.Type} notification on the stream");
                    if (notification.Type == "mention")
                    {
                        pump.Poke();
                    }

                    return Task.CompletedTask;
                }

                break;
            case "update":
                if (StreamFrames.Status(streamEvent.Payload, out problem) is { } update)
                {
                    status.Update(streamEvent.Stream);
                    var accepted = pipeline.AcceptAsync([update], subscriptions.Tags, TagSource.Stream, cancellationToken);

                    // Most posts are taken without waiting: then there is no task to allocate per post.
                    return accepted.IsCompletedSuccessfully ? Task.CompletedTask : accepted.AsTask();
                }

                break;
            default:
                // delete, status.update, filters_changed, announcements…: nothing the bot acts on.
                return Task.CompletedTask;
        }

        Log.MalformedFrame(logger, problem ?? "unreadable event");
        status.Error($"malformed {streamEvent.Event} event skipped");
        return Task.CompletedTask;
    }
}
