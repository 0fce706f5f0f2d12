using System.Threading.Channels;
using CampaignBot.Discord.Gateway;

namespace CampaignBot.Benchmarks.Discord;

/// <summary>Takes interactions off the "read loop" through a channel to a consumer, as the adapter does, and counts them.</summary>
internal sealed class CountingSink : IDispatchSink
{
    private readonly Channel<GatewayDispatch> _queue = Channel.CreateUnbounded<GatewayDispatch>(new UnboundedChannelOptions { SingleReader = true });
    private long _consumed;

    public CountingSink() => Consumer = Task.Run(ConsumeAsync);

    public Task Consumer { get; }

    public long Consumed => Interlocked.Read(ref _consumed);

    public bool Wants(string type) => type == "INTERACTION_CREATE";

    public void Post(GatewayDispatch dispatch) => _queue.Writer.TryWrite(dispatch);

    public void Complete() => _queue.Writer.Complete();

    private async Task ConsumeAsync()
    {
        await foreach (var dispatch in _queue.Reader.ReadAllAsync().ConfigureAwait(false))
        {
            if (dispatch.Data.TryGetProperty("id", out _))
            {
                Interlocked.Increment(ref _consumed);
            }
        }
    }
}
