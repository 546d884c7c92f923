namespace ProductSearch.Ranking;

/// <summary>One feature's part in a learned ranker's score of a hit (see <see cref="RankerModel.Contributions"/>).</summary>
/// <param name="Feature">The feature's name (<see cref="RankerFeatures.Names"/>).</param>
/// <param name="Value">The feature's value for the hit.</param>
/// <param name="Contribution">What it added to the model's score (negative: it pulled the hit down).</param>
public readonly record struct FeatureContribution(string Feature, float Value, float Contribution);
