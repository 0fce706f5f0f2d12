using CampaignBot.Core.Ports;
using CampaignBot.Discord.Rest;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CampaignBot.Discord.Registration;

/// <summary>
/// Registers the slash commands with one bulk overwrite per scope (each of <c>Discord:GuildIds</c>, else global),
/// only when the definitions' hash differs from the one stored after the last successful registration — so a restart
/// loop can't burn Discord's 200 command creates a day. Scopes registered before but no longer configured (switching
/// from global to guilds, or dropping a guild) are emptied, so users don't see every command twice or stale ones.
/// </summary>
internal sealed class CommandRegistrar(DiscordApi api, ICampaignStore store, IOptions<DiscordOptions> options, ILogger<CommandRegistrar> logger)
{
    public async Task RegisterAsync(CancellationToken cancellationToken)
    {
        var commands = CommandDefinitions.Build();
        var hash = CommandDefinitions.Hash(commands);
        var applicationId = options.Value.ApplicationId;
        IReadOnlyList<string?> scopes = options.Value.Guilds.Count > 0 ? [.. options.Value.Guilds] : [null];
        if (!await ClearDroppedScopesAsync(applicationId, scopes, cancellationToken).ConfigureAwait(false))
        {
            return;
        }

        foreach (var guildId in scopes)
        {
            var scope = guildId is null ? "global" : $"guild {guildId}";
            var key = $"discord.commands.{applicationId}.{(guildId is null ? "global" : guildId)}";
            if (await store.GetSettingAsync(key, cancellationToken).ConfigureAwait(false) == hash)
            {
                Log.CommandsUnchanged(logger, scope);
                continue;
            }

            var result = await api.OverwriteCommandsAsync(applicationId, guildId, commands, cancellationToken).ConfigureAwait(false);
            if (!result.IsSuccess)
            {
                var hint = result.Error.Is(DiscordErrorCodes.DailyCommandCreateLimit) ? "Discord's 200 creates a day are used up; retry tomorrow" : result.Error.ToString();
                Log.CommandsFailed(logger, scope, hint);
                if (result.Error.Status == 401)
                {
                    return;
                }

                continue;
            }

            await store.SetSettingAsync(key, hash, cancellationToken).ConfigureAwait(false);
            Log.CommandsRegistered(logger, commands.Count, scope);
        }
    }

    // Returns false when the token was refused (nothing else is worth trying).
    private async Task<bool> ClearDroppedScopesAsync(string applicationId, IReadOnlyList<string?> scopes, CancellationToken cancellationToken)
    {
        var listKey = $"discord.commands.{applicationId}.scopes";
        var current = string.Join(',', scopes.Select(Name));
        var previous = await store.GetSettingAsync(listKey, cancellationToken).ConfigureAwait(false);
        var cleared = true;
        foreach (var dropped in (previous ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries).Except(scopes.Select(Name)))
        {
            var guildId = dropped == "global" ? null : dropped;
            var result = await api.OverwriteCommandsAsync(applicationId, guildId, [], cancellationToken).ConfigureAwait(false);
            if (!result.IsSuccess)
            {
                Log.CommandsFailed(logger, dropped, result.Error.ToString());
                if (result.Error.Status == 401)
                {
                    return false;
                }

                cleared = false;
                continue;
            }

            await store.SetSettingAsync($"discord.commands.{applicationId}.{dropped}", string.Empty, cancellationToken).ConfigureAwait(false);
            Log.CommandsCleared(logger, dropped);
        }

        // A scope that couldn't be emptied stays on the list, to be tried again at the next start.
        await store.SetSettingAsync(listKey, cleared || previous is null ? current : $"{previous},{current}", cancellationToken).ConfigureAwait(false);
        return true;
    }

    private static string Name(string? guildId) => guildId ?? "global";
}
