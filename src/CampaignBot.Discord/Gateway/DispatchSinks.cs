namespace CampaignBot.Discord.Gateway;

/// <summary>Every sink the adapter has, as the one the gateway hands dispatches to: each goes to the first that wants it.</summary>
internal sealed class DispatchSinks(IReadOnlyList<IDispatchSink> sinks) : IDispatchSink
{
    public bool Wants(string type) => sinks.Any(sink => sink.Wants(type));

    public void Post(GatewayDispatch dispatch) => sinks.First(sink => sink.Wants(dispatch.Type)).Post(dispatch);
}
