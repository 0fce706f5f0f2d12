using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;

namespace CampaignBot.Tests;

/// <summary>
/// Debian's Chromium, through chromium-driver and Selenium, loads the campaign page from a running bot, as a new
/// user does after the README's first command. Its screenshot is kept with the test output.
/// </summary>
public sealed class BrowserTests : IDisposable
{
    private const string Chromium = "/usr/bin/chromium";
    private const string Driver = "/usr/bin/chromedriver";

    private readonly TempDatabase _database = new();
    private readonly DirectoryInfo _profile = Directory.CreateTempSubdirectory("campaignbot-chromium-");

    public void Dispose()
    {
        _database.Dispose();
        _profile.Delete(recursive: true);
    }

    [Fact]
    public async Task Browser_shows_the_example_campaign_its_actions_and_the_hashtag_chart()
    {
        RequireBrowser();
        await using var bot = BotProcess.Start(_database.Path);
        var address = await bot.WebAddressAsync();

        var options = new ChromeOptions { BinaryLocation = Chromium };
        options.AddArguments(
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", $"--user-data-dir={_profile.FullName}", "--window-size=412,2600");
        var service = ChromeDriverService.CreateDefaultService(Path.GetDirectoryName(Driver)!, Path.GetFileName(Driver));
        service.SuppressInitialDiagnosticInformation = true;
        using var driver = new ChromeDriver(service, options, TimeSpan.FromSeconds(60));

        await driver.Navigate().GoToUrlAsync(address.AbsoluteUri);

        Assert.Equal("Junior Doctors' Contract Campaign", driver.FindElement(By.TagName("h1")).Text);
        var actions = driver.FindElements(By.CssSelector("ol.actions > li"));
        Assert.Contains(actions, action => action.Text.Contains("March for a safe contract", StringComparison.Ordinal));
        Assert.Contains(actions, action => action.Text.Contains("Strike: emergency care only", StringComparison.Ordinal));
        Assert.All(driver.FindElements(By.CssSelector("ol.actions time")), time => Assert.Matches(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$", time.GetAttribute("datetime")));
        var charts = driver.FindElements(By.CssSelector("svg.chart"));
        Assert.Equal(4, charts.Count);
        Assert.All(charts, chart => Assert.True(chart.Displayed && chart.Size.Width > 100, "chart not drawn"));
        Assert.Equal(7, charts[0].FindElements(By.CssSelector("rect.bar")).Count);
        // The stylesheet loaded under the page's Content-Security-Policy: the header band is styled.
        Assert.Equal("3px", driver.FindElement(By.TagName("header")).GetCssValue("border-bottom-width"));

        var directory = Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "screenshots"));
        var file = Path.Combine(directory.FullName, "campaign-page.png");
        driver.GetScreenshot().SaveAsFile(file);
        TestContext.Current.AddAttachment("campaign-page.png", await File.ReadAllBytesAsync(file, TestContext.Current.CancellationToken), "image/png");
        TestContext.Current.SendDiagnosticMessage($"Screenshot: {file}");

        driver.FindElement(By.LinkText("March for a safe contract")).Click();
        Assert.Equal("March for a safe contract", driver.FindElement(By.TagName("h1")).Text);
        Assert.EndsWith(".ics", driver.FindElement(By.LinkText("Add to calendar")).GetAttribute("href"), StringComparison.Ordinal);
    }

    private static void RequireBrowser()
    {
        if (File.Exists(Chromium) && File.Exists(Driver))
        {
            return;
        }

        const string Reason = "Chromium not installed: apt-get install chromium chromium-driver (.ci/run does).";
        if (Environment.GetEnvironmentVariable("CAMPAIGNBOT_REQUIRE_BROWSER") == "1")
        {
            throw new InvalidOperationException($"{Reason} (CAMPAIGNBOT_REQUIRE_BROWSER=1, so this is a failure, not a skip.)");
        }

        Assert.Skip(Reason);
    }
}
