namespace CampaignBot.Web.Pages;

/// <summary>The one stylesheet, served from <c>/site.css</c> (the CSP allows styles from this origin only).</summary>
internal static class Styles
{
    // System fonts, a single column that fits a phone, contrast at WCAG AA or better on every text colour.
    public const string Css = """
        :root { color-scheme: light; }
        * { box-sizing: border-box; }
        body { margin: 0; font: 1rem/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1a1a1a; background: #fafafa; }
        header, main, footer { max-width: 46rem; margin: 0 auto; padding: 1rem; }
        header { border-bottom: 3px solid #0b5394; }
        h1 { font-size: 1.6rem; margin: 0.5rem 0; }
        h2 { font-size: 1.25rem; margin-top: 2rem; }
        h3 { font-size: 1.1rem; margin: 0 0 0.25rem; }
        a { color: #0b5394; }
        a:focus-visible { outline: 3px solid #e69138; outline-offset: 2px; }
        .skip { position: absolute; left: -999px; }
        .skip:focus { left: 1rem; top: 1rem; background: #fff; padding: 0.5rem; }
        ol.actions { list-style: none; padding: 0; margin: 0; }
        ol.actions > li { background: #fff; border: 1px solid #d0d0d0; border-left: 6px solid #0b5394; border-radius: 6px; padding: 0.75rem 1rem; margin: 0 0 0.75rem; }
        ol.actions > li.cancelled { border-left-color: #990000; }
        .kind { display: inline-block; font-size: 0.8rem; font-weight: 600; text-transform: uppercase; letter-spacing: 0.04em; color: #fff; background: #0b5394; border-radius: 3px; padding: 0 0.4rem; }
        .cancelled .kind { background: #990000; }
        .status { color: #990000; font-weight: 700; }
        .cancelled h3 { text-decoration: line-through; }
        dl { display: grid; grid-template-columns: max-content 1fr; gap: 0.1rem 0.75rem; margin: 0.5rem 0; }
        dt { font-weight: 600; color: #444; }
        dd { margin: 0; }
        .tags { list-style: none; padding: 0; display: grid; gap: 1rem; grid-template-columns: repeat(auto-fill, minmax(15rem, 1fr)); }
        .tags li { background: #fff; border: 1px solid #d0d0d0; border-radius: 6px; padding: 0.75rem; }
        .chart { display: block; max-width: 100%; height: auto; }
        .muted { color: #555; }
        footer { border-top: 1px solid #d0d0d0; color: #444; font-size: 0.9rem; }
        """;
}
