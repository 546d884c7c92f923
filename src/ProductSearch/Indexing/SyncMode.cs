namespace ProductSearch.Indexing;

/// <summary>What a catalog run does with products the index holds but the catalog does not.</summary>
public enum SyncMode
{
    /// <summary>Keep them: the catalog adds and replaces products (<c>productsearch upsert</c>).</summary>
    Upsert,
    /// <summary>Delete them: afterwards the index holds exactly the catalog (<c>productsearch index</c>).</summary>
    Mirror,
}
