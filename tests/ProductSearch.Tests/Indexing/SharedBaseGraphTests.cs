using ProductSearch.Indexing;
using ProductSearch.Tests.Support;
using ProductSearch.Vector;

namespace ProductSearch.Tests.Indexing;

/// <summary>
/// Issue 16: commits that share the base graph file share the loaded graph, so an engine moving to a commit that
/// changed a few products does not load the whole graph again (at 1M products: 1.6 GB, seconds, twice the memory).
/// A merge writes a new base, which is loaded on its own; a graph is freed when the last commit holding it closes,
/// and a shared graph is never changed.
/// </summary>
public sealed class SharedBaseGraphTests : IDisposable
{
    private readonly TempFolder _temp = new();

    private string Index => _temp.File("index");

    private static UsearchIndex? Base(IndexSnapshot snapshot) => ((LayeredVectorIndex)snapshot.Vectors).LoadedBase;

    private static IReadOnlyList<VectorHit> Nearest(IndexSnapshot snapshot, string text) => snapshot.Vectors.Search(TinyIndex.Embedder.Vector(text), 3);

    [Fact]
    public void Commits_with_the_same_base_graph_share_it_until_a_merge_writes_a_new_one()
    {
        var products = TinyIndex.Products(60);
        TinyIndex.Write(Index, products, SyncMode.Mirror);
        var layout = new IndexLayout(Index);
        var first = IndexSnapshot.Open(layout);
        var firstBase = Base(first);
        Assert.NotNull(firstBase);
        var again = IndexSnapshot.Open(layout); // a second engine on the same commit
        Assert.Same(firstBase, Base(again));
        again.Release();

        DeltaMerge.FloorForTests.Value = 1_000; // the next commit keeps its change in the delta
        try
        {
            var renamed = products[0] with { Title = "zebra quartz lantern" };
            TinyIndex.Write(Index, [renamed]);
            var second = IndexSnapshot.Open(layout);
            Assert.Equal(first.Manifest.Generation + 1, second.Manifest.Generation);
            Assert.Same(firstBase, Base(second));
            var key = second.Store.KeyOf(renamed.Id)!.Value;
            Assert.Equal((ulong)key, Nearest(second, renamed.Title)[0].Key); // the new vector, from the delta
            Assert.DoesNotContain(Nearest(first, renamed.Title), h => h.Key == (ulong)key && h.Distance < Nearest(second, renamed.Title)[0].Distance + 1e-6f); // the old commit keeps its own view
            first.Release();
            Assert.Equal((ulong)key, Nearest(second, renamed.Title)[0].Key); // still searchable: the second holds the graph

            DeltaMerge.FloorForTests.Value = 1; // the next commit folds the delta into a new base
            TinyIndex.Write(Index, [products[1] with { Title = "violet marble kettle" }]);
            var third = IndexSnapshot.Open(layout);
            Assert.NotSame(firstBase, Base(third));
            second.Release(); // the old base goes with the last commit holding it
            Assert.Equal((ulong)key, Nearest(third, renamed.Title)[0].Key);
            Assert.Equal(60, third.Vectors.Count);
            third.Release();
        }
        finally
        {
            DeltaMerge.FloorForTests.Value = null;
        }
    }

    [Fact]
    public void A_copy_of_the_index_with_a_damaged_graph_is_refused_while_the_original_is_open()
    {
        TinyIndex.Build(Index, 40);
        var original = IndexSnapshot.Open(new IndexLayout(Index));
        try
        {
            var copy = _temp.File("copy");
            foreach (var dir in Directory.EnumerateDirectories(Index, "*", SearchOption.AllDirectories)) Directory.CreateDirectory(dir.Replace(Index, copy));
            Directory.CreateDirectory(copy);
            foreach (var file in Directory.EnumerateFiles(Index, "*", SearchOption.AllDirectories)) File.Copy(file, file.Replace(Index, copy));
            var vectors = Directory.GetFiles(copy, "vectors.usearch", SearchOption.AllDirectories).Single();
            var bytes = File.ReadAllBytes(vectors);
            bytes[bytes.Length / 2] ^= 0xFF; // same recorded digest in the copied manifest, different bytes
            File.WriteAllBytes(vectors, bytes);
            var error = Assert.Throws<IndexException>(() => IndexSnapshot.Open(new IndexLayout(copy)).Release());
            Assert.Contains("vectors.usearch", error.Message);
        }
        finally
        {
            original.Release();
        }
    }

    [Fact]
    public void A_shared_base_graph_is_never_changed()
    {
        TinyIndex.Build(Index, 20);
        var layout = new IndexLayout(Index);
        var manifest = layout.ReadManifest();
        var options = manifest.Hnsw.ToOptions(manifest.Model.Dimensions);
        var digest = manifest.Files!["vectors.usearch"];
        using var shared = LayeredVectorIndex.Open(layout.VectorPath(manifest.Generation), options, loadBase: true,
            SharedBaseGraphs.KeyOf(layout.VectorPath(manifest.Generation), digest.Sha256, digest.Length, options));
        var error = Assert.Throws<InvalidOperationException>(() => shared.MergeInto(_temp.File("merged.usearch")));
        Assert.Contains("shared", error.Message);
        Assert.Throws<InvalidOperationException>(() => shared.ExpansionSearch = 10);
        Assert.Equal(20, shared.Count);
    }

    public void Dispose() => _temp.Dispose();
}
