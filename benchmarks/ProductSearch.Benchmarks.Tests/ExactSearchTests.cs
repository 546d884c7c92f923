using ProductSearch.Benchmarks.Common;

namespace ProductSearch.Benchmarks.Tests;

public class ExactSearchTests
{
    // Rows 0 and 1 are the same vector (two products with one title); row 2 is further from the query, row 3 opposite.
    private static ExactSearch Rows() => new([1, 0, 1, 0, 0.8f, 0.6f, -1, 0], 2);

    [Fact]
    public void Finds_the_most_similar_rows_best_first()
    {
        Assert.Equal([0, 1, 2], Rows().Search([1, 0], 3));
        Assert.Equal([3], Rows().Search([-1, 0.1f], 1));
    }

    [Fact]
    public void A_tie_with_the_kth_neighbour_counts_as_found()
    {
        var exact = Rows();
        int[][] truth = [exact.Search([1, 0], 1)]; // row 0
        Assert.Equal(1.0, exact.Recall([[1, 0]], truth, [[1]], 1)); // its twin, row 1, is as good
        Assert.Equal(0.0, exact.Recall([[1, 0]], truth, [[2]], 1));
    }

    [Fact]
    public void Recall_is_the_share_of_the_top_k_found()
    {
        var exact = Rows();
        int[][] truth = [exact.Search([1, 0], 3)];
        Assert.Equal(2 / 3.0, exact.Recall([[1, 0]], truth, [[0, 2, 3]], 3), 6);
    }
}
