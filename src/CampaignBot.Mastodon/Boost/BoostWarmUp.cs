using System.Globalization;
using System.Text;
using System.Text.Json;
using CampaignBot.Core.Boosting;
using CampaignBot.Core.Campaign;
using CampaignBot.Mastodon.Rest;
using CampaignBot.Mastodon.Streaming;
using CampaignBot.Mastodon.Tagging;

namespace CampaignBot.Mastodon.Boost;

/// <summary>
/// Runs the first tagged post's path once, dry, while the adapter signs in: a stream frame parsed into a status, its
/// tags matched, every consent rule judged, the ledger's lookups (decided? caps) made and its outcome update run on a
/// post that has no row, so it changes nothing. Without it, the first post after start pays for all of that being
/// compiled and opened on the way (tens of milliseconds; the second post takes a few).
/// </summary>
internal sealed class BoostWarmUp(IBoostLedger ledger, BoostPolicy policy, CampaignState campaign, TimeProvider clock)
{
    // Never a real server's: no post of it is ever in the ledger, so the outcome update finds no row to change.
    private const string Host = "warm-up.invalid";

    /// <summary>Returns once the path has run; it stores nothing and never throws for an expected failure.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        if (!policy.Options.Enabled)
        {
            return;
        }

        var now = clock.GetUtcNow();
        var tags = await campaign.HashtagsAsync(cancellationToken).ConfigureAwait(false);
        var tag = tags.Count > 0 ? tags[0] : "warmup";
        if (StreamFrames.Parse(Frame(tag, now), out _) is not { } frame || StreamFrames.Status(frame.Payload, out _) is not { } status)
        {
            return;
        }

        var key = StatusKey.Of(status);
        var me = new BotSelf("0", "campaignbot", Host);
        var author = AccountKeys.Of(status.Account.Acct, me.Domain);
        _ = TagNames.Matching(status, tags).Any();
        _ = policy.Check(status, me, tags, now);
        _ = policy.CheckCaps(0, 0);
        await campaign.BoostPausedAsync(cancellationToken).ConfigureAwait(false);
        await ledger.FindDecidedAsync([new PostKey(key, status.CreatedAt)], cancellationToken).ConfigureAwait(false);
        await ledger.CountBoostsAsync(now.AddHours(-1), [author], now.AddDays(-1), cancellationToken).ConfigureAwait(false);
        await ledger.RecordOutcomeAsync(key, new BoostOutcome(BoostState.Boosted, now, Attempted: false, null), cancellationToken).ConfigureAwait(false);
    }

    // An update frame as Mastodon sends one: the status is a JSON string inside the frame.
    private static byte[] Frame(string tag, DateTimeOffset now)
    {
        var created = now.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
        var name = TagNames.Key(tag);
        var payload = $$"""
            {"id":"1","uri":"https://{{Host}}/users/warmup/statuses/1","url":"https://{{Host}}/@warmup/1","created_at":"{{created}}",
            "account":{"id":"1","username":"warmup","acct":"warmup@{{Host}}","display_name":"","note":"<p>warm-up</p>","fields":[{"name":"web","value":"<a href=\"https://{{Host}}\">{{Host}}</a>"}],"bot":false,"group":false,"locked":false,"discoverable":true,"indexable":true},
            "content":"<p>warm-up #{{name}}</p>","visibility":"public","sensitive":false,"spoiler_text":"","language":"en","in_reply_to_id":null,"reblog":null,
            "mentions":[],"tags":[{"name":"{{name}}","url":"https://{{Host}}/tags/{{name}}"}],"reblogged":false}
            """;
        return Encoding.UTF8.GetBytes($$"""{"stream":["hashtag","{{name}}"],"event":"update","payload":"{{JsonEncodedText.Encode(payload).Value}}"}""");
    }
}
