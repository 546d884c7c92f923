using Microsoft.Extensions.Options;
using ProductSearch.Behavior;

namespace ProductSearch.AspNetCore;

/// <summary>Checks <see cref="BehaviorLogOptions"/> when the app starts (<c>ValidateOnStart</c>), by the writer's own rules.</summary>
internal sealed class BehaviorLogOptionsValidator : IValidateOptions<BehaviorLogOptions>
{
    public ValidateOptionsResult Validate(string? name, BehaviorLogOptions options)
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
