namespace ProductSearch.Lexical;

/// <summary>Field names of the lexical index and their default BM25 boosts.</summary>
public static class LexicalFields
{
    /// <summary>The numeric product key (the join key with the other stores): an untokenized term to find a document by, and doc values to read a hit's key.</summary>
    public const string Key = "key";

    /// <summary>The catalog id, indexed untokenized.</summary>
    public const string ProductId = "product_id";

    /// <summary>Title text.</summary>
    public const string Title = "title";

    /// <summary>Brand text.</summary>
    public const string Brand = "brand";

    /// <summary>Color text.</summary>
    public const string Color = "color";

    /// <summary>Bullet-point text.</summary>
    public const string Bullets = "bullets";

    /// <summary>Description text.</summary>
    public const string Description = "description";

    /// <summary>
    /// Title, brand and description as one field, indexed for its document frequencies only: BM25 judges how rare a
    /// query word is across the whole product text, not inside each field (see <see cref="CombinedStatisticsSearcher"/>).
    /// </summary>
    public const string CombinedText = "text_all";

    /// <summary>
    /// The title without the things it says it lacks (<c>Drain Without Overflow</c> → <c>Drain Without</c>; see
    /// <see cref="Negations"/>), indexed for matching only: a query that negates a word demotes the products whose
    /// title affirms it.
    /// </summary>
    public const string AffirmedTitle = "title_affirmed";

    /// <summary>
    /// The words of title and brand as typed — lowercased, split like the other fields, neither stemmed nor stop-word
    /// filtered — indexed for matching only: the catalog's own vocabulary, which corrects typos ("did you mean"),
    /// completes the word being typed and suggests queries (<see cref="CatalogVocabulary"/>).
    /// </summary>
    public const string Spelling = "spell";

    /// <summary>Prefix of the untokenized, lowercased copies of fields used by filters (<c>f_brand</c>, …).</summary>
    public const string FilterPrefix = "f_";

    /// <summary>Numeric price (double), for range filters.</summary>
    public const string Price = "n_price";

    /// <summary>Numeric rating (double), for equality filters.</summary>
    public const string Rating = "n_rating";

    /// <summary>Numeric rating count (long), for equality filters.</summary>
    public const string RatingCount = "n_rating_count";

    /// <summary>The untokenized, lowercased term of a keyword or boolean attribute, for filters and facets.</summary>
    internal static string AttributeTerm(string name) => "fa_" + name;

    /// <summary>The numeric (double) copy of a number attribute, for range filters, facets and sorting.</summary>
    internal static string AttributeNumber(string name) => "na_" + name;

    /// <summary>The analysed text of a searchable attribute, which joins the BM25 query with the schema's boost.</summary>
    internal static string AttributeText(string name) => "ta_" + name;

    /// <summary>The text fields a query searches.</summary>
    public static IReadOnlyList<string> TextFields { get; } = [Title, Brand, Color, Bullets, Description];

    /// <summary>The text fields whose words are counted together in <see cref="CombinedText"/>.</summary>
    public static IReadOnlyList<string> CombinedFields { get; } = [Title, Brand, Description];

    /// <summary>
    /// Default per-field boosts (README, "Ranking"): the title carries the product; the brand counts once (at ×2 a
    /// word that is common in titles but rare in the tiny brand field lifted every brand holding it); the description
    /// adds a little; color and bullets added nothing measurable, so they are off by default.
    /// </summary>
    public static IReadOnlyDictionary<string, float> DefaultBoosts { get; } = new Dictionary<string, float>
    {
        [Title] = 1.0f,
        [Brand] = 1.0f,
        [Description] = 0.1f,
    };
}
