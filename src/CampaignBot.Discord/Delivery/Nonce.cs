using System.Security.Cryptography;
using System.Text;

namespace CampaignBot.Discord.Delivery;

/// <summary>
/// Message nonces (at most 25 characters) derived from the delivery's idempotency key, so a retried post carries the
/// same nonce and Discord's <c>enforce_nonce</c> drops the duplicate.
/// </summary>
internal static class Nonce
{
    public const int MaxLength = 25;

    public static string For(string idempotencyKey, int part)
    {
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(idempotencyKey)));
        var suffix = $".{part}";
        return string.Concat(hash.AsSpan(0, MaxLength - suffix.Length), suffix);
    }
}
