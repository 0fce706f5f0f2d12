using Microsoft.Extensions.Options;

namespace CampaignBot.Mastodon;

/// <summary>Refuses a bad <c>Mastodon:*</c> setting at start-up with a line naming the key.</summary>
internal sealed class MastodonOptionsValidator : IValidateOptions<MastodonOptions>
{
    private static readonly string[] Modes = ["auto", "websocket", "sse", "polling"];

    public ValidateOptionsResult Validate(string? name, MastodonOptions options)
    {
        var failures = new List<string>();
        if (!Uri.TryCreate(options.InstanceUrl, UriKind.Absolute, out var instance) || instance.Scheme is not ("https" or "http"))
        {
            failures.Add($"Mastodon:InstanceUrl \"{options.InstanceUrl}\" is not an http(s) URL such as https://mastodon.example.");
        }

        if (string.IsNullOrWhiteSpace(options.AccessToken))
        {
            failures.Add("Mastodon:AccessToken is empty; set it to the bot account's access token.");
        }
        else if (options.AccessToken.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) || options.AccessToken.Any(char.IsWhiteSpace))
        {
            failures.Add("Mastodon:AccessToken must be the bare token, without \"Bearer \" and without spaces.");
        }

        if (options.StreamingUrl is { Length: > 0 } streaming && (!Uri.TryCreate(streaming, UriKind.Absolute, out var ws) || ws.Scheme is not ("wss" or "ws" or "https" or "http")))
        {
            failures.Add($"Mastodon:StreamingUrl \"{streaming}\" is not a ws(s) or http(s) URL; leave it empty to ask the instance.");
        }

        failures.AddRange(options.OrganiserAccounts.Where(acct => acct.Contains(' ', StringComparison.Ordinal) || acct.Count(c => c == '@') > 1)
            .Select(acct => $"Mastodon:Organisers has \"{acct}\", which is not an account (user@host)."));
        if (options.Visibility is not ("public" or "unlisted" or "private"))
        {
            failures.Add($"Mastodon:Visibility \"{options.Visibility}\" must be public, unlisted or private.");
        }

        if (!Modes.Contains(options.Streaming, StringComparer.OrdinalIgnoreCase))
        {
            failures.Add($"Mastodon:Streaming \"{options.Streaming}\" must be one of {string.Join(", ", Modes)}.");
        }

        if (options.PollInterval < TimeSpan.FromMilliseconds(10))
        {
            failures.Add("Mastodon:PollInterval is too short.");
        }

        if (options.ReconnectDelay <= TimeSpan.Zero || options.MaxReconnectDelay < options.ReconnectDelay)
        {
            failures.Add("Mastodon:ReconnectDelay must be positive and no longer than Mastodon:MaxReconnectDelay.");
        }

        if (options.StreamingRetryInterval < options.ReconnectDelay)
        {
            failures.Add("Mastodon:StreamingRetryInterval must be at least Mastodon:ReconnectDelay.");
        }

        if (options.TagPollBudgetPercent is < 1 or > 90)
        {
            failures.Add("Mastodon:TagPollBudgetPercent must be between 1 and 90.");
        }

        if (options.MentionsPerHour is < 0 or > 10_000)
        {
            failures.Add("Mastodon:MentionsPerHour must be between 0 (no limit) and 10000.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
