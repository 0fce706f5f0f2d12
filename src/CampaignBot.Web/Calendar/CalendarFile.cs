namespace CampaignBot.Web.Calendar;

/// <summary>A serialized calendar (UTF-8, CRLF, folded) with its strong ETag and the fingerprint it was made from.</summary>
internal sealed record CalendarFile(byte[] Content, string ETag, string Fingerprint, DateTimeOffset LastModified);
