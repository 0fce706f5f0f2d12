namespace CampaignBot.Discord.Gateway;

/// <summary>Discord's gateway close codes: which to resume after, which need a new session, which are fatal.</summary>
internal static class GatewayCloseCodes
{
    public static CloseAction Classify(int? code) => code switch
    {
        4004 or 4010 or 4011 or 4012 or 4013 or 4014 => CloseAction.Fatal,
        4003 or 4007 or 4009 => CloseAction.NewSession,
        _ => CloseAction.Resume,
    };

    public static string Describe(int? code) => code switch
    {
        null => "connection dropped without a close code",
        4000 => "4000 unknown error",
        4001 => "4001 unknown opcode",
        4002 => "4002 decode error",
        4003 => "4003 not authenticated",
        4004 => "4004 authentication failed: Discord rejected Discord:Token",
        4005 => "4005 already authenticated",
        4007 => "4007 invalid resume sequence",
        4008 => "4008 rate limited",
        4009 => "4009 session timed out",
        4010 => "4010 invalid shard: check Discord:ShardIds and Discord:ShardCount",
        4011 => "4011 sharding required: raise Discord:ShardCount",
        4012 => "4012 invalid API version: Discord:GatewayUrl must accept v=10",
        4013 => "4013 invalid intents",
        4014 => "4014 disallowed intents: the bot asked for a privileged intent",
        _ => $"{code}",
    };
}
