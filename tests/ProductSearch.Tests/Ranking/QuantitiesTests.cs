using ProductSearch.Ranking;

namespace ProductSearch.Tests.Ranking;

/// <summary>Numbers with units as the second stage reads them: one quantity however it is written.</summary>
public sealed class QuantitiesTests
{
    [Theory]
    [InlineData("1/2 inch", 0.5, "in")]
    [InlineData("0.5\"", 0.5, "in")]
    [InlineData("½ in", 0.5, "in")]
    [InlineData("1-1/2 in", 1.5, "in")]
    [InlineData("1 1/2 Inches", 1.5, "in")]
    [InlineData("1½\"", 1.5, "in")]
    [InlineData("16 oz", 16, "oz")]
    [InlineData("8 fl. oz", 8, "oz")]
    [InlineData("5 lbs", 5, "lb")]
    [InlineData("6-Pack", 6, "count")]
    [InlineData("Pack of 6", 6, "count")]
    [InlineData("12 ct", 12, "count")]
    [InlineData("1,000 Pieces", 1000, "count")]
    [InlineData("6 ft", 6, "ft")]
    [InlineData("iPhone 14", 14, "")]
    public void Reads_one_quantity(string text, double value, string unit) =>
        Assert.Equal([new Quantity(value, unit)], Quantities.Read(text));

    [Fact]
    public void Decades_possessives_and_model_names_are_not_feet_or_numbers()
    {
        Assert.Equal([new Quantity(90, "")], Quantities.Read("90's rock tee"));
        Assert.Empty(Quantities.Read("Men's B12 vitamins"));
    }

    [Fact]
    public void Matching_needs_the_same_value_and_unit_unless_one_side_has_no_unit()
    {
        var title = Quantities.Read("Mug, 12 oz, 2 pack");

        Assert.True(Quantities.Matches(new Quantity(12, "oz"), title));
        Assert.True(Quantities.Matches(new Quantity(12, ""), title));
        Assert.False(Quantities.Matches(new Quantity(12, "lb"), title));
        Assert.True(Quantities.Conflicts(new Quantity(16, "oz"), title));
        Assert.False(Quantities.Conflicts(new Quantity(16, "lb"), title));
        Assert.False(Quantities.Conflicts(new Quantity(16, ""), title));
    }
}
