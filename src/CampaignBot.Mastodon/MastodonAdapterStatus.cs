using System.Globalization;
using CampaignBot.Core.Ports;
using CampaignBot.Mastodon.Telemetry;

namespace CampaignBot.Mastodon;

/// <summary>The Mastodon section of <c>status</c>: connection, streaming mode, last event, errors, and why it stopped.</summary>
internal sealed class MastodonAdapterStatus(TimeProvider clock) : IStatusSource
{
    private readonly TaskCompletionSource<string> _stopped = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _streaming = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Lock _lock = new();
    private string _state = "starting";
    private string? _stopReason;
    private StreamingMode _mode;
    private string? _modeReason;
    private string? _lastEvent;
    private IReadOnlyList<string>? _lastUpdateOn;
    private DateTimeOffset? _lastEventAt;
    private string? _lastError;
    private int _errors;
    private int _reconnects;
    private int _commands;

    public string Section => "Mastodon";

    public string? StopReason
    {
        get
        {
            lock (_lock)
            {
                return _stopReason;
            }
        }
    }

    public StreamingMode Mode
    {
        get
        {
            lock (_lock)
            {
                return _mode;
            }
        }
    }

    /// <summary>Completes with the reason when the adapter stops for good.</summary>
    public Task<string> WhenStopped => _stopped.Task;

    /// <summary>Completes when a stream (or, without one, polling) is first up.</summary>
    public Task WhenListening => _streaming.Task;

    public int Reconnects => Volatile.Read(ref _reconnects);

    public void Starting(string what) => Set(() => _state = what);

    public void SignedIn(string acct) => Set(() => _state = $"connected as @{acct}");

    /// <summary>Now listening by <paramref name="mode"/>; <paramref name="why"/> says why when it is not streaming.</summary>
    public void Listening(StreamingMode mode, string? why)
    {
        Set(() =>
        {
            _mode = mode;
            _modeReason = why;
        });
        MastodonMetrics.Listening(this, mode);
        _streaming.TrySetResult();
    }

    public void Reconnecting(string reason)
    {
        Interlocked.Increment(ref _reconnects);
        MastodonMetrics.Reconnecting();
        Error($"stream dropped: {reason}");
    }

    public void Event(string what)
    {
        lock (_lock)
        {
            _lastEvent = what;
            _lastUpdateOn = null;
            _lastEventAt = clock.GetUtcNow();
        }
    }

    /// <summary>A status arrived on <paramref name="stream"/>: called for every post of a busy tag, so it is described only when asked.</summary>
    public void Update(IReadOnlyList<string> stream)
    {
        lock (_lock)
        {
            _lastEvent = null;
            _lastUpdateOn = stream;
            _lastEventAt = clock.GetUtcNow();
        }
    }

    public void CommandAnswered() => Interlocked.Increment(ref _commands);

    public void Error(string problem) => Set(() =>
    {
        _errors++;
        _lastError = $"{problem} at {clock.GetUtcNow().ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)} UTC";
    });

    public void Stopped(string reason)
    {
        Set(() =>
        {
            _stopReason ??= reason;
            _state = $"stopped: {_stopReason}";
        });
        _stopped.TrySetResult(reason);
    }

    public Task<IReadOnlyList<string>> DescribeAsync(CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            var lines = new List<string> { _state };
            if (_stopReason is null)
            {
                lines.Add($"streaming: {Describe(_mode)}{(_modeReason is { } why ? $" ({why})" : string.Empty)}, {_reconnects} reconnect(s)");
                var lastEvent = _lastEvent ?? (_lastUpdateOn is { } stream ? $"update on {(stream.Count > 0 ? string.Join(':', stream) : "the stream")}" : null);
                lines.Add(lastEvent is null ? "last event: none yet" : $"last event: {lastEvent}, {(clock.GetUtcNow() - _lastEventAt!.Value).TotalSeconds:0} s ago");
                lines.Add($"commands answered: {_commands}");
                lines.Add(_errors == 0 ? "errors: none" : $"errors: {_errors}, last: {_lastError}");
            }

            return Task.FromResult<IReadOnlyList<string>>(lines);
        }
    }

    private static string Describe(StreamingMode mode) => mode switch
    {
        StreamingMode.WebSocket => "WebSocket",
        StreamingMode.ServerSentEvents => "server-sent events",
        StreamingMode.Polling => "none (REST polling)",
        _ => "not connected yet",
    };

    private void Set(Action change)
    {
        lock (_lock)
        {
            change();
        }
    }
}
