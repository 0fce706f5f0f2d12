using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using CampaignBot.Adapters;
using Microsoft.Extensions.Logging;

namespace CampaignBot.Mastodon.Rest;

/// <summary>
/// Sends REST requests with the bearer token through the <see cref="RateLimitGate"/>, and maps failures to
/// <see cref="MastodonApiError"/>. 429s wait for <c>X-RateLimit-Reset</c> (or back off when a server sends no
/// headers), 5xx and unreachable servers are retried with backoff, and every status post carries an
/// <c>Idempotency-Key</c>, so a retry never posts twice. After the token is rejected every later call fails at once.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "Lives as long as the process; the token source has no timer.")]
internal sealed class MastodonRestClient(HttpClient http, RateLimitGate gate, RestTimings timings, ILogger<MastodonRestClient> logger, TimeProvider clock)
{
    private const int MaxAttempts = 4;
    private static readonly MediaTypeHeaderValue Json = new("application/json");

    private readonly TaskCompletionSource _tokenRejected = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CancellationTokenSource _rejected = new();
    private readonly HashSet<string> _deprecated = [];
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, byte> _skippedEntries = new(StringComparer.Ordinal);

    /// <summary>Completes when the server rejected the token (401, or 422 from <c>verify_credentials</c>).</summary>
    public Task TokenRejected => _tokenRejected.Task;

    public CancellationToken TokenRejectedToken => _rejected.Token;

    public RateLimitGate Gate => gate;

    /// <summary>The HTTP status the token was rejected with (401, or 422 on some servers); 0 while it is accepted.</summary>
    public int RejectedStatus { get; private set; }

    public Uri BaseAddress => http.BaseAddress!;

    public async Task<ApiResult<T, MastodonApiError>> GetAsync<T>(string pathAndQuery, JsonTypeInfo<T> type, CancellationToken cancellationToken, bool verifying = false)
    {
        var response = await SendAsync(HttpMethod.Get, new Uri(pathAndQuery, UriKind.Relative), null, null, RateFamily.Api, cancellationToken, verifying).ConfigureAwait(false);
        return response.IsSuccess ? Read(pathAndQuery, response.Value.Body, type) : response.Error;
    }

    public async Task<ApiResult<MastodonPage<T>, MastodonApiError>> GetPageAsync<T>(Uri url, JsonTypeInfo<List<T>> type, CancellationToken cancellationToken)
    {
        var response = await SendAsync(HttpMethod.Get, url, null, null, RateFamily.Api, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccess)
        {
            return response.Error;
        }

        var skipped = new List<string>();
        var items = PageReader.Read(response.Value.Body, type, skipped);
        foreach (var problem in skipped)
        {
            // The cursor never passes an entry it can't read, so every poll meets it again until a newer one arrives:
            // said once, not every poll.
            if (_skippedEntries.Count > 1000)
            {
                _skippedEntries.Clear();
            }

            if (_skippedEntries.TryAdd(problem, 0))
            {
                Log.MalformedEntry(logger, url.IsAbsoluteUri ? url.AbsolutePath : url.OriginalString.Split('?')[0], problem);
            }
        }

        if (items is null)
        {
            // Not an array at all: an unreadable body, said as for any other.
            var unreadable = Read(url.ToString(), response.Value.Body, type);
            return unreadable.IsSuccess ? ApiResult<MastodonPage<T>, MastodonApiError>.Ok(new MastodonPage<T>(unreadable.Value, response.Value.Next, response.Value.Prev)) : unreadable.Error;
        }

        return ApiResult<MastodonPage<T>, MastodonApiError>.Ok(new MastodonPage<T>(items, response.Value.Next, response.Value.Prev));
    }

    /// <param name="retryUncertain">
    /// False where a request that may have been carried out (a timeout, a dropped connection, a 5xx) must not simply be
    /// sent again: the caller checks first (some servers ignore <c>Idempotency-Key</c>).
    /// </param>
    public async Task<ApiResult<T, MastodonApiError>> PostAsync<TBody, T>(string path, TBody? body, JsonTypeInfo<TBody> bodyType, JsonTypeInfo<T> type, string? idempotencyKey, RateFamily family, CancellationToken cancellationToken, bool retryUncertain = true)
    {
        var bytes = body is null ? null : JsonSerializer.SerializeToUtf8Bytes(body, bodyType);
        var response = await SendAsync(HttpMethod.Post, new Uri(path, UriKind.Relative), bytes, idempotencyKey, family, cancellationToken, retryUncertain: retryUncertain).ConfigureAwait(false);
        return response.IsSuccess ? Read(path, response.Value.Body, type) : response.Error;
    }

    public async Task<ApiResult<RestResponse, MastodonApiError>> SendAsync(HttpMethod method, Uri url, byte[]? body, string? idempotencyKey, RateFamily family, CancellationToken cancellationToken, bool verifying = false, bool retryUncertain = true)
    {
        var route = $"{method} {(url.IsAbsoluteUri ? url.AbsolutePath : url.OriginalString.Split('?')[0])}";
        for (var attempt = 1; ; attempt++)
        {
            if (TokenRejected.IsCompleted)
            {
                return new MastodonApiError(401, "The access token was rejected earlier; not sending.");
            }

            var wait = gate.Reserve(family);
            if (wait > timings.MaxRateLimitWait)
            {
                return new MastodonApiError(429, "The rate-limit budget is spent", clock.GetUtcNow() + wait);
            }

            if (wait > TimeSpan.Zero)
            {
                Log.Pacing(logger, route, wait.TotalMilliseconds);
                await Task.Delay(wait, clock, cancellationToken).ConfigureAwait(false);
            }

            HttpResponseMessage response;
            byte[] bytes;
            try
            {
                using var request = new HttpRequestMessage(method, url);
                if (body is not null)
                {
                    request.Content = new ByteArrayContent(body) { Headers = { ContentType = Json } };
                }

                if (idempotencyKey is not null)
                {
                    request.Headers.TryAddWithoutValidation("Idempotency-Key", idempotencyKey);
                }

                response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
                bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException or IOException && !cancellationToken.IsCancellationRequested)
            {
                if (attempt < MaxAttempts && retryUncertain)
                {
                    Log.Retrying(logger, route, exception.Message);
                    await Task.Delay(Backoff(attempt), clock, cancellationToken).ConfigureAwait(false);
                    continue;
                }

                return new MastodonApiError(0, exception.Message);
            }

            using (response)
            {
                var status = (int)response.StatusCode;
                var headers = RateLimitHeaders.Parse(response.Headers);
                gate.Update(family, headers);
                NoteDeprecation(route, response);
                if (response.IsSuccessStatusCode)
                {
                    var links = response.Headers.TryGetValues("Link", out var values) ? LinkHeader.Parse(string.Join(", ", values), http.BaseAddress!) : null;
                    return ApiResult<RestResponse, MastodonApiError>.Ok(new RestResponse(bytes, links?.GetValueOrDefault("next"), links?.GetValueOrDefault("prev")));
                }

                var error = new MastodonApiError(status, ErrorText(status, bytes, response.ReasonPhrase), status == 429 ? headers.Reset : null);
                if (status == 401 || (verifying && status == 422))
                {
                    RejectToken(status);
                    return error;
                }

                if (status == 429)
                {
                    var delay = headers.Reset is { } reset && reset > clock.GetUtcNow() ? reset - clock.GetUtcNow() + Jitter() : Backoff(attempt);
                    if (attempt >= MaxAttempts || delay > timings.MaxRateLimitWait)
                    {
                        Log.Failed(logger, route, status, error.Message);
                        return error with { RetryAt = clock.GetUtcNow() + delay };
                    }

                    Log.RateLimited(logger, route, delay.TotalMilliseconds, headers.Present);
                    await Task.Delay(delay, clock, cancellationToken).ConfigureAwait(false);
                    continue;
                }

                if (status is 500 or 502 or 503 or 504 && attempt < MaxAttempts && retryUncertain)
                {
                    Log.Retrying(logger, route, $"HTTP {status}");
                    await Task.Delay(Backoff(attempt), clock, cancellationToken).ConfigureAwait(false);
                    continue;
                }

                Log.Failed(logger, route, status, error.Message);
                return error;
            }
        }
    }

    private void RejectToken(int status)
    {
        if (!_tokenRejected.Task.IsCompleted)
        {
            RejectedStatus = status;
        }

        if (_tokenRejected.TrySetResult())
        {
            Log.TokenRejected(logger, status);
            _rejected.Cancel();
        }
    }

    private TimeSpan Backoff(int attempt) => (timings.RetryDelay * Math.Pow(2, attempt - 1)) + Jitter();

    private TimeSpan Jitter() => timings.RetryDelay * (Random.Shared.NextDouble() * 0.25);

    private void NoteDeprecation(string route, HttpResponseMessage response)
    {
        if (!response.Headers.Contains("Deprecation"))
        {
            return;
        }

        lock (_deprecated)
        {
            if (_deprecated.Add(route))
            {
                Log.Deprecated(logger, route);
            }
        }
    }

    private static string ErrorText(int status, byte[] bytes, string? reason)
    {
        try
        {
            if (bytes.Length > 0 && JsonSerializer.Deserialize(bytes, MastodonJsonContext.Default.MastodonErrorBody) is { Error: { Length: > 0 } text } body)
            {
                return body.ErrorDescription is { Length: > 0 } description ? $"{text} ({description})" : text;
            }
        }
        catch (JsonException)
        {
            // Proxies answer with HTML error pages; the status says enough.
        }

        return reason is { Length: > 0 } ? reason : $"HTTP {status}";
    }

    private ApiResult<T, MastodonApiError> Read<T>(string route, byte[] bytes, JsonTypeInfo<T> type)
    {
        try
        {
            return JsonSerializer.Deserialize(bytes, type) is { } value
                ? ApiResult<T, MastodonApiError>.Ok(value)
                : new MastodonApiError(200, "empty response body");
        }
        catch (JsonException exception)
        {
            Log.MalformedResponse(logger, route, exception.Message);
            return new MastodonApiError(200, $"unreadable response: {exception.Message}");
        }
    }
}
