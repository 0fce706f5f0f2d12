namespace CampaignBot.Testing.Routing;

/// <summary>Matches a request path against an OpenAPI-style route template (<c>/channels/{channel_id}/messages</c>).</summary>
public static class RouteTemplate
{
    /// <summary>True when <paramref name="path"/> fits <paramref name="template"/>; its <c>{name}</c> segments go to <paramref name="parameters"/>.</summary>
    public static bool Match(string template, string path, Dictionary<string, string> parameters)
    {
        var parts = template.Trim('/').Split('/');
        var segments = path.Trim('/').Split('/');
        if (parts.Length != segments.Length)
        {
            return false;
        }

        for (var i = 0; i < parts.Length; i++)
        {
            if (parts[i].StartsWith('{'))
            {
                parameters[parts[i].Trim('{', '}')] = Uri.UnescapeDataString(segments[i]);
            }
            else if (parts[i] != segments[i])
            {
                return false;
            }
        }

        return true;
    }
}
