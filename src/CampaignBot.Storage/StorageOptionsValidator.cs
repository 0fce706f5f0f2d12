using CampaignBot.Storage.Dialects;
using Microsoft.Extensions.Options;

namespace CampaignBot.Storage;

public sealed class StorageOptionsValidator : IValidateOptions<StorageOptions>
{
    private const string ProviderKey = $"{StorageOptions.Section}:{nameof(StorageOptions.Provider)}";
    private const string ConnectionStringKey = $"{StorageOptions.Section}:{nameof(StorageOptions.ConnectionString)}";

    public ValidateOptionsResult Validate(string? name, StorageOptions options)
    {
        if (!Enum.IsDefined(options.Provider))
        {
            return ValidateOptionsResult.Fail($"{ProviderKey} must be {string.Join(" or ", Enum.GetNames<StorageProvider>())}.");
        }

        if (string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            return ValidateOptionsResult.Fail($"{ConnectionStringKey} must be set.");
        }

        return StorageDialect.For(options.Provider).CheckConnectionString(options.ConnectionString) is { } problem
            ? ValidateOptionsResult.Fail($"{ConnectionStringKey} {problem}")
            : ValidateOptionsResult.Success;
    }

    // For callers that open a store without dependency injection (tools, tests).
    public static void ThrowIfInvalid(StorageOptions options)
    {
        var result = new StorageOptionsValidator().Validate(Options.DefaultName, options);
        if (result.Failed)
        {
            throw new OptionsValidationException(Options.DefaultName, typeof(StorageOptions), result.Failures);
        }
    }
}
