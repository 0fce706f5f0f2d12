using System.Data.Common;

namespace CampaignBot.Storage.Tables;

// Reading the column shapes both schemas share.
internal static class Columns
{
    public static long Milliseconds(DateTimeOffset instant) => instant.ToUnixTimeMilliseconds();

    public static long? Milliseconds(DateTimeOffset? instant) => instant?.ToUnixTimeMilliseconds();

    public static DateTimeOffset GetInstant(this DbDataReader reader, int ordinal) =>
        DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(ordinal));

    public static DateTimeOffset? GetNullableInstant(this DbDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetInstant(ordinal);

    public static string? GetNullableString(this DbDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    // count(*) is a 64-bit integer on both engines.
    public static int GetCount(this DbDataReader reader, int ordinal) => checked((int)reader.GetInt64(ordinal));
}
