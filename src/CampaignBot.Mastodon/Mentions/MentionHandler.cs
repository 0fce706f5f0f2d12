using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using CampaignBot.Core.Domain;
using CampaignBot.Core.Invocation;
using CampaignBot.Core.Mentions;
using CampaignBot.Core.Ports;
using CampaignBot.Core.Results;
using CampaignBot.Core.Text;
using CampaignBot.Mastodon.Delivery;
using CampaignBot.Mastodon.Rest;
using CampaignBot.Mastodon.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CampaignBot.Mastodon.Mentions;

/// <summary>
/// Runs the command in one mention and answers once in its thread: the author's handle first, visibility no wider
/// than the command's, errors and private replies as a direct mention, a long answer as a numbered thread. Each status
/// is claimed in the <see cref="IMentionLedger"/> (by its URI) before its command runs, so a redelivered notification,
/// a stream and poll overlap, a restart or a second node never run it twice; the reply is stored there before it is
/// posted, and its idempotency keys derive from the status, so a restart finishes a reply rather than repeating it.
/// </summary>
internal sealed class MentionHandler(
    StatusPoster poster,
    MastodonSession session,
    ICommandRouter router,
    IMentionLedger ledger,
    MastodonAdapterStatus status,
    IOptions<MastodonOptions> options,
    MentionAllowance allowance,
    ILogger<MentionHandler> logger,
    TimeProvider clock)
{
    /// <summary>
    /// How long a handled status is remembered. Servers redeliver for a few days at most (Mastodon's delivery retries
    /// span about two days, snac's less); mentions older than this less a day are not answered at all, so a redelivery
    /// after the record is pruned cannot run a command again.
    /// </summary>
    public static readonly TimeSpan Remembered = TimeSpan.FromDays(30);

    // A command runs in well under this; a claim older than it still running was cut off by a crash or shutdown.
    private static readonly TimeSpan StaleClaim = TimeSpan.FromMinutes(10);

    private readonly IReadOnlyList<string> _organisers = options.Value.OrganiserAccounts;

    /// <summary>Handles <paramref name="notification"/> (the pump moves the cursor past it); false when its reply is still pending.</summary>
    public async Task<bool> HandleAsync(MastodonNotification notification, CancellationToken cancellationToken)
    {
        if (Skip(notification) is { } reason)
        {
            Log.Ignored(logger, notification.Id, reason);
            return true;
        }

        var mention = notification.Status!;
        var author = notification.Account;
        var statusKey = StatusKey.Of(mention);
        var organiser = MastodonOrganisers.Is(author, _organisers, session.LocalHosts);
        if (!organiser && allowance.Take(author.Acct, statusKey) is not Allowance.Granted and var refused)
        {
            if (refused == Allowance.RefusedFirst)
            {
                Log.MentionsOverAllowance(logger, UserText.Shown(author.Acct), options.Value.MentionsPerHour);
            }

            return true;
        }

        var command = MentionText.Command(mention.Content, session.Me.Acct, session.LocalHosts);
        var interrupted = Render(Interrupted(command), statusKey, mention, author);
        if (!await ledger.TryClaimAsync(statusKey, mention.Id, JsonSerializer.Serialize(interrupted, RequestJsonContext.Default.PendingReply), clock.GetUtcNow(), cancellationToken).ConfigureAwait(false))
        {
            Log.Ignored(logger, notification.Id, $"status {mention.Id} was handled already");
            return true;
        }

        // What a stranger typed, on the operator's terminal: escape sequences and bidi controls show as '?'.
        Log.Command(logger, UserText.Shown(author.Acct), notification.Id, UserText.Shown(command));
        var context = new CommandContext(
            new Person(Platform.Mastodon, author.Id, author.DisplayName is { Length: > 0 } name ? name : author.Acct),
            MastodonDestinations.Timeline,
            organiser,
            RequestId: statusKey);

        var result = await router.HandleTextAsync(command, context, cancellationToken).ConfigureAwait(false);
        var reply = Render(result, statusKey, mention, author);
        await ledger.SaveReplyAsync(statusKey, JsonSerializer.Serialize(reply, RequestJsonContext.Default.PendingReply), clock.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        return await PostAsync(reply, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Posts replies left pending by a crash, shutdown or outage, and tells the authors of commands whose run never
    /// finished; false while a reply is still pending.
    /// </summary>
    public async Task<bool> FlushPendingAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await ledger.ReviveStaleAsync(now - StaleClaim, now, cancellationToken).ConfigureAwait(false);
        foreach (var pending in await ledger.ListUnansweredAsync(20, cancellationToken).ConfigureAwait(false))
        {
            PendingReply? reply;
            try
            {
                reply = JsonSerializer.Deserialize(pending.Reply, RequestJsonContext.Default.PendingReply);
            }
            catch (JsonException)
            {
                reply = null;
            }

            if (reply is null)
            {
                await ledger.MarkAnsweredAsync(pending.StatusKey, clock.GetUtcNow(), cancellationToken).ConfigureAwait(false);
                continue;
            }

            if (!await PostAsync(reply, cancellationToken).ConfigureAwait(false))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The idempotency key of the reply to <paramref name="statusKey"/> (its first part; later parts add <c>-2</c>, …).</summary>
    public static string ReplyKey(string statusKey) =>
        "campaignbot-reply-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(statusKey)))[..32];

    private async Task<bool> PostAsync(PendingReply reply, CancellationToken cancellationToken)
    {
        var first = new StatusRequest(reply.Parts[0], reply.Visibility) { InReplyToId = reply.InReplyToId };
        var posted = await poster.PostThreadAsync(reply.Parts, first, ReplyKey(reply.StatusKey), cancellationToken).ConfigureAwait(false);
        if (posted.IsSuccess)
        {
            status.CommandAnswered();
        }
        else
        {
            Log.ReplyFailed(logger, reply.InReplyToId, posted.Error.ToString());
            status.Error($"reply to status {reply.InReplyToId} failed: {posted.Error}");
            if (posted.Error is { IsTransient: true } or { IsRateLimited: true })
            {
                // Kept pending: the next round posts the rest under the same keys.
                return false;
            }
        }

        await ledger.MarkAnsweredAsync(reply.StatusKey, clock.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        return true;
    }

    // Whether such a command took effect is unknown: running it again could do it twice, so the author is asked to look.
    private static Error Interrupted(string command) => Error.Unavailable(
        $"The bot stopped while running \"{(command.Length > 80 ? command[..80] + "…" : command)}\", so it may or may not have taken effect.",
        "Check (for example with event list) before sending it again.");

    private PendingReply Render(Result<Reply> result, string statusKey, MastodonStatus mention, MastodonAccount author)
    {
        var (body, visibility) = result.TryGet(out var reply, out var error)
            ? (ReplyText.Render(reply, clock), reply.Private ? Visibility.Direct : Visibility.Narrowest(mention.Visibility, Visibility.Public))
            : (error.ToString(), Visibility.Direct);
        var parts = StatusComposer.Compose(author.Acct, body, [], null, session.MaxCharacters, session.CharactersPerUrl, handleOnEveryPart: visibility == Visibility.Direct);
        return new PendingReply(statusKey, mention.Id, parts, visibility);
    }

    private string? Skip(MastodonNotification notification)
    {
        if (notification.Type != "mention" || notification.Status is not { } mention)
        {
            return $"type {notification.Type}";
        }

        if (mention.Reblog is not null)
        {
            return "a boost";
        }

        if (session.IsMe(notification.Account) || session.IsMe(mention.Account))
        {
            return "from the bot itself";
        }

        if (notification.Account.Bot)
        {
            return "from a bot account";
        }

        if (notification.Account.Acct.Length == 0)
        {
            // A reply could name no one, and an error meant for the author would go out public.
            return "the author's account has no acct (handle)";
        }

        if (mention.CreatedAt != default && mention.CreatedAt < clock.GetUtcNow() - Remembered + TimeSpan.FromDays(1))
        {
            return "older than the bot remembers handled mentions";
        }

        return MentionCheck.AddressesBot(mention, session.Me, session.LocalHosts) ? null : "the status does not mention the bot";
    }
}
