using ProductSearch.Indexing;
using ProductSearch.Tests.Support;

namespace ProductSearch.Tests.Indexing;

/// <summary>One index of <see cref="SmallCatalog"/>, built once for the engine tests that only read it.</summary>
public sealed class SmallIndexFixture : IDisposable
{
    private readonly TempFolder _temp = new();

    public SmallIndexFixture()
    {
        var catalog = SmallCatalog.Write(_temp.File("catalog.jsonl"), ["{broken", """{"product_id":"g1","product_title":"Lumora Girls' White Canvas Sneakers, Little Kid"}"""]);
        IndexPath = _temp.File("index");
        Report = new IndexBuilder(TestModels.MiniLm, "minilm").BuildAsync(catalog, IndexPath).GetAwaiter().GetResult();
        Engine = SearchEngine.Open(new SearchEngineOptions { IndexPath = IndexPath, Device = ProductSearch.Embedding.ComputeDevice.Cpu });
    }

    public string IndexPath { get; }

    public IndexCommitReport Report { get; }

    public SearchEngine Engine { get; }

    public void Dispose()
    {
        Engine.Dispose();
        _temp.Dispose();
    }
}
