namespace ProductSearch.Evaluation;

/// <summary>
/// The shares of triplets a model orders right, under sentence-transformers' TripletEvaluator's four measures
/// (see <see cref="TripletAccuracy"/> for the rules).
/// </summary>
/// <param name="Cosine">Share with cos(q, pos) &gt; cos(q, neg).</param>
/// <param name="Dot">Share with q·pos &gt; q·neg, on the model's own output.</param>
/// <param name="Manhattan">Share with L1(q, pos) &lt; L1(q, neg).</param>
/// <param name="Euclidean">Share with L2(q, pos) &lt; L2(q, neg).</param>
/// <param name="Count">Number of triplets.</param>
public sealed record TripletAccuracies(double Cosine, double Dot, double Manhattan, double Euclidean, int Count)
{
    /// <summary>The best of the four, as sentence-transformers' <c>max_accuracy</c>.</summary>
    public double Max => Math.Max(Math.Max(Cosine, Dot), Math.Max(Manhattan, Euclidean));
}
