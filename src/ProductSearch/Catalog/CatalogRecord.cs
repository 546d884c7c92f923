using System.Globalization;
using System.Text;

namespace ProductSearch.Catalog;

/// <summary>
/// One catalog record as its format read it — text per field, before any check — and the one place that turns it
/// into a <see cref="Product"/>, the same way for every format. A record that cannot be a product (no id, an id
/// too long to store, no title, more text than a stored product can hold) is skipped and reported; a value that
/// cannot be kept (a price that is not a finite, non-negative number, a rating outside 0–5, a count that is not a
/// whole number in range, a filter value too long to index) is left out of the kept record and reported per field.
/// Nothing is coerced silently.
/// </summary>
internal sealed record CatalogRecord
{
    /// <summary>The longest product id kept: the longest the engine looks up (<see cref="SearchEngine.MaxProductIdLength"/>).</summary>
    public const int MaxIdLength = SearchEngine.MaxProductIdLength;

    /// <summary>The longest brand, color, locale or category level kept: each is indexed whole as one filter term.</summary>
    public const int MaxFilterValueLength = 1000;

    /// <summary>The most text one product may hold, in UTF-8 bytes: below LiteDB's largest document (about 15.9 MiB).</summary>
    public const int MaxTextBytes = 15_000_000;

    public string? Id { get; init; }
    public string? Title { get; init; }
    public string? Description { get; init; }
    public string? BulletPoints { get; init; }
    public string? Brand { get; init; }
    public string? Color { get; init; }
    public string? Locale { get; init; }
    public string? Price { get; init; }
    public string? Rating { get; init; }
    public string? RatingCount { get; init; }
    public IReadOnlyList<string> Categories { get; init; } = [];
    public string? ImageUrl { get; init; }

    /// <summary>Custom attributes as read: the catalog's name for each (a JSON key, a column header) and its value.</summary>
    public IReadOnlyList<(string Name, AttributeValue Value)> Attributes { get; init; } = [];

    /// <summary>
    /// The product this record holds, or <c>null</c> (and a note in <paramref name="report"/>) when it cannot be one.
    /// <paramref name="name"/> gives the catalog's name for a field key (<c>id</c>, <c>title</c>, <c>price</c>, …), for messages.
    /// </summary>
    public Product? ToProduct(int line, CatalogReadReport report, Func<string, string> name)
    {
        var id = CatalogValues.Text(Id)?.Trim();
        var title = CatalogValues.Text(Title)?.Trim();
        if (id is null) { report.Skip(line, "no " + name("id")); return null; }
        if (id.Length > MaxIdLength) { report.Skip(line, $"{name("id")} of {id.Length:N0} characters (at most {MaxIdLength})"); return null; }
        if (title is null) { report.SkipEmptyTitle(line, name("title")); return null; }
        var bytes = new[] { id, title, Description, BulletPoints, Brand, Color, Locale, ImageUrl }.Concat(Categories)
            .Concat(Attributes.Select(a => a.Value.Keyword)).Sum(t => t is null ? 0L : Encoding.UTF8.GetByteCount(t));
        if (bytes > MaxTextBytes) { report.Skip(line, $"{bytes:N0} bytes of text (a product holds at most {MaxTextBytes:N0})"); return null; }

        var values = new Values(line, report, name);
        return new Product
        {
            Id = id,
            Title = title,
            Description = CatalogValues.Text(Description),
            BulletPoints = CatalogValues.Text(BulletPoints),
            Brand = values.FilterValue("brand", Brand),
            Color = values.FilterValue("color", Color),
            Locale = values.FilterValue("locale", Locale),
            Price = values.Price(Price),
            Rating = values.Rating(Rating),
            RatingCount = values.Count(RatingCount),
            Categories = Categories.Select(c => values.FilterValue("category", c)).OfType<string>().ToArray(),
            ImageUrl = CatalogValues.Text(ImageUrl),
            Attributes = values.Attributes(Attributes),
        };
    }

    /// <summary>The checks of one record's values, each reporting what it leaves out.</summary>
    private readonly record struct Values(int Line, CatalogReadReport Report, Func<string, string> Name)
    {
        public string? FilterValue(string key, string? text)
        {
            var value = CatalogValues.Text(text);
            if (value is null || value.Length <= MaxFilterValueLength) return value;
            return LeaveOut(key, $"{value.Length:N0} characters, more than the {MaxFilterValueLength:N0} a filter value may have");
        }

        /// <summary>The attributes kept, by name: a bad name, a name given twice or a keyword too long to index is left out and reported.</summary>
        public IReadOnlyDictionary<string, AttributeValue> Attributes(IReadOnlyList<(string Name, AttributeValue Value)> read)
        {
            if (read.Count == 0) return Product.NoAttributes;
            var kept = new SortedDictionary<string, AttributeValue>(StringComparer.Ordinal);
            foreach (var (name, value) in read)
            {
                // Attribute names are the catalog's own, not keys of the column map: reported as they are.
                if (AttributeNames.Problem(name) is { } problem) { Report.LeaveOut(Line, name, problem); continue; }
                if (value.Keyword is { Length: > MaxFilterValueLength } keyword)
                {
                    Report.LeaveOut(Line, name, $"{keyword.Length:N0} characters, more than the {MaxFilterValueLength:N0} a filter value may have");
                    continue;
                }
                if (!kept.TryAdd(name, value)) Report.LeaveOut(Line, name, "the attribute is given twice");
            }
            return kept;
        }

        public decimal? Price(string? text)
        {
            if (Number("price", text) is not { } n) return null;
            if (n < 0) return LeaveOut<decimal>("price", $"{Shown(text)} is negative");
            return n < 7.9e27 ? (decimal)n : LeaveOut<decimal>("price", $"{Shown(text)} is too large");
        }

        public double? Rating(string? text)
        {
            if (Number("rating", text) is not { } n) return null;
            return n is >= 0 and <= 5 ? n : LeaveOut<double>("rating", $"{Shown(text)} is outside 0–5");
        }

        public int? Count(string? text)
        {
            if (Number("rating_count", text) is not { } n) return null;
            if (n < 0) return LeaveOut<int>("rating_count", $"{Shown(text)} is negative");
            if (n > int.MaxValue) return LeaveOut<int>("rating_count", $"{Shown(text)} is more than {int.MaxValue:N0}");
            return n == Math.Floor(n) ? (int)n : LeaveOut<int>("rating_count", $"{Shown(text)} is not a whole number");
        }

        /// <summary>A number written as text; currency signs and thousands separators are read past.</summary>
        private double? Number(string key, string? text)
        {
            if (string.IsNullOrWhiteSpace(text)) return null;
            // Prices scraped from pages arrive as text ("$12.99"): read the number, not the currency sign.
            var digits = text.Trim().TrimStart('$', '€', '£', '¥').Replace(",", "", StringComparison.Ordinal);
            if (!double.TryParse(digits, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)) return LeaveOut<double>(key, $"{Shown(text)} is not a number");
            return double.IsFinite(number) ? number : LeaveOut<double>(key, $"{Shown(text)} is not a finite number");
        }

        private T? LeaveOut<T>(string key, string reason) where T : struct
        {
            Report.LeaveOut(Line, Name(key), reason);
            return null;
        }

        private string? LeaveOut(string key, string reason)
        {
            Report.LeaveOut(Line, Name(key), reason);
            return null;
        }

        private static string Shown(string? text) => text is null ? "" : $"'{(text.Length <= 40 ? text : text[..40] + "…")}'";
    }
}
