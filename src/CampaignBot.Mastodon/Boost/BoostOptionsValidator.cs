using Microsoft.Extensions.Options;

namespace CampaignBot.Mastodon.Boost;

// One line per bad setting, naming its key.
internal sealed class BoostOptionsValidator : IValidateOptions<BoostOptions>
{
    // Mastodon allows 300 statuses (reblogs included) per 3 hours; above 60 an hour boosts alone could spend it.
    public const int MaxPerHour = 60;

    public ValidateOptionsResult Validate(string? name, BoostOptions options)
    {
        const string Prefix = BoostOptions.Section + ":";
        var failures = new List<string>();
        if (options.MaxAge <= TimeSpan.Zero || options.MaxAge > BoostOptions.MaxAgeLimit)
        {
            failures.Add($"{Prefix}MaxAge must be more than 0 and at most 7 days (e.g. 06:00:00), not {options.MaxAge}.");
        }

        if (options.PerHour is < 1 or > MaxPerHour)
        {
            failures.Add($"{Prefix}PerHour must be between 1 and {MaxPerHour} (Mastodon allows 300 statuses per 3 hours), not {options.PerHour}.");
        }

        if (options.PerAuthorPerDay < 1)
        {
            failures.Add($"{Prefix}PerAuthorPerDay must be at least 1, not {options.PerAuthorPerDay}.");
        }

        if (options.RetryAfter < TimeSpan.FromSeconds(1) || options.RetryAfter > TimeSpan.FromHours(3))
        {
            failures.Add($"{Prefix}RetryAfter must be between 1 second and 3 hours, not {options.RetryAfter}.");
        }

        if (options.MaxAttempts < 1)
        {
            failures.Add($"{Prefix}MaxAttempts must be at least 1, not {options.MaxAttempts}.");
        }

        for (var i = 0; i < options.BlockedAccounts.Count; i++)
        {
            var account = options.BlockedAccounts[i]?.Trim().TrimStart('@') ?? "";
            if (account.Length == 0 || account.Contains(' ', StringComparison.Ordinal) || account.Split('@').Length > 2 || account.EndsWith('@'))
            {
                failures.Add($"{Prefix}BlockedAccounts:{i}: \"{options.BlockedAccounts[i]}\" is not an account (user@host, or user for this instance).");
            }
        }

        for (var i = 0; i < options.BlockedDomains.Count; i++)
        {
            var domain = options.BlockedDomains[i]?.Trim() ?? "";
            if (Uri.CheckHostName(AccountKeys.Host(domain)) is UriHostNameType.Unknown || domain.Contains('/', StringComparison.Ordinal))
            {
                failures.Add($"{Prefix}BlockedDomains:{i}: \"{options.BlockedDomains[i]}\" is not a domain (e.g. spam.example, without https://).");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
