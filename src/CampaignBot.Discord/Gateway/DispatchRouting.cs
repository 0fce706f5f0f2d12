namespace CampaignBot.Discord.Gateway;

/// <summary>
/// Hands a dispatch the sink wants off the read loop: a copy of <c>d</c> (the frame's buffer is reused for the next
/// message) stamped with its receipt time, from which the interaction deadline is measured.
/// </summary>
internal static class DispatchRouting
{
    public static bool Forward(GatewayFrame frame, IDispatchSink sink, TimeProvider clock, int shardId)
    {
        if (frame.Type is not { } type || !sink.Wants(type))
        {
            return false;
        }

        sink.Post(new GatewayDispatch(type, frame.Data.Clone(), clock.GetTimestamp(), shardId));
        return true;
    }
}
