using System.Collections.Concurrent;
using CampaignBot.Core.Domain;
using CampaignBot.Core.Ports;
using CampaignBot.Discord.Json;
using CampaignBot.Discord.Rest;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CampaignBot.Discord.ScheduledEvents;

/// <summary>
/// Mirrors each upcoming action as an EXTERNAL Guild Scheduled Event in every guild the bot serves: created with the
/// action, updated when it is edited, set CANCELED (never deleted) when it is cancelled. Discord starts and ends
/// external events itself, so the bot only ever changes the status to cancel. Without the permission, the first
/// refusal is logged and shown in <c>status</c>, and no further calls are made until restart.
/// </summary>
internal sealed class ScheduledEventMirror(
    DiscordApi api,
    DiscordAdapterStatus status,
    IOptions<DiscordOptions> options,
    TimeProvider clock,
    ILogger<ScheduledEventMirror> logger) : IEventMirror, IDisposable
{
    private const int Scheduled = 1;
    private const int Canceled = 4;

    private readonly DiscordOptions _options = options.Value;

    // (guild, action id) → scheduled event id, learned from creations and from listing a guild's events once.
    private readonly ConcurrentDictionary<(string Guild, long EventId), string> _known = new();
    private readonly ConcurrentDictionary<string, Task<DiscordApiError?>> _listed = new();
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly AsyncLocal<(string Guild, string ScheduledEventId)?> _adopting = new();
    private volatile bool _refused;

    /// <summary>
    /// While the result is not disposed, the next new action mirrored in this async flow takes over the given
    /// scheduled event (one made in Discord's UI) instead of creating another.
    /// </summary>
    public IDisposable Adopt(string guild, string scheduledEventId)
    {
        _adopting.Value = (guild, scheduledEventId);
        return new Adoption(this);
    }

    public async Task MirrorAsync(CampaignEvent e, CancellationToken cancellationToken)
    {
        if (!_options.ScheduledEvents || _refused)
        {
            return;
        }

        var guilds = _options.Guilds.Count > 0 ? _options.Guilds : status.Guilds;
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            foreach (var guild in guilds)
            {
                if (!await MirrorInAsync(guild, e, cancellationToken).ConfigureAwait(false))
                {
                    return;
                }
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();

    /// <summary>The bot's scheduled events in <paramref name="guild"/> (action id, scheduled event id), once listed.</summary>
    public async Task<IReadOnlyList<(long EventId, string ScheduledEventId)>> KnownAsync(string guild, CancellationToken cancellationToken)
    {
        if (!_options.ScheduledEvents || _refused)
        {
            return [];
        }

        await _listed.GetOrAdd(guild, g => LearnAsync(g, cancellationToken)).ConfigureAwait(false);
        return [.. _known.Where(pair => pair.Key.Guild == guild).Select(pair => (pair.Key.EventId, pair.Value))];
    }

    /// <summary>The action a scheduled event mirrors, or null when it is not one of the bot's.</summary>
    public async Task<long?> ActionForAsync(string guild, string scheduledEventId, CancellationToken cancellationToken)
    {
        if (!_options.ScheduledEvents)
        {
            return null;
        }

        await _listed.GetOrAdd(guild, g => LearnAsync(g, cancellationToken)).ConfigureAwait(false);
        return _known.Where(pair => pair.Key.Guild == guild && pair.Value == scheduledEventId).Select(pair => (long?)pair.Key.EventId).FirstOrDefault();
    }

    // False once Discord refuses for want of permission: the caller stops for every guild.
    private async Task<bool> MirrorInAsync(string guild, CampaignEvent e, CancellationToken cancellationToken)
    {
        if (await _listed.GetOrAdd(guild, g => LearnAsync(g, cancellationToken)).ConfigureAwait(false) is { } listingError && Refused(guild, listingError))
        {
            return false;
        }

        if (_adopting.Value is { } adopted && adopted.Guild == guild && !_known.ContainsKey((guild, e.Id)))
        {
            // Found again after a restart by the marker the update below writes into its description.
            _known[(guild, e.Id)] = adopted.ScheduledEventId;
            _adopting.Value = null;
        }

        var known = _known.TryGetValue((guild, e.Id), out var scheduledId);
        if (!known && (e.IsCancelled || e.Start <= clock.GetUtcNow()))
        {
            return true;
        }

        var body = e.IsCancelled ? new ScheduledEventBody { Status = Canceled } : ScheduledEventText.Body(e, creating: !known);
        var result = known
            ? await api.ModifyScheduledEventAsync(guild, scheduledId!, body, cancellationToken).ConfigureAwait(false)
            : await api.CreateScheduledEventAsync(guild, body, cancellationToken).ConfigureAwait(false);
        if (result.IsSuccess)
        {
            _known[(guild, e.Id)] = result.Value.Id;
            return true;
        }

        if (Refused(guild, result.Error))
        {
            return false;
        }

        Log.ScheduledEventFailed(logger, e.Id, guild, result.Error.ToString());
        return true;
    }

    private bool Refused(string guild, DiscordApiError error)
    {
        if (error.Status != 403 && !error.Is(DiscordErrorCodes.MissingPermissions) && !error.Is(DiscordErrorCodes.MissingAccess))
        {
            return false;
        }

        _refused = true;
        status.ScheduledEventsProblem = $"off: Discord refused to manage events in guild {guild} ({error.Message}). Grant the bot Create Events and Manage Events, then restart.";
        Log.ScheduledEventsRefused(logger, guild, error.ToString());
        return true;
    }

    // The bot's own events, and those it adopted, carry the action's id in their description, so a restart finds them again.
    private async Task<DiscordApiError?> LearnAsync(string guild, CancellationToken cancellationToken)
    {
        var listed = await api.ListScheduledEventsAsync(guild, cancellationToken).ConfigureAwait(false);
        if (!listed.IsSuccess)
        {
            return listed.Error;
        }

        foreach (var existing in listed.Value)
        {
            if (existing.Status == Scheduled && ScheduledEventText.ActionId(existing.Description) is { } eventId)
            {
                _known.TryAdd((guild, eventId), existing.Id);
            }
        }

        return null;
    }

    private sealed class Adoption(ScheduledEventMirror mirror) : IDisposable
    {
        public void Dispose() => mirror._adopting.Value = null;
    }
}
