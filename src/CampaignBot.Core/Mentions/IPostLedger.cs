namespace CampaignBot.Core.Mentions;

/// <summary>
/// Posts the bot set out to make, keyed by their idempotency key. A key begun but not finished is a post whose outcome
/// is uncertain (a timeout, a crash mid-request): the sender looks for it among its own posts before sending it
/// again, because some servers ignore idempotency keys.
/// </summary>
public interface IPostLedger
{
    /// <summary>
    /// Begins the post <paramref name="key"/>: null when it is new (now recorded as in flight), otherwise what is
    /// known of the earlier attempt.
    /// </summary>
    Task<PostAttempt?> BeginAsync(string key, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>The post <paramref name="key"/> exists as <paramref name="statusId"/>.</summary>
    Task MarkPostedAsync(string key, string statusId, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>Forgets posts begun before <paramref name="before"/>; returns how many.</summary>
    Task<int> ForgetAsync(DateTimeOffset before, CancellationToken cancellationToken);
}
