using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace CampaignBot.Web.Pages;

/// <summary>
/// A small HTML writer: every piece of text goes through <see cref="Text"/> (HTML-encoded); only the literal markup
/// of the templates is written raw. Nothing from the store reaches the page unencoded.
/// </summary>
internal sealed class Html
{
    // Every script is allowed through as itself (the page is UTF-8); markup characters and quotes are always encoded.
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);
    private readonly StringBuilder _builder = new(8192);

    /// <summary>Literal markup from the templates (never data).</summary>
    public Html Raw(string markup)
    {
        _builder.Append(markup);
        return this;
    }

    public Html Text(string? text)
    {
        if (!string.IsNullOrEmpty(text))
        {
            Encoder.Encode(new StringWriter(_builder), text);
        }

        return this;
    }

    /// <summary>An element with encoded text content: <c>&lt;p class="x"&gt;text&lt;/p&gt;</c>.</summary>
    public Html Element(string tag, string? text, string? cssClass = null)
    {
        _builder.Append('<').Append(tag);
        if (cssClass is not null)
        {
            _builder.Append(" class=\"").Append(cssClass).Append('"');
        }

        _builder.Append('>');
        Text(text);
        _builder.Append("</").Append(tag).Append('>');
        return this;
    }

    /// <summary>An attribute value, encoded, for templates that write <c>href="</c> themselves.</summary>
    public Html Attribute(string value) => Text(value);

    public override string ToString() => _builder.ToString();
}
