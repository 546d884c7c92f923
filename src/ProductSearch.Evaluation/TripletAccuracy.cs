namespace ProductSearch.Evaluation;

/// <summary>
/// Triplet accuracies from vectors, by the rules of sentence-transformers' <c>TripletEvaluator</c>.
/// </summary>
/// <remarks>
/// What we read in sentence-transformers' <c>sentence_transformers/evaluation/TripletEvaluator.py</c> (the versions
/// built on <c>pairwise_cos_sim</c>, <c>pairwise_dot_score</c>, <c>pairwise_manhattan_sim</c> and
/// <c>pairwise_euclidean_sim</c>, after huggingface/sentence-transformers PR #2862): every measure is a similarity and
/// <c>accuracy = (positive_scores &gt; negative_scores + margin).float().mean()</c> with margin 0 unless asked. The
/// Manhattan and Euclidean "similarities" are negated distances, so the strict &gt; means d(q, pos) &lt; d(q, neg);
/// a tie counts as a miss. <c>max_accuracy</c> is the largest of the four. Cosine normalises each vector (with
/// torch's 1e-12 floor on the norm); dot uses the vectors as the model gives them, so it equals cosine only for a
/// model that ends in a Normalize module. Older versions (sklearn's paired distances) compared dot products with
/// &lt; as if they were distances, which inverted the dot accuracy; PR #2862 fixed that, and we follow the fix.
/// We sum in double precision where torch sums in float32; only a pair within float32 rounding of a tie could
/// come out differently.
/// </remarks>
public static class TripletAccuracy
{
    // torch.nn.functional.normalize's default eps: a zero vector has cosine 0 with everything.
    private const double NormFloor = 1e-12;

    /// <summary>Scores triplets whose anchor, positive and negative vectors are given in parallel lists.</summary>
    /// <exception cref="ArgumentException">The lists differ in length, are empty, or hold vectors of different widths.</exception>
    public static TripletAccuracies Compute(IReadOnlyList<float[]> anchors, IReadOnlyList<float[]> positives, IReadOnlyList<float[]> negatives)
    {
        ArgumentNullException.ThrowIfNull(anchors);
        ArgumentNullException.ThrowIfNull(positives);
        ArgumentNullException.ThrowIfNull(negatives);
        if (anchors.Count != positives.Count || anchors.Count != negatives.Count)
            throw new ArgumentException($"Anchors ({anchors.Count}), positives ({positives.Count}) and negatives ({negatives.Count}) must be as many.");
        if (anchors.Count == 0) throw new ArgumentException("No triplets to score.", nameof(anchors));

        int cosine = 0, dot = 0, manhattan = 0, euclidean = 0;
        for (var i = 0; i < anchors.Count; i++)
        {
            var (q, p, n) = (anchors[i], positives[i], negatives[i]);
            if (q.Length != p.Length || q.Length != n.Length)
                throw new ArgumentException($"Triplet {i} has vectors of widths {q.Length}, {p.Length} and {n.Length}.");
            var toPositive = Measure(q, p);
            var toNegative = Measure(q, n);
            if (toPositive.Cosine > toNegative.Cosine) cosine++;
            if (toPositive.Dot > toNegative.Dot) dot++;
            if (toPositive.Manhattan < toNegative.Manhattan) manhattan++;
            if (toPositive.Euclidean < toNegative.Euclidean) euclidean++;
        }
        double count = anchors.Count;
        return new TripletAccuracies(cosine / count, dot / count, manhattan / count, euclidean / count, anchors.Count);
    }

    private static (double Cosine, double Dot, double Manhattan, double Euclidean) Measure(float[] a, float[] b)
    {
        double dot = 0, normA = 0, normB = 0, manhattan = 0, squared = 0;
        for (var j = 0; j < a.Length; j++)
        {
            double x = a[j], y = b[j];
            dot += x * y;
            normA += x * x;
            normB += y * y;
            manhattan += Math.Abs(x - y);
            squared += (x - y) * (x - y);
        }
        var cosine = dot / (Math.Max(Math.Sqrt(normA), NormFloor) * Math.Max(Math.Sqrt(normB), NormFloor));
        return (cosine, dot, manhattan, Math.Sqrt(squared));
    }
}
