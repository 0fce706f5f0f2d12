using CampaignBot.Core.Ports;
using CampaignBot.Discord.Rest;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CampaignBot.Discord.Commands;

/// <summary>
/// Registers the slash commands with one bulk overwrite per scope (each of <c>Discord:GuildIds</c>, else global),
/// only when the definitions' hash differs from the one stored after the last successful registration — so a restart
/// loop can't burn Discord's 200 command creates a day.
/// </summary>
internal sealed class CommandRegistrar(DiscordApi api, ICampaignStore store, IOptions<DiscordOptions> options, ILogger<CommandRegistrar> logger)
{
    public async Task RegisterAsync(CancellationToken cancellationToken)
    {
        var commands = CommandDefinitions.Build();
        var hash = CommandDefinitions.Hash(commands);
        var applicationId = options.Value.ApplicationId;
        IReadOnlyList<string?> scopes = options.Value.Guilds.Count > 0 ? [.. options.Value.Guilds] : [null];
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
}
