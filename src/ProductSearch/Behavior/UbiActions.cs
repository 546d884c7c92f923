namespace ProductSearch.Behavior;

/// <summary>The <c>action_name</c> values of the UBI schema's list that this library gives a meaning to.</summary>
public static class UbiActions
{
    /// <summary>A result was shown to the shopper (the page decides when: here, half a card in view for a second).</summary>
    public const string Impression = "impression";

    /// <summary>The shopper clicked a result.</summary>
    public const string Click = "click";

    /// <summary>The shopper followed a result to its page.</summary>
    public const string ClickThrough = "click_through";

    /// <summary>The shopper put a result in the cart.</summary>
    public const string AddToCart = "add_to_cart";

    /// <summary>The shopper bought a result.</summary>
    public const string Purchase = "purchase";

    /// <summary>Actions that mean the shopper chose the object: each implies it was seen, and counts as a click for click models.</summary>
    public static IReadOnlySet<string> Choices { get; } = new HashSet<string>(StringComparer.Ordinal) { Click, ClickThrough, AddToCart, Purchase };
}
