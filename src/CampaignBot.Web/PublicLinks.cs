using System.Globalization;
using CampaignBot.Core.Ports;
using Microsoft.Extensions.Options;

namespace CampaignBot.Web;

/// <summary>Links under <c>Web:PublicUrl</c>; none when it is not set (the bot can't know how people reach it).</summary>
internal sealed class PublicLinks(IOptions<WebOptions> options) : IEventLinks
{
    private readonly Uri? _base = options.Value.PublicUrl is { Length: > 0 } url && Uri.TryCreate(url.TrimEnd('/') + "/", UriKind.Absolute, out var uri) ? uri : null;

    public Uri? Page(long eventId) => Under(string.Create(CultureInfo.InvariantCulture, $"events/{eventId}"));

    public Uri? Calendar(long eventId) => Under(string.Create(CultureInfo.InvariantCulture, $"events/{eventId}.ics"));

    private Uri? Under(string path) => _base is null ? null : new Uri(_base, path);
}
