using ProductSearch.Catalog;
using ProductSearch.Lexical;
using ProductSearch.Ranking;
using ProductSearch.Search;

namespace ProductSearch.Merchandising;

/// <summary>
/// A commit's merchandising rules, ready to apply: the stage after fusion and the learned second stage that hides,
/// boosts, buries and pins products for the queries the rules match (semantics: <see cref="MerchandisingRuleSet"/>).
/// Owned by the snapshot of its commit, so every search reads the rules of the commit it searches.
/// </summary>
internal sealed class MerchandisingRules
{
    private readonly CompiledRule[] _rules;

    public MerchandisingRules(MerchandisingRuleSet set, Bm25Searcher lexical, ProductStore store, Indexing.IndexSchema schema)
    {
        Set = set;
        _rules = set.Rules.Select((rule, i) => new CompiledRule(rule, i + 1, lexical, store, schema)).ToArray();
    }

    /// <summary>The rules as stored.</summary>
    public MerchandisingRuleSet Set { get; }

    /// <summary><paramref name="order"/> (best first, the whole candidate order) with the rules matching the query applied.</summary>
    public Merchandised Apply(PreparedQuery query, IReadOnlyList<FusedCandidate> order)
    {
        var matched = Matching(query.Request);
        return matched.Length == 0 ? Merchandised.Unchanged(order)
            : Apply(matched, query.Profile.CandidateDepth, key => query.Allowed is not { } allowed || allowed.Contains((ulong)key), order);
    }

    /// <summary>The rules that apply to <paramref name="request"/> (none when it turns rules off), in file order.</summary>
    public CompiledRule[] Matching(SearchRequest request)
    {
        if (_rules.Length == 0 || !request.MerchandisingRules) return [];
        var words = QueryWords.Of(request.Query);
        return _rules.Where(r => r.Matches(words)).ToArray();
    }

    /// <summary>
    /// <paramref name="order"/> with <paramref name="matched"/> applied: boosts and buries within the first
    /// <paramref name="window"/> candidates, pins (a product not among the candidates only if it passes the filters), hides.
    /// One index applies its compiled rules so; a sharded index's coordinator the same rules, with what the shards know.
    /// </summary>
    public static Merchandised Apply(IReadOnlyList<IMatchedRule> matched, int window, Func<long, bool> passesFilters, IReadOnlyList<FusedCandidate> order)
    {
        if (matched.Count == 0) return Merchandised.Unchanged(order);
        var hidden = Hidden(matched);
        var notes = new Dictionary<long, List<MerchandisingNote>>();
        window = Math.Min(order.Count, window);
        var rest = Tiered(order.Take(window), matched, notes).Concat(order.Skip(window)).Where(c => !hidden.ContainsKey(c.Key)).ToList();
        var pins = Pins(matched, hidden, passesFilters, order, notes);
        var pinned = pins.Select(p => p.Candidate.Key).ToHashSet();
        rest.RemoveAll(c => pinned.Contains(c.Key));

        var hiddenCandidates = order.Where(c => hidden.ContainsKey(c.Key)).Select(c => hidden[c.Key]).ToArray();
        return new Merchandised(Place(rest, pins), matched.Select(r => r.Reference).ToArray(), notes.ToDictionary(n => n.Key, n => (IReadOnlyList<MerchandisingNote>)n.Value),
            hiddenCandidates, pins.Where(p => p.Added).Select(p => p.Candidate.Key).ToHashSet());
    }

    /// <summary>The products any matching rule hides, by key, with the first rule hiding each.</summary>
    private static Dictionary<long, RuleProduct> Hidden(IReadOnlyList<IMatchedRule> matched)
    {
        var hidden = new Dictionary<long, RuleProduct>();
        foreach (var rule in matched)
            foreach (var id in rule.Rule.Hide)
                if (rule.KeyOf(id) is { } key) hidden.TryAdd(key, new RuleProduct(rule.Reference, MerchandisingAction.Hidden, id));
        return hidden;
    }

    /// <summary>
    /// The window stably sorted by each candidate's count of boosts met minus buries met: blocks that keep their
    /// relative order (a score factor would move a product by an amount that depends on the fusion method, and the
    /// learned second stage orders by a score of its own: a block is what a merchandiser can predict).
    /// </summary>
    private static IEnumerable<FusedCandidate> Tiered(IEnumerable<FusedCandidate> window, IReadOnlyList<IMatchedRule> matched, Dictionary<long, List<MerchandisingNote>> notes)
    {
        var boosting = matched.Where(r => r.Boosts || r.Buries).ToArray();
        if (boosting.Length == 0) return window;
        return window.Select(candidate =>
        {
            var tier = 0;
            foreach (var rule in boosting)
            {
                if (rule.Boosts && rule.IsBoosted(candidate.Key))
                {
                    tier++;
                    Note(notes, candidate.Key, new MerchandisingNote(rule.Reference, MerchandisingAction.Boosted, $"boosted ({rule.BoostText})"));
                }
                if (rule.Buries && rule.IsBuried(candidate.Key))
                {
                    tier--;
                    Note(notes, candidate.Key, new MerchandisingNote(rule.Reference, MerchandisingAction.Buried, $"buried ({rule.BuryText})"));
                }
            }
            return (Candidate: candidate, Tier: tier);
        }).ToArray().OrderByDescending(c => c.Tier).Select(c => c.Candidate); // OrderBy is stable
    }

    /// <summary>
    /// The pins of the matching rules that can be shown — the product is in the commit, no rule hides it, it passes the
    /// request's filters, and no earlier pin placed it — in the order they are placed (position, then file order).
    /// </summary>
    private static List<Pin> Pins(IReadOnlyList<IMatchedRule> matched, Dictionary<long, RuleProduct> hidden, Func<long, bool> passesFilters, IReadOnlyList<FusedCandidate> order,
        Dictionary<long, List<MerchandisingNote>> notes)
    {
        var candidates = new Dictionary<long, FusedCandidate>();
        foreach (var candidate in order) candidates.TryAdd(candidate.Key, candidate);
        var pins = new List<Pin>();
        var placed = new HashSet<long>();
        foreach (var rule in matched)
        {
            foreach (var pin in rule.Rule.Pin)
            {
                if (rule.KeyOf(pin.Id) is not { } key || hidden.ContainsKey(key) || !placed.Add(key)) continue;
                var found = candidates.TryGetValue(key, out var candidate);
                if (!found && !passesFilters(key)) continue;
                // A pin decides the position outright: whatever boost or bury notes the product had no longer apply.
                notes[key] = [new MerchandisingNote(rule.Reference, MerchandisingAction.Pinned,
                    $"pinned at position {pin.Position}" + (found ? "" : " (not among the candidates)"))];
                pins.Add(new Pin(pin.Position, candidate ?? new FusedCandidate(key, 0, null, null), !found));
            }
        }
        return pins.OrderBy(p => p.Position).ToList(); // stable: ties keep file order
    }

    /// <summary>The final order: each pin at its position (or the next free one), the other candidates filling the rest in order.</summary>
    private static FusedCandidate[] Place(List<FusedCandidate> rest, List<Pin> pins)
    {
        var result = new FusedCandidate[rest.Count + pins.Count];
        int nextPin = 0, nextRest = 0;
        for (var slot = 0; slot < result.Length; slot++)
        {
            var pinDue = nextPin < pins.Count && (pins[nextPin].Position <= slot + 1 || nextRest == rest.Count);
            result[slot] = pinDue ? pins[nextPin++].Candidate : rest[nextRest++];
        }
        return result;
    }

    private static void Note(Dictionary<long, List<MerchandisingNote>> notes, long key, MerchandisingNote note)
    {
        if (!notes.TryGetValue(key, out var list)) notes[key] = list = [];
        list.Add(note);
    }

    /// <param name="Position">1-based position asked for.</param>
    /// <param name="Candidate">The product as a candidate (one with no retriever hit when it was not among them).</param>
    /// <param name="Added">Whether it was not among the candidates.</param>
    private sealed record Pin(int Position, FusedCandidate Candidate, bool Added);
}

/// <summary>
/// A rule that matched a query, as applying it needs it: the rule, the products meeting its boost and bury conditions,
/// and the keys of the products it pins and hides (<see cref="CompiledRule"/> on one index; on a sharded index what the
/// shards holding the products answered).
/// </summary>
internal interface IMatchedRule
{
    MerchandisingRule Rule { get; }

    RuleReference Reference { get; }

    /// <summary>Whether the rule has boost conditions.</summary>
    bool Boosts { get; }

    /// <summary>Whether the rule has bury conditions.</summary>
    bool Buries { get; }

    /// <summary>The boost conditions in words, for notes.</summary>
    string BoostText { get; }

    /// <summary>The bury conditions in words, for notes.</summary>
    string BuryText { get; }

    /// <summary>Whether the product meets every boost condition (asked only of the candidates within the window).</summary>
    bool IsBoosted(long key);

    /// <summary>Whether the product meets every bury condition (asked only of the candidates within the window).</summary>
    bool IsBuried(long key);

    /// <summary>The key of a product the rule pins or hides, or <c>null</c> when the index does not hold it.</summary>
    long? KeyOf(string productId);
}

/// <summary>The candidate order after the merchandising rules, with what they did.</summary>
/// <param name="Order">The final order, best first.</param>
/// <param name="Matched">The rules that matched the query.</param>
/// <param name="Notes">By key: what the rules did to each product they moved.</param>
/// <param name="Hidden">The candidates that rules hid, with the rule that hid each.</param>
/// <param name="Added">Keys of pinned products that were not among the candidates.</param>
internal sealed record Merchandised(IReadOnlyList<FusedCandidate> Order, IReadOnlyList<RuleReference> Matched,
    IReadOnlyDictionary<long, IReadOnlyList<MerchandisingNote>> Notes, IReadOnlyList<RuleProduct> Hidden, IReadOnlySet<long> Added)
{
    public static Merchandised Unchanged(IReadOnlyList<FusedCandidate> order) =>
        new(order, [], new Dictionary<long, IReadOnlyList<MerchandisingNote>>(), [], new HashSet<long>());

    /// <summary>What the rules did to the product under <paramref name="key"/>; empty when nothing.</summary>
    public IReadOnlyList<MerchandisingNote> NotesOf(long key) => Notes.TryGetValue(key, out var notes) ? notes : [];
}
