namespace CampaignBot.Core.Mentions;

/// <summary>
/// Commands taken from Mastodon mentions, one row per status (keyed by its URI, or its id where a server gives none),
/// so that a redelivered notification, a stream and poll overlap, a restart or a second node never run a command
/// twice nor answer twice. The first claim wins; the reply is stored before it is posted, so it survives a crash.
/// </summary>
public interface IMentionLedger
{
    /// <summary>
    /// Claims <paramref name="statusKey"/> for running its command; true for exactly one caller, ever.
    /// <paramref name="interruptedReply"/> is what to answer should the run never finish (see <see cref="ReviveStaleAsync"/>).
    /// </summary>
    Task<bool> TryClaimAsync(string statusKey, string statusId, string interruptedReply, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>
    /// Turns claims still running since before <paramref name="claimedBefore"/> (a crash or shutdown mid-command) into
    /// pending replies of their interrupted-reply text, so the author hears what happened; returns how many.
    /// </summary>
    Task<int> ReviveStaleAsync(DateTimeOffset claimedBefore, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>Stores the reply decided for a claimed status (opaque to the store) until <see cref="MarkAnsweredAsync"/>.</summary>
    Task SaveReplyAsync(string statusKey, string reply, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>The reply was posted in full: it is not posted again.</summary>
    Task MarkAnsweredAsync(string statusKey, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>Replies saved but not yet posted in full, oldest first.</summary>
    Task<IReadOnlyList<PendingMentionReply>> ListUnansweredAsync(int limit, CancellationToken cancellationToken);

    /// <summary>Forgets statuses claimed before <paramref name="before"/>; returns how many.</summary>
    Task<int> ForgetAsync(DateTimeOffset before, CancellationToken cancellationToken);
}
