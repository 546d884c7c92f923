using Microsoft.Extensions.Options;

namespace ProductSearch.AspNetCore;

/// <summary>Checks <see cref="SearchEngineOptions"/> when the app starts (<c>ValidateOnStart</c>), by the engine's own rules.</summary>
internal sealed class SearchEngineOptionsValidator : IValidateOptions<SearchEngineOptions>
{
    public ValidateOptionsResult Validate(string? name, SearchEngineOptions options)
    {
        try
        {
            options.Validate();
            return ValidateOptionsResult.Success;
        }
        catch (ArgumentException ex)
        {
            return ValidateOptionsResult.Fail($"ProductSearch: {ex.Message}");
        }
    }
}
