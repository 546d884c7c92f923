using ProductSearch.Catalog;
using ProductSearch.Merchandising;

namespace ProductSearch.Indexing;

/// <summary>
/// An index's merchandising rules inside a generation folder (<see cref="MerchandisingRuleSet.FileName"/>, written in
/// the form <see cref="MerchandisingRuleSet.ToJson"/> gives): part of the commit, hashed with its other files, copied
/// forward by every later commit, absent when the index has none.
/// </summary>
public static class MerchandisingRulesStore
{
    /// <summary>The rules of the index at <paramref name="indexPath"/>'s current commit; <see cref="MerchandisingRuleSet.Empty"/> when it has none.</summary>
    /// <exception cref="IndexException">There is no index, or its rules file cannot be read.</exception>
    public static MerchandisingRuleSet Read(string indexPath)
    {
        var layout = new IndexLayout(indexPath);
        return Read(layout, layout.ReadManifest().Generation);
    }

    /// <summary>The rules of generation <paramref name="generation"/>.</summary>
    /// <exception cref="IndexException">The rules file cannot be read (<see cref="ProductSearchErrorReason.DamagedIndex"/>).</exception>
    internal static MerchandisingRuleSet Read(IndexLayout layout, long generation)
    {
        var path = layout.MerchandisingRulesPath(generation);
        if (!File.Exists(path)) return MerchandisingRuleSet.Empty;
        try
        {
            return MerchandisingRuleSet.Parse(File.ReadAllText(path));
        }
        catch (Exception ex) when (ex is MerchandisingRulesException or IOException)
        {
            throw IndexException.Damaged(layout.Root, $"Cannot read '{path}': {ex.Message}", ex);
        }
    }

    /// <summary>Writes <paramref name="rules"/> to <paramref name="path"/> (a generation's rules file); no rule removes the file.</summary>
    internal static void Write(string path, MerchandisingRuleSet rules)
    {
        if (rules.Rules.Count == 0) File.Delete(path);
        else File.WriteAllText(path, rules.ToJson());
    }

    /// <summary>The products <paramref name="rules"/> pin or hide that <paramref name="store"/> does not hold, in rule order.</summary>
    internal static IReadOnlyList<RuleProduct> UnknownProducts(MerchandisingRuleSet rules, ProductStore store)
    {
        var named = rules.Rules.SelectMany((rule, i) =>
            rule.Pin.Select(p => new RuleProduct(new RuleReference(i + 1, rule.Name), MerchandisingAction.Pinned, p.Id))
                .Concat(rule.Hide.Select(id => new RuleProduct(new RuleReference(i + 1, rule.Name), MerchandisingAction.Hidden, id)))).ToArray();
        if (named.Length == 0) return [];
        var known = store.Lookup(named.Select(p => p.ProductId));
        return named.Where(p => !known.ContainsKey(p.ProductId)).ToArray();
    }
}
