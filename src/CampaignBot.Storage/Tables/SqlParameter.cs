namespace CampaignBot.Storage.Tables;

// A named value for a command; instants go in as unix milliseconds, see Columns.
internal readonly record struct SqlParameter(string Name, object? Value)
{
    public static implicit operator SqlParameter((string Name, object? Value) pair) => new(pair.Name, pair.Value);
}
