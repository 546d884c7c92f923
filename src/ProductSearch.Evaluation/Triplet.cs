namespace ProductSearch.Evaluation;

/// <summary>One row of the esci-dev triplet format: a query, a title that should rank above, one that should not.</summary>
/// <param name="Query">The anchor: a shopper's query.</param>
/// <param name="Positive">The title of a product judged Exact for the query.</param>
/// <param name="Negative">The title of a product judged Irrelevant or Complement for it.</param>
public sealed record Triplet(string Query, string Positive, string Negative);
