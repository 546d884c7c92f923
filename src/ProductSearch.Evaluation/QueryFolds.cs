namespace ProductSearch.Evaluation;

/// <summary>Query-grouped cross-validation folds: every query (with all its candidates) lands in exactly one fold.</summary>
internal static class QueryFolds
{
    /// <summary>The fold (0 … <paramref name="folds"/> − 1) of each of <paramref name="count"/> queries: shuffled by <paramref name="seed"/>, sizes differing by at most one.</summary>
    public static int[] Assign(int count, int folds, int seed)
    {
        var order = Enumerable.Range(0, count).ToArray();
        new Random(seed).Shuffle(order);
        var fold = new int[count];
        for (var i = 0; i < order.Length; i++) fold[order[i]] = i % folds;
        return fold;
    }

    /// <summary>The items of <paramref name="items"/> in fold <paramref name="f"/> (<paramref name="inFold"/>) or outside it.</summary>
    public static T[] Select<T>(IReadOnlyList<T> items, int[] fold, int f, bool inFold) =>
        items.Where((_, i) => (fold[i] == f) == inFold).ToArray();
}
