namespace CampaignBot.Core.Results;

/// <summary>Accumulates reply lines; keeps command modules free of list plumbing.</summary>
public sealed class ReplyBuilder(string? title = null)
{
    private readonly List<IReadOnlyList<Fragment>> _lines = [];

    public ReplyBuilder Line(params Fragment[] fragments)
    {
        _lines.Add(fragments);
        return this;
    }

    public ReplyBuilder LineIf(bool condition, params Fragment[] fragments) => condition ? Line(fragments) : this;

    public int Count => _lines.Count;

    public Reply Build(bool isPrivate = false) => new(title, _lines.ToArray(), isPrivate);
}
