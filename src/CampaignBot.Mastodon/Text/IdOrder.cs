namespace CampaignBot.Mastodon.Text;

/// <summary>
/// Orders opaque status and notification ids the only way that is safe without parsing them: by length, then
/// ordinally (numeric Mastodon ids and fixed-width hex ids both sort by age this way).
/// </summary>
internal sealed class IdOrder : IComparer<string>
{
    public static IdOrder Instance { get; } = new();

    public int Compare(string? x, string? y)
    {
        var length = (x?.Length ?? 0).CompareTo(y?.Length ?? 0);
        return length != 0 ? length : string.CompareOrdinal(x, y);
    }

    public static string? Max(string? a, string? b) => a is null ? b : b is null ? a : Instance.Compare(a, b) >= 0 ? a : b;
}
