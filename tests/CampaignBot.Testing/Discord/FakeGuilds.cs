using System.Buffers;
using System.Globalization;
using System.Text.Json;

namespace CampaignBot.Testing.Discord;

/// <summary>
/// Guilds for the fake gateway to deliver as GUILD_CREATE, shaped as Discord sends them to a bot without privileged
/// intents: the guild's settings, its roles, its channels (categories, text, voice, with permission overwrites), a few
/// emojis, and the bot's own member. Ids are snowflakes whose timestamps spread them over shards as Discord's
/// <c>(guild_id &gt;&gt; 22) % shards</c> does.
/// </summary>
public sealed class FakeGuilds(int count, int channels = 20, int roles = 12)
{
    // 2021-01-01 in Discord's epoch-relative milliseconds; an odd step spreads timestamps over every shard count.
    private const long FirstTimestamp = 1_609_459_200_000L - 1_420_070_400_000L;
    private const long Step = 997;

    public int Count => count;

    /// <summary>GUILD_CREATEs wait for this after READY (a bench measures the bot before and after them).</summary>
    public Task Held { get; init; } = Task.CompletedTask;

    public static long Id(int index) => ((FirstTimestamp + (index * Step)) << 22) | (uint)(index % 4096);

    public static int ShardOf(long guildId, int shards) => (int)((guildId >> 22) % shards);

    /// <summary>The ids of the guilds on shard <paramref name="shard"/> of <paramref name="shards"/>.</summary>
    public IEnumerable<long> On(int shard, int shards) =>
        Enumerable.Range(0, count).Select(Id).Where(id => ShardOf(id, shards) == shard);

    /// <summary>A whole GUILD_CREATE gateway frame (op 0) for guild <paramref name="id"/> with sequence <paramref name="seq"/>.</summary>
    public byte[] Frame(long id, long seq, string botUserId)
    {
        var buffer = new ArrayBufferWriter<byte>(8192);
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteNumber("op", 0);
            w.WriteNumber("s", seq);
            w.WriteString("t", "GUILD_CREATE");
            w.WritePropertyName("d");
            WriteGuild(w, id, botUserId);
            w.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    private static string S(long value) => value.ToString(CultureInfo.InvariantCulture);

    private void WriteGuild(Utf8JsonWriter w, long id, string botUserId)
    {
        var n = (int)(id % 100_000);
        w.WriteStartObject();
        w.WriteString("id", S(id));
        w.WriteString("name", $"Campaign branch {n}");
        w.WriteString("icon", $"a_{id:x16}{id:x16}"[..34]);
        w.WriteNull("splash");
        w.WriteNull("discovery_splash");
        w.WriteString("owner_id", S(id + 7));
        w.WriteString("afk_channel_id", S(id + 3));
        w.WriteNumber("afk_timeout", 300);
        w.WriteNumber("verification_level", 1);
        w.WriteNumber("default_message_notifications", 1);
        w.WriteNumber("explicit_content_filter", 2);
        w.WriteNumber("mfa_level", 0);
        w.WriteNull("application_id");
        w.WriteString("system_channel_id", S(id + 1));
        w.WriteNumber("system_channel_flags", 0);
        w.WriteString("rules_channel_id", S(id + 2));
        w.WriteNumber("max_members", 500_000);
        w.WriteNull("vanity_url_code");
        w.WriteString("description", "Organising for safe staffing and a fair contract in our hospitals.");
        w.WriteNull("banner");
        w.WriteNumber("premium_tier", n % 3);
        w.WriteNumber("premium_subscription_count", n % 14);
        w.WriteString("preferred_locale", "en-GB");
        w.WriteString("public_updates_channel_id", S(id + 2));
        w.WriteNumber("nsfw_level", 0);
        w.WriteBoolean("premium_progress_bar_enabled", false);
        w.WriteString("joined_at", "2024-03-01T18:22:05.123000+00:00");
        w.WriteBoolean("large", n % 5 == 0);
        w.WriteBoolean("unavailable", false);
        w.WriteNumber("member_count", 40 + (n % 900));
        w.WriteStartArray("features");
        w.WriteStringValue("COMMUNITY");
        w.WriteStringValue("NEWS");
        w.WriteStringValue("GUILD_ONBOARDING");
        w.WriteEndArray();
        WriteRoles(w, id);
        WriteChannels(w, id);
        WriteEmojis(w, id);
        w.WriteStartArray("members");
        w.WriteStartObject();
        w.WriteStartObject("user");
        w.WriteString("id", botUserId);
        w.WriteString("username", "campaign-bot");
        w.WriteString("discriminator", "0");
        w.WriteNull("avatar");
        w.WriteNull("global_name");
        w.WriteBoolean("bot", true);
        w.WriteEndObject();
        w.WriteStartArray("roles");
        w.WriteStringValue(S(id + 1000 + roles - 1));
        w.WriteEndArray();
        w.WriteString("joined_at", "2024-03-01T18:22:05.123000+00:00");
        w.WriteBoolean("deaf", false);
        w.WriteBoolean("mute", false);
        w.WriteNumber("flags", 0);
        w.WriteBoolean("pending", false);
        w.WriteEndObject();
        w.WriteEndArray();
        foreach (var empty in new[] { "voice_states", "threads", "presences", "stage_instances", "guild_scheduled_events", "soundboard_sounds", "stickers" })
        {
            w.WriteStartArray(empty);
            w.WriteEndArray();
        }

        w.WriteEndObject();
    }

    private void WriteRoles(Utf8JsonWriter w, long id)
    {
        string[] names = ["@everyone", "Organiser", "Steward", "Rep", "Member", "Press", "Volunteer", "Nurse", "Doctor", "Porter", "Student", "campaign-bot"];
        w.WriteStartArray("roles");
        for (var r = 0; r < roles; r++)
        {
            w.WriteStartObject();
            w.WriteString("id", r == 0 ? S(id) : S(id + 1000 + r));
            w.WriteString("name", names[r % names.Length]);
            w.WriteString("description", (string?)null);
            w.WriteNumber("color", r == 0 ? 0 : 0x1F8B4C + (r * 4099));
            w.WriteStartObject("colors");
            w.WriteNumber("primary_color", r == 0 ? 0 : 0x1F8B4C + (r * 4099));
            w.WriteNull("secondary_color");
            w.WriteNull("tertiary_color");
            w.WriteEndObject();
            w.WriteBoolean("hoist", r is > 0 and < 4);
            w.WriteNull("icon");
            w.WriteNull("unicode_emoji");
            w.WriteNumber("position", r);
            w.WriteString("permissions", r == 1 ? "2222085186637376" : "1071698660929");
            w.WriteBoolean("managed", r == roles - 1);
            w.WriteBoolean("mentionable", r > 0);
            w.WriteNumber("flags", 0);
            if (r == roles - 1)
            {
                w.WriteStartObject("tags");
                w.WriteString("bot_id", FakeDiscordServer.ApplicationId);
                w.WriteEndObject();
            }

            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    private void WriteChannels(Utf8JsonWriter w, long id)
    {
        string[] names = ["announcements", "general", "actions", "pickets", "rallies", "reminders", "press", "organisers", "welcome", "rules", "help", "media"];
        w.WriteStartArray("channels");
        for (var c = 0; c < channels; c++)
        {
            var category = c % 7 == 0;
            var voice = !category && c % 7 == 6;
            w.WriteStartObject();
            w.WriteString("id", S(id + 1 + c));
            w.WriteNumber("type", category ? 4 : voice ? 2 : c == 1 ? 5 : 0);
            w.WriteString("name", category ? $"Section {c / 7}" : voice ? $"Call {c}" : $"{names[c % names.Length]}-{c}");
            w.WriteNumber("position", c);
            w.WriteNumber("flags", 0);
            if (!category)
            {
                w.WriteString("parent_id", S(id + 1 + (c / 7 * 7)));
            }

            if (voice)
            {
                w.WriteNumber("bitrate", 64000);
                w.WriteNumber("user_limit", 0);
                w.WriteNull("rtc_region");
            }
            else if (!category)
            {
                w.WriteString("topic", "Dates, places and what to bring. Be kind, keep it on topic.");
                w.WriteBoolean("nsfw", false);
                w.WriteString("last_message_id", S(id + 500_000 + c));
                w.WriteNumber("rate_limit_per_user", 0);
                w.WriteNumber("default_thread_rate_limit_per_user", 0);
                w.WriteNumber("default_auto_archive_duration", 4320);
            }

            w.WriteStartArray("permission_overwrites");
            w.WriteStartObject();
            w.WriteString("id", S(id));
            w.WriteNumber("type", 0);
            w.WriteString("allow", "0");
            w.WriteString("deny", c % 3 == 0 ? "2048" : "0");
            w.WriteEndObject();
            w.WriteStartObject();
            w.WriteString("id", S(id + 1001));
            w.WriteNumber("type", 0);
            w.WriteString("allow", "1024");
            w.WriteString("deny", "0");
            w.WriteEndObject();
            w.WriteEndArray();
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    private static void WriteEmojis(Utf8JsonWriter w, long id)
    {
        w.WriteStartArray("emojis");
        foreach (var (name, e) in new[] { ("solidarity", 1), ("nhs", 2), ("picket", 3), ("fist", 4) })
        {
            w.WriteStartObject();
            w.WriteString("id", S(id + 90_000 + e));
            w.WriteString("name", name);
            w.WriteStartArray("roles");
            w.WriteEndArray();
            w.WriteBoolean("require_colons", true);
            w.WriteBoolean("managed", false);
            w.WriteBoolean("animated", false);
            w.WriteBoolean("available", true);
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }
}
