namespace ProductSearch;

/// <summary>What the engine's refusals say, for whoever shows them to a user.</summary>
public static class RefusalText
{
    /// <summary>
    /// The message of <paramref name="error"/> without what .NET appends to it — " (Parameter 'FieldEquals')" and, out of
    /// range, the "Actual value was 0." after it: the parameter is the engine's name, not what the user typed (an option,
    /// a query-string key), and the message already says what is wrong and what is allowed.
    /// </summary>
    public static string Of(ArgumentException error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return error.ParamName is { Length: > 0 } name && error.Message.IndexOf($" (Parameter '{name}')", StringComparison.Ordinal) is >= 0 and var at
            ? error.Message[..at]
            : error.Message;
    }
}
