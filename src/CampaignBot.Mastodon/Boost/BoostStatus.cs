using System.Globalization;
using CampaignBot.Core.Boosting;
using CampaignBot.Core.Ports;

namespace CampaignBot.Mastodon.Boost;

/// <summary>The <c>Auto-boost</c> section of <c>boost status</c>: counts by outcome and reason, the last boost, the caps.</summary>
public sealed class BoostStatus(IBoostLedger ledger, BoostPolicy policy, BotIdentity identity) : IStatusSource
{
    // The one title both status commands know auto-boost's section by (Commands can't see this project).
    public string Section => BoostWords.StatusTitle;

    public async Task<IReadOnlyList<string>> DescribeAsync(CancellationToken cancellationToken)
    {
        var options = policy.Options;
        var lines = new List<string>();
        if (!options.Enabled)
        {
            lines.Add("Disabled in configuration (Mastodon:Boost:Enabled is false).");
        }
        else if (identity.Current is null)
        {
            lines.Add("Waiting for the Mastodon account to be verified before deciding anything.");
        }

        var summary = await ledger.SummariseAsync(cancellationToken).ConfigureAwait(false);
        lines.Add(summary.LastBoosted is { } last
            ? Invariant($"Boosted: {summary[BoostState.Boosted]} · last {last.UpdatedAt.UtcDateTime:yyyy-MM-dd HH:mm} UTC {last.StatusKey}")
            : "Boosted: 0");
        var skipped = summary[BoostState.Skipped];
        lines.Add(skipped == 0
            ? "Skipped: 0"
            : Invariant($"Skipped (last {AutoBooster.SkipMemory.TotalDays:0} days): {skipped} — ") + string.Join(", ", summary.SkippedBy
                .OrderByDescending(pair => pair.Value)
                .ThenBy(pair => pair.Key)
                .Select(pair => Invariant($"{BoostWords.Describe(pair.Key)} {pair.Value}"))));
        var waiting = summary[BoostState.Boosting] + summary[BoostState.RateLimited] + summary[BoostState.Failed];
        if (waiting > 0)
        {
            lines.Add(Invariant($"Waiting: {waiting} (in flight {summary[BoostState.Boosting]}, rate limited {summary[BoostState.RateLimited]}, failed {summary[BoostState.Failed]}; retried every {options.RetryAfter.TotalMinutes:0.#} min)"));
        }

        if (summary[BoostState.Refused] > 0)
        {
            lines.Add(Invariant($"Refused by the server: {summary[BoostState.Refused]}"));
        }

        lines.Add(Invariant($"Rules: at most {options.PerHour} an hour and {options.PerAuthorPerDay} per author a day; posts up to {options.MaxAge.TotalHours:0.#} h old; {(options.AllowUnlisted ? "public and unlisted" : "public only")}{(options.SkipSensitive ? "; no sensitive/CW posts" : "")}"));
        return lines;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
