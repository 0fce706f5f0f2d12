using System.Net;
using CampaignBot.Core.Domain;
using CampaignBot.Core.Scheduling;
using CampaignBot.Testing.Databases;
using Microsoft.Extensions.DependencyInjection;

namespace CampaignBot.Web.Tests;

public sealed class PageTests
{
    [Fact]
    public async Task Campaign_page_shows_actions_counts_and_momentum_but_never_people()
    {
        await using var database = new SqliteTestDatabase();
        await using var web = await WebHost.StartAsync(database);
        var ct = TestContext.Current.CancellationToken;
        var march = await web.Store.AddEventAsync(Events.Draft("March <b>for</b> a safe contract", DateTimeOffset.UtcNow.AddDays(2)), ct);
        var rally = await web.Store.AddEventAsync(Events.Draft("Rally that was called off", DateTimeOffset.UtcNow.AddDays(4), EventKind.Rally), ct);
        await web.Store.UpdateEventAsync(rally with { Status = EventStatus.Cancelled, CancelReason = "Storm warning" }, ct);
        await web.Store.SetRsvpAsync(new Rsvp(march.Id, new Person(Platform.Discord, "31337", "Alice Secretperson"), RsvpAnswer.Going, DateTimeOffset.UtcNow), ct);
        await web.Store.SetRsvpAsync(new Rsvp(march.Id, new Person(Platform.Mastodon, "bob@example.org", "Bob Hiddenname"), RsvpAnswer.Maybe, DateTimeOffset.UtcNow), ct);
        await web.Services.GetRequiredService<Core.Ports.IHashtagMentionSink>().RecordAsync(
            [new HashtagMention("NotSafeNotFair", "https://example.org/1", Platform.Mastodon, DateTimeOffset.UtcNow.AddHours(-1)), new HashtagMention("NotSafeNotFair", "https://example.org/2", Platform.Mastodon, DateTimeOffset.UtcNow.AddDays(-3))], ct);

        using var response = await web.Client.GetAsync("/", ct);
        var html = await response.Content.ReadAsStringAsync(ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains("<h1>Test campaign</h1>", html, StringComparison.Ordinal);
        Assert.Contains("March &lt;b&gt;for&lt;/b&gt; a safe contract", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>for</b>", html, StringComparison.Ordinal);
        Assert.Contains("<time datetime=\"", html, StringComparison.Ordinal);
        Assert.Contains("1 going · 1 maybe", html, StringComparison.Ordinal);
        Assert.Contains($"href=\"/events/{march.Id}.ics\"", html, StringComparison.Ordinal);
        Assert.Contains("<li class=\"cancelled\">", html, StringComparison.Ordinal);
        Assert.Contains("Cancelled: Storm warning", html, StringComparison.Ordinal);
        Assert.Contains("<svg class=\"chart\"", html, StringComparison.Ordinal);
        Assert.Contains("#NotSafeNotFair", html, StringComparison.Ordinal);
        Assert.Contains("2 posts in 7 days", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/calendar/rally.ics\">rallies</a>", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/calendar/march.ics\">marches</a>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        foreach (var secret in new[] { "Alice", "Secretperson", "Bob", "31337", "bob@example.org", "Olive", "organiser-7" })
        {
            Assert.DoesNotContain(secret, html, StringComparison.Ordinal);
        }

        var csp = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("default-src 'none'", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("no-referrer", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
    }

    [Fact]
    public async Task Action_page_shows_one_action_and_unknown_ones_get_the_404_page()
    {
        await using var database = new SqliteTestDatabase();
        await using var web = await WebHost.StartAsync(database);
        var ct = TestContext.Current.CancellationToken;
        var march = await web.Store.AddEventAsync(Events.Draft("Solo march", DateTimeOffset.UtcNow.AddDays(2)), ct);

        var page = await web.Client.GetStringAsync($"/events/{march.Id}", ct);
        using var missing = await web.Client.GetAsync("/events/4242", ct);
        using var nowhere = await web.Client.GetAsync("/wp-admin/../etc/passwd", ct);

        Assert.Contains("<h1>Solo march</h1>", page, StringComparison.Ordinal);
        Assert.Contains("Parliament Square, London", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Contains("Page not found", await missing.Content.ReadAsStringAsync(ct), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, nowhere.StatusCode);
    }

    [Fact]
    public async Task Wrong_methods_and_bodies_are_refused_without_a_stack_trace()
    {
        await using var database = new SqliteTestDatabase();
        await using var web = await WebHost.StartAsync(database);
        var ct = TestContext.Current.CancellationToken;

        using var post = await web.Client.PostAsync("/", new StringContent("x"), ct);
        using var delete = await web.Client.DeleteAsync("/calendar.ics", ct);
        // With Expect: 100-continue, as curl sends a large body: refused before it is sent, so the connection's close
        // can't cut the answer off.
        using var hugeRequest = new HttpRequestMessage(HttpMethod.Post, "/") { Content = new ByteArrayContent(new byte[2 * 1024 * 1024]) };
        hugeRequest.Headers.ExpectContinue = true;
        using var huge = await web.Client.SendAsync(hugeRequest, ct);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, post.StatusCode);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, delete.StatusCode);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, huge.StatusCode);
        foreach (var response in new[] { post, delete, huge })
        {
            var body = await response.Content.ReadAsStringAsync(ct);
            Assert.DoesNotContain("Exception", body, StringComparison.Ordinal);
            Assert.DoesNotContain(" at ", body, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Remote_clients_are_rate_limited_and_local_ones_are_not()
    {
        await using var database = new SqliteTestDatabase();
        await using var web = await WebHost.StartAsync(database);
        var ct = TestContext.Current.CancellationToken;

        var remote = new List<HttpStatusCode>();
        TimeSpan? retryAfter = null;
        for (var i = 0; i < 200; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/site.css");
            // Forwarded by a proxy on this machine for a client elsewhere.
            request.Headers.Add("X-Forwarded-For", "203.0.113.9");
            using var response = await web.Client.SendAsync(request, ct);
            remote.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests && retryAfter is null)
            {
                retryAfter = response.Headers.RetryAfter?.Delta;
                ProtocolTests.AssertSecurityHeaders(response, "429");
            }
        }

        var local = new List<HttpStatusCode>();
        for (var i = 0; i < 200; i++)
        {
            using var response = await web.Client.GetAsync("/site.css", ct);
            local.Add(response.StatusCode);
        }

        Assert.Contains(HttpStatusCode.TooManyRequests, remote);
        Assert.InRange(retryAfter ?? TimeSpan.Zero, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(5));
        Assert.Equal(HttpStatusCode.OK, remote[0]);
        Assert.All(local, status => Assert.Equal(HttpStatusCode.OK, status));
    }
}
