namespace CampaignBot.Discord.Gateway;

/// <summary>Takes dispatches from the gateway read loop. Must return at once: work happens elsewhere.</summary>
internal interface IDispatchSink
{
    /// <summary>Whether the sink wants events of this name (others are not copied off the read loop).</summary>
    bool Wants(string type);

    void Post(GatewayDispatch dispatch);
}
