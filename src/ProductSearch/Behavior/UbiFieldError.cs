namespace ProductSearch.Behavior;

/// <summary>What is wrong with one field of a UBI record.</summary>
/// <param name="Field">The field's path, for example <c>event_attributes.position.ordinal</c> (or <c>record</c> for the whole).</param>
/// <param name="Message">What is wrong with it, naming the field.</param>
public sealed record UbiFieldError(string Field, string Message)
{
    /// <summary>The same error under <paramref name="prefix"/>, for a record inside a list (<c>[3].action_name</c>).</summary>
    public UbiFieldError Within(string prefix) => new(prefix + (Field.StartsWith('[') ? "" : ".") + Field, Message);

    /// <inheritdoc />
    public override string ToString() => Message;
}
