using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using CampaignBot.Adapters;
using CampaignBot.Discord.Json;
using CampaignBot.Discord.Telemetry;
using Microsoft.Extensions.Logging;

namespace CampaignBot.Discord.Rest;

/// <summary>
/// Sends REST requests through the rate limiter and maps failures to <see cref="DiscordApiError"/>. Retries 429s
/// (after <c>retry_after</c>) and brief 5xx outages; never retries 401, 403 or 404. After a 401 the token is
/// treated as dead: every later call fails at once, so a bad token can't burn the invalid-request budget.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "Lives as long as the process; the token source has no timer.")]
internal sealed class DiscordRestClient(HttpClient http, RestRateLimiter limiter, ILogger<DiscordRestClient> logger, TimeProvider clock)
{
    private const int MaxAttempts = 5;
    private static readonly MediaTypeHeaderValue Json = new("application/json");

    private readonly TaskCompletionSource _tokenRejected = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CancellationTokenSource _rejected = new();

    /// <summary>Completes when Discord answered 401: the token is wrong or was reset.</summary>
    public Task TokenRejected => _tokenRejected.Task;

    /// <summary>Cancelled when Discord answered 401, to stop everything that uses the token.</summary>
    public CancellationToken TokenRejectedToken => _rejected.Token;

    public RestRateLimiter Limiter => limiter;

    public async Task<ApiResult<TResult, DiscordApiError>> SendAsync<TBody, TResult>(RestRoute route, TBody body, JsonTypeInfo<TBody> bodyType, JsonTypeInfo<TResult> resultType, CancellationToken cancellationToken)
    {
        var response = await SendAsync(route, JsonSerializer.SerializeToUtf8Bytes(body, bodyType), cancellationToken).ConfigureAwait(false);
        return response.IsSuccess ? Read(route, response.Value, resultType) : response.Error;
    }

    public async Task<ApiResult<TResult, DiscordApiError>> SendAsync<TResult>(RestRoute route, JsonTypeInfo<TResult> resultType, CancellationToken cancellationToken)
    {
        var response = await SendAsync(route, body: null, cancellationToken).ConfigureAwait(false);
        return response.IsSuccess ? Read(route, response.Value, resultType) : response.Error;
    }

    /// <summary>Sends <paramref name="body"/> (JSON bytes, or none) and returns the response bytes.</summary>
    public async Task<ApiResult<byte[], DiscordApiError>> SendAsync(RestRoute route, byte[]? body, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            if (route.Authenticated && TokenRejected.IsCompleted)
            {
                return new DiscordApiError(401, DiscordErrorCodes.Unauthorized, "The bot token was rejected earlier; not sending.");
            }

            var lease = await limiter.AcquireAsync(route, cancellationToken).ConfigureAwait(false);
            HttpResponseMessage response;
            byte[] bytes;
            try
            {
                using var request = new HttpRequestMessage(route.Method, route.Path);
                if (body is not null)
                {
                    request.Content = new ByteArrayContent(body) { Headers = { ContentType = Json } };
                }

                response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
                bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
            {
                limiter.Abandon(lease);
                if (attempt < 3)
                {
                    Log.RestRetrying(logger, route.ToString(), exception.Message);
                    await Task.Delay(TimeSpan.FromMilliseconds(250 * attempt), clock, cancellationToken).ConfigureAwait(false);
                    continue;
                }

                return new DiscordApiError(0, 0, exception.Message);
            }
            catch
            {
                limiter.Abandon(lease);
                throw;
            }

            using (response)
            {
                var status = (int)response.StatusCode;
                DiscordMetrics.Response(status);
                var headers = RateLimitHeaders.Parse(response.Headers);
                var error = status >= 400 ? ReadError(status, bytes) : null;
                limiter.Complete(lease, headers, status, error?.RetryAfter is { } seconds ? TimeSpan.FromSeconds(seconds) : null);
                if (response.IsSuccessStatusCode)
                {
                    return ApiResult<byte[], DiscordApiError>.Ok(bytes);
                }

                var failure = new DiscordApiError(status, error?.Code ?? 0, error?.Message ?? response.ReasonPhrase ?? "error");
                switch (response.StatusCode)
                {
                    case HttpStatusCode.TooManyRequests when attempt < MaxAttempts:
                        Log.RestRateLimited(logger, route.ToString(), error?.RetryAfter ?? headers.RetryAfter?.TotalSeconds ?? 0, headers.Scope ?? (error?.Global == true ? "global" : "route"));
                        continue;
                    case HttpStatusCode.Unauthorized when route.Authenticated:
                        if (_tokenRejected.TrySetResult())
                        {
                            Log.TokenRejected(logger);
                            await _rejected.CancelAsync().ConfigureAwait(false);
                        }

                        return failure;
                    case HttpStatusCode.InternalServerError or HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout when attempt < 3:
                        Log.RestRetrying(logger, route.ToString(), $"HTTP {status}");
                        await Task.Delay(TimeSpan.FromMilliseconds(500 * attempt), clock, cancellationToken).ConfigureAwait(false);
                        continue;
                    default:
                        Log.RestFailed(logger, route.ToString(), status, failure.Code, failure.Message);
                        return failure;
                }
            }
        }
    }

    private static ErrorBody? ReadError(int status, byte[] bytes)
    {
        try
        {
            return bytes.Length > 0 ? JsonSerializer.Deserialize(bytes, DiscordJsonContext.Default.ErrorBody) : null;
        }
        catch (JsonException)
        {
            return new ErrorBody(0, $"HTTP {status} with a body that is not Discord's error JSON", null, null);
        }
    }

    private ApiResult<TResult, DiscordApiError> Read<TResult>(RestRoute route, byte[] bytes, JsonTypeInfo<TResult> type)
    {
        try
        {
            return JsonSerializer.Deserialize(bytes, type) is { } value
                ? ApiResult<TResult, DiscordApiError>.Ok(value)
                : new DiscordApiError(200, 0, "empty response body");
        }
        catch (JsonException exception)
        {
            Log.MalformedResponse(logger, route.ToString(), exception.Message);
            return new DiscordApiError(200, 0, $"unreadable response: {exception.Message}");
        }
    }
}
