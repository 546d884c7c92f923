using System.Globalization;

namespace ProductSearch.Evaluation;

/// <summary>The settings of one LambdaMART model (ML.NET FastTree ranking) that training may choose between.</summary>
/// <param name="Leaves">Leaves per tree.</param>
/// <param name="Trees">Number of trees.</param>
/// <param name="LearningRate">Shrinkage of each tree.</param>
/// <param name="MinimumExamplesPerLeaf">Fewest candidate rows a leaf may hold.</param>
public sealed record LambdaMartSettings(int Leaves, int Trees, double LearningRate, int MinimumExamplesPerLeaf)
{
    /// <summary>
    /// The settings cross-validation chooses among by default: 4, 8 or 16 leaves, 100 trees, learning rate 0.1, at least
    /// 20 rows a leaf. Kept small on purpose: with ~100 judged queries a larger grid buys fit to them, not gain on new ones.
    /// Ordered simplest first; a tie goes to the simpler.
    /// </summary>
    public static IReadOnlyList<LambdaMartSettings> DefaultGrid { get; } = [new(4, 100, 0.1, 20), new(8, 100, 0.1, 20), new(16, 100, 0.1, 20)];

    /// <inheritdoc />
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"LambdaMART (FastTree): {Trees} trees of {Leaves} leaves, learning rate {LearningRate}, at least {MinimumExamplesPerLeaf} rows a leaf");
}
