using System.Text.Json;
using CampaignBot.Core.Domain;
using CampaignBot.Core.Invocation;
using CampaignBot.Core.Ports;
using CampaignBot.Core.Results;
using CampaignBot.Mastodon.Delivery;
using CampaignBot.Mastodon.Rest;
using CampaignBot.Mastodon.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CampaignBot.Mastodon.Commands;

/// <summary>
/// Runs the command in one mention notification and answers once in its thread: the author's handle first,
/// visibility no wider than the command's, errors and private replies as a direct mention. The reply is written to
/// the store (with the advanced cursor) before it is posted, so a restart finishes a reply rather than running the
/// command again; the idempotency key keeps a repeated post the same post.
/// </summary>
internal sealed class MentionHandler(
    MastodonApi api,
    MastodonSession session,
    ICommandRouter router,
    ICampaignStore store,
    MastodonAdapterStatus status,
    IOptions<MastodonOptions> options,
    ILogger<MentionHandler> logger,
    TimeProvider clock)
{
    private readonly IReadOnlyList<string> _organisers = options.Value.OrganiserAccounts;

    /// <summary>Handles <paramref name="notification"/> and records it as handled; false when its reply is still pending.</summary>
    public async Task<bool> HandleAsync(MastodonNotification notification, CancellationToken cancellationToken)
    {
        if (Skip(notification) is { } reason)
        {
            Log.Ignored(logger, notification.Id, reason);
            await store.SetSettingAsync(SettingKeys.MastodonNotificationsLastId, notification.Id, cancellationToken).ConfigureAwait(false);
            return true;
        }

        var mention = notification.Status!;
        var author = notification.Account;
        var command = MentionText.Command(mention.Content, session.Me.Acct, session.LocalHosts);
        Log.Command(logger, author.Acct, notification.Id, command);
        var context = new CommandContext(
            new Person(Platform.Mastodon, author.Id, author.DisplayName is { Length: > 0 } name ? name : author.Acct),
            MastodonDestinations.Timeline,
            MastodonOrganisers.Is(author, _organisers, session.LocalHosts),
            RequestId: mention.Uri is { Length: > 0 } uri ? uri : mention.Id);

        Result<Reply> result;
        try
        {
            result = await router.HandleTextAsync(command, context, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            Log.CommandCrashed(logger, exception, notification.Id);
            result = Error.Unavailable("Something went wrong running that command; the organisers can see why in the bot's log.");
        }

        var reply = Render(result, notification.Id, mention, author);
        await store.SetSettingAsync(SettingKeys.MastodonPendingReply, JsonSerializer.Serialize(reply, RequestJsonContext.Default.PendingReply), cancellationToken).ConfigureAwait(false);
        await store.SetSettingAsync(SettingKeys.MastodonNotificationsLastId, notification.Id, cancellationToken).ConfigureAwait(false);
        return await PostAsync(reply, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Posts a reply left pending by a crash, shutdown or outage, if any; false while it is still pending.</summary>
    public async Task<bool> FlushPendingAsync(CancellationToken cancellationToken)
    {
        if (await store.GetSettingAsync(SettingKeys.MastodonPendingReply, cancellationToken).ConfigureAwait(false) is not { Length: > 0 } json)
        {
            return true;
        }

        PendingReply? pending;
        try
        {
            pending = JsonSerializer.Deserialize(json, RequestJsonContext.Default.PendingReply);
        }
        catch (JsonException)
        {
            pending = null;
        }

        if (pending is not null)
        {
            return await PostAsync(pending, cancellationToken).ConfigureAwait(false);
        }

        await store.SetSettingAsync(SettingKeys.MastodonPendingReply, string.Empty, cancellationToken).ConfigureAwait(false);
        return true;
    }

    private async Task<bool> PostAsync(PendingReply reply, CancellationToken cancellationToken)
    {
        var request = new StatusRequest(reply.Status, reply.Visibility) { InReplyToId = reply.InReplyToId };
        var posted = await api.PostStatusAsync(request, $"campaignbot-reply-{reply.NotificationId}", cancellationToken).ConfigureAwait(false);
        if (posted.IsSuccess)
        {
            status.CommandAnswered();
        }
        else
        {
            Log.ReplyFailed(logger, reply.NotificationId, posted.Error.ToString());
            status.Error($"reply to notification {reply.NotificationId} failed: {posted.Error}");
            if (posted.Error is { IsTransient: true } or { IsRateLimited: true })
            {
                // Kept pending: the next round posts it with the same key.
                return false;
            }
        }

        await store.SetSettingAsync(SettingKeys.MastodonPendingReply, string.Empty, cancellationToken).ConfigureAwait(false);
        return true;
    }

    private PendingReply Render(Result<Reply> result, string notificationId, MastodonStatus mention, MastodonAccount author)
    {
        var (body, visibility) = result.TryGet(out var reply, out var error)
            ? (ReplyText.Render(reply, clock), reply.Private ? Visibility.Direct : Visibility.Narrowest(mention.Visibility, Visibility.Public))
            : (error.ToString(), Visibility.Direct);
        var text = StatusComposer.Compose(author.Acct, body, [], null, session.MaxCharacters, session.CharactersPerUrl);
        return new PendingReply(notificationId, mention.Id, text, visibility);
    }

    private string? Skip(MastodonNotification notification)
    {
        if (notification.Type != "mention" || notification.Status is null)
        {
            return $"type {notification.Type}";
        }

        if (session.IsMe(notification.Account))
        {
            return "from the bot itself";
        }

        if (notification.Account.Bot)
        {
            return "from a bot account";
        }

        var me = session.Me;
        return notification.Status.Mentions.Any(m => m.Id == me.Id || Handles.Same(m.Acct, me.Acct, session.LocalHosts))
            ? null
            : "the status does not mention the bot";
    }
}
