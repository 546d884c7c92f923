using Microsoft.Extensions.Options;

namespace ProductSearch.AspNetCore;

/// <summary>
/// Checks an options class when the app starts (<c>ValidateOnStart</c>) by the rules its component applies itself
/// (<see cref="SearchEngineOptions.Validate"/>, <see cref="Behavior.BehaviorLogOptions.Validate"/>), so the two never
/// drift apart: an <see cref="ArgumentException"/> becomes a start-up failure naming the option.
/// </summary>
internal sealed class OwnRulesValidator<TOptions>(Action<TOptions> validate) : IValidateOptions<TOptions> where TOptions : class
{
    public ValidateOptionsResult Validate(string? name, TOptions options)
    {
        try
        {
            validate(options);
            return ValidateOptionsResult.Success;
        }
        catch (ArgumentException ex)
        {
            return ValidateOptionsResult.Fail($"ProductSearch: {ex.Message}");
        }
    }
}
