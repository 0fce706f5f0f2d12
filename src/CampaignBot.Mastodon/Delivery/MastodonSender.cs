using System.Collections.Concurrent;
using CampaignBot.Core.Domain;
using CampaignBot.Core.Ports;
using CampaignBot.Core.Results;
using CampaignBot.Mastodon.Tagging;
using CampaignBot.Mastodon.Rest;
using CampaignBot.Mastodon.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CampaignBot.Mastodon.Delivery;

/// <summary>
/// Posts reminders, cancellations, digests and announcements as statuses of the bot account: plain text fitted to
/// the instance's limit (URLs count 23; a longer text becomes a numbered thread, never cut), the campaign hashtags appended, <c>Mastodon:Visibility</c> and the optional
/// <c>Mastodon:ContentWarning</c>. A personal destination (an account id) gets a direct-visibility mention of that
/// person only. The delivery's idempotency key goes out as <c>Idempotency-Key</c>, and <see cref="StatusPoster"/> looks for a post
/// whose outcome was uncertain before sending it again, so a retry is the same post even where the server ignores keys.
/// </summary>
internal sealed class MastodonSender(
    MastodonApi api,
    StatusPoster poster,
    MastodonSession session,
    TrackedTags tracked,
    IOptions<MastodonOptions> options,
    ILogger<MastodonSender> logger,
    TimeProvider clock) : IChatSender
{
    private readonly ConcurrentDictionary<string, string> _handles = new(StringComparer.Ordinal);

    public Platform Platform => Platform.Mastodon;

    public async Task<Result<SentMessage>> SendAsync(OutboundMessage message, CancellationToken cancellationToken)
    {
        if (message.Destination.Platform != Platform.Mastodon)
        {
            return Error.BadInput($"{message.Destination} is not a Mastodon destination.");
        }

        if (!session.IsReady)
        {
            return Error.Unavailable("The Mastodon adapter is not signed in yet.", "It retries; check Mastodon:InstanceUrl and the status command.");
        }

        var body = ReplyText.Render(message.Content, clock);
        IReadOnlyList<string> parts;
        StatusRequest request;
        if (message.Destination.Direct)
        {
            var handle = await HandleOfAsync(message.Destination.Id, cancellationToken).ConfigureAwait(false);
            if (!handle.TryGet(out var acct, out var error))
            {
                return error;
            }

            parts = StatusComposer.Compose(acct, body, [], null, session.MaxCharacters, session.CharactersPerUrl, handleOnEveryPart: true);
            request = new StatusRequest(parts[0], Visibility.Direct);
        }
        else
        {
            var settings = options.Value;
            var hashtags = await tracked.CurrentAsync(cancellationToken).ConfigureAwait(false);
            var warning = settings.ContentWarning is { Length: > 0 } cw ? MentionGuard.Neutralise(cw) : null;
            parts = StatusComposer.Compose(null, body, hashtags, warning, session.MaxCharacters, session.CharactersPerUrl);
            request = new StatusRequest(parts[0], settings.Visibility)
            {
                SpoilerText = warning,
            };
        }

        var posted = await poster.PostThreadAsync(parts, request, message.IdempotencyKey, cancellationToken).ConfigureAwait(false);
        if (posted.IsSuccess)
        {
            return new SentMessage(posted.Value);
        }

        Log.SendFailed(logger, message.Destination.ToString(), posted.Error.ToString());
        return posted.Error.ToError();
    }

    // A person is kept by account id (stable); the handle to mention comes from the server and is cached.
    private async Task<Result<string>> HandleOfAsync(string accountIdOrHandle, CancellationToken cancellationToken)
    {
        if (accountIdOrHandle.Contains('@', StringComparison.Ordinal))
        {
            return accountIdOrHandle.TrimStart('@');
        }

        if (_handles.TryGetValue(accountIdOrHandle, out var cached))
        {
            return cached;
        }

        var account = await api.GetAccountAsync(accountIdOrHandle, cancellationToken).ConfigureAwait(false);
        if (!account.IsSuccess)
        {
            return account.Error.Status == 404
                ? Error.NotFound("That Mastodon account no longer exists.")
                : account.Error.ToError();
        }

        _handles[accountIdOrHandle] = account.Value.Acct;
        return account.Value.Acct;
    }

    /// <summary>Remembers a handle seen on a notification, saving a lookup when a reminder goes to that person.</summary>
    public void Remember(MastodonAccount account) => _handles[account.Id] = account.Acct;
}
