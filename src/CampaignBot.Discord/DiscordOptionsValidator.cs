using Microsoft.Extensions.Options;

namespace CampaignBot.Discord;

/// <summary>Refuses a bad <c>Discord:*</c> setting at start-up with a line naming the key.</summary>
internal sealed class DiscordOptionsValidator : IValidateOptions<DiscordOptions>
{
    public ValidateOptionsResult Validate(string? name, DiscordOptions options)
    {
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.Token))
        {
            failures.Add("Discord:Token is empty; set it to the bot token from the developer portal.");
        }
        else if (options.Token.StartsWith("Bot ", StringComparison.OrdinalIgnoreCase) || options.Token.Any(char.IsWhiteSpace))
        {
            failures.Add("Discord:Token must be the bare token, without \"Bot \" and without spaces.");
        }

        if (!Snowflake.IsValid(options.ApplicationId))
        {
            failures.Add("Discord:ApplicationId must be the application's numeric id (a snowflake such as 1100000000000000001).");
        }

        failures.AddRange(options.Guilds.Where(id => !Snowflake.IsValid(id)).Select(id => $"Discord:GuildIds has \"{id}\", which is not a guild id (digits only)."));
        failures.AddRange(options.OrganiserRoles.Where(id => !Snowflake.IsValid(id)).Select(id => $"Discord:OrganiserRoleIds has \"{id}\", which is not a role id (digits only)."));
        if (!Uri.TryCreate(options.ApiBaseUrl, UriKind.Absolute, out var api) || api.Scheme is not ("https" or "http"))
        {
            failures.Add($"Discord:ApiBaseUrl \"{options.ApiBaseUrl}\" is not an http(s) URL; the default is {DiscordOptions.DefaultApiBaseUrl}.");
        }

        if (options.GatewayUrl is { Length: > 0 } gateway && (!Uri.TryCreate(gateway, UriKind.Absolute, out var ws) || ws.Scheme is not ("wss" or "ws")))
        {
            failures.Add($"Discord:GatewayUrl \"{gateway}\" is not a ws(s) URL; leave it empty to ask Discord.");
        }

        if (options.PublicKey is { Length: > 0 } key && Interactions.HttpInteractionReceiver.ParseKey(key) is null)
        {
            failures.Add("Discord:PublicKey must be the application's public key from the developer portal: 64 hex digits.");
        }

        if (options.ShardCount < 1)
        {
            failures.Add("Discord:ShardCount must be at least 1.");
        }

        failures.AddRange(options.ShardIds.Where(id => id < 0 || id >= options.ShardCount).Select(id => $"Discord:ShardIds has {id}, outside 0..{options.ShardCount - 1} (Discord:ShardCount)."));
        if (options.FallbackChannelId is { Length: > 0 } fallback && !Snowflake.IsValid(fallback))
        {
            failures.Add("Discord:FallbackChannelId must be a channel id (digits only).");
        }

        if (options.AnnouncementRoleId is { Length: > 0 } role && !Snowflake.IsValid(role))
        {
            failures.Add("Discord:AnnouncementRoleId must be a role id (digits only).");
        }

        if (options.DeferAfterMilliseconds is < 0 or > 2500)
        {
            failures.Add("Discord:DeferAfterMilliseconds must be between 0 and 2500 (Discord's deadline is 3000).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
