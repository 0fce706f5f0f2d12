namespace CampaignBot.Web.Pages;

/// <summary>The page frame: landmarks (banner, main, contentinfo), a skip link, the stylesheet, no script.</summary>
internal static class Layout
{
    public static Html Open(string title, string? description, string? heading = null, string? campaign = null)
    {
        var html = new Html()
            .Raw("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">")
            .Raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
            .Raw("<title>").Text(title).Raw("</title>")
            .Raw("<link rel=\"stylesheet\" href=\"/site.css\">")
            .Raw("<link rel=\"alternate\" type=\"text/calendar\" title=\"Campaign calendar\" href=\"/calendar.ics\">")
            .Raw("</head><body><a class=\"skip\" href=\"#main\">Skip to content</a><header>");
        if (campaign is not null)
        {
            html.Raw("<p><a href=\"/\">").Text(campaign).Raw("</a></p>");
        }

        html.Element("h1", heading ?? title);
        if (description is { Length: > 0 })
        {
            html.Element("p", description);
        }

        return html.Raw("</header><main id=\"main\">");
    }

    public static string Close(Html html) =>
        html.Raw("</main><footer><p>Run with CampaignBot. <a href=\"/calendar.ics\">Calendar feed</a></p></footer></body></html>").ToString();
}
