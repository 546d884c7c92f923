using System.CommandLine;
using System.Text.Json;
using ProductSearch.Indexing;
using ProductSearch.Lexical;
using ProductSearch.Sharding;

namespace ProductSearch.Cli;

/// <summary><c>productsearch info --index DIR</c>: the manifest, counts per store, sizes on disk and the model (of a sharded index: <see cref="ShardedInfo"/>).</summary>
internal static class InfoCommand
{
    public static Command Create()
    {
        var index = CliOptions.Index(required: true);
        var json = CliJson.Option();
        var command = new Command("info", "Describe an index: manifest, counts per store, sizes on disk, model.") { index, json };
        command.SetAction((parse, _) => CliErrors.RunAsync(() =>
        {
            if (ShardedIndexLayout.IsSharded(parse.GetValue(index)!))
                return Task.FromResult(ShardedInfo.Write(new ShardedIndexLayout(parse.GetValue(index)!), parse.GetValue(json)));
            var layout = new IndexLayout(parse.GetValue(index)!);
            var manifest = layout.ReadManifest();
            var report = IndexVerifier.Verify(layout.Root);
            var generation = manifest.Generation;
            if (parse.GetValue(json))
            {
                CliJson.Write(Console.Out, Json(layout, manifest, report));
                return Task.FromResult(0);
            }
            Console.WriteLine($"index       {layout.Root}");
            Console.WriteLine($"generation  {generation} (built {manifest.BuiltAt:u} in {manifest.BuildSeconds:F1} s, layout v{manifest.Format})");
            Console.WriteLine($"model       {manifest.Model.Name} ({manifest.Model.Source}), {manifest.Model.Dimensions}-d, sha256 {manifest.Model.Sha256}");
            Console.WriteLine($"hnsw        {manifest.Hnsw.Metric}, {manifest.Hnsw.Storage} vectors, M={manifest.Hnsw.Connectivity}, ef_add={manifest.Hnsw.ExpansionAdd}, ef_search={manifest.Hnsw.ExpansionSearch}");
            Console.WriteLine($"analysis    {manifest.LexicalAnalysis ?? ProductAnalyzer.LegacyName}{(manifest.HasCurrentLexicalAnalysis ? "" : $" (this version searches with {ProductAnalyzer.Name}: run 'productsearch index' or an upsert once to update it)")}");
            Console.WriteLine($"catalog     {manifest.Catalog}");
            Console.WriteLine($"products    {manifest.ProductCount:N0} (manifest)");
            Console.WriteLine($"  store     {Count(report.StoreCount)} in {Size(layout.ProductStorePath(generation))}{DeltaSize([layout.ProductStoreDeltaPath(generation)])}");
            Console.WriteLine($"  bm25      {Count(report.LexicalCount)} in {Size(layout.LexicalPath(generation))}");
            Console.WriteLine($"  hnsw      {Count(report.VectorCount)} in {Size(layout.VectorPath(generation))}{DeltaSize(layout.VectorDeltaPaths(generation))}");
            Console.WriteLine($"ranking     {(RankingProfileStore.Read(layout.Root) is { } profile ? profile.Source ?? "ranking-profile.json" : "built-in default profile")}");
            Console.WriteLine($"ranker      {Ranker(layout.Root)}");
            Console.WriteLine($"synonyms    {Synonyms(layout.SynonymsPath(generation))}");
            Console.WriteLine($"rules       {Rules(layout.Root, report.UnknownRuleProducts.Count)}");
            Console.WriteLine($"schema      {Schema(layout.Root)}");
            Console.WriteLine($"packages    {string.Join(", ", manifest.Packages.Select(p => $"{p.Key} {p.Value}"))}");
            Console.WriteLine(report.IsConsistent ? "consistent  yes" : $"consistent  NO: {string.Join("; ", report.Problems)} (run 'productsearch verify')");
            return Task.FromResult(0);
        }));
        return command;
    }

    /// <summary>The <c>--json</c> shape of <c>info</c> (README: JSON output).</summary>
    private static object Json(IndexLayout layout, IndexManifest manifest, IndexVerifier.Report report)
    {
        var generation = manifest.Generation;
        var synonyms = layout.SynonymsPath(generation);
        return new
        {
            index = layout.Root,
            generation,
            built_at = manifest.BuiltAt,
            build_seconds = manifest.BuildSeconds,
            layout = manifest.Format,
            model = new { name = manifest.Model.Name, source = manifest.Model.Source, dimensions = manifest.Model.Dimensions, sha256 = manifest.Model.Sha256 },
            hnsw = new
            {
                metric = manifest.Hnsw.Metric, storage = manifest.Hnsw.Storage, connectivity = manifest.Hnsw.Connectivity,
                expansion_add = manifest.Hnsw.ExpansionAdd, expansion_search = manifest.Hnsw.ExpansionSearch,
            },
            analysis = manifest.LexicalAnalysis ?? ProductAnalyzer.LegacyName,
            analysis_current = manifest.HasCurrentLexicalAnalysis,
            catalog = manifest.Catalog,
            products = manifest.ProductCount,
            stores = new
            {
                store = new { count = report.StoreCount, bytes = Bytes(layout.ProductStorePath(generation)), delta_bytes = Bytes(layout.ProductStoreDeltaPath(generation)) },
                bm25 = new { count = report.LexicalCount, bytes = Bytes(layout.LexicalPath(generation)) },
                hnsw = new { count = report.VectorCount, bytes = Bytes(layout.VectorPath(generation)), delta_bytes = layout.VectorDeltaPaths(generation).Sum(Bytes) },
            },
            ranking = RankingProfileStore.Read(layout.Root) is { } profile ? profile.Source ?? "ranking-profile.json" : null,
            ranker = Ranker(layout.Root),
            synonym_rules = File.Exists(synonyms) ? SynonymRuleCount(synonyms) : (int?)null,
            schema = IndexSchema.Of(layout.Root).Fields.ToDictionary(f => f.Key, f => new
            {
                type = IndexSchema.Name(f.Value.Type), filterable = f.Value.Filterable, facetable = f.Value.Facetable,
                sortable = f.Value.Sortable, searchable = f.Value.Searchable, boost = f.Value.Boost,
            }),
            merchandising_rules = RuleCount(layout.Root),
            unknown_rule_products = report.UnknownRuleProducts.Count,
            packages = manifest.Packages,
            consistent = report.IsConsistent,
            problems = report.Problems,
        };
    }

    /// <summary>The learned second stage: none, refused with the way out, or what it is and how it was estimated.</summary>
    private static string Ranker(string indexPath)
    {
        try
        {
            return RankerStore.Read(indexPath) switch
            {
                null => "none (hybrid searches use the fused order; 'productsearch train-ranker' trains one)",
                { Incompatibility: { } why } => $"REFUSED: {why}; searches use the fused order. {RankerSummary.Retrain(indexPath)}.",
                var ranker => RankerSummary.Describe(ranker),
            };
        }
        catch (RankerException ex)
        {
            return $"REFUSED: {ex.Message} Searches use the fused order; {RankerSummary.Retrain(indexPath)}.";
        }
    }

    private static string Count(long? count) => count is { } c ? c.ToString("N0", System.Globalization.CultureInfo.InvariantCulture) : "unreadable";

    private static string Size(string path) => Size(Bytes(path));

    private static string Size(long bytes) => bytes >= 1 << 20 ? $"{bytes / (double)(1 << 20):F1} MiB" : $"{bytes / 1024.0:F1} KiB";

    /// <summary>The commit's merchandising rules, or <c>null</c> when their file cannot be read.</summary>
    private static int? RuleCount(string indexPath)
    {
        try { return MerchandisingRulesStore.Read(indexPath).Rules.Count; }
        catch (IndexException) { return null; }
    }

    private static string Rules(string indexPath, int unknown)
    {
        int count;
        try { count = MerchandisingRulesStore.Read(indexPath).Rules.Count; }
        catch (IndexException ex) { return $"UNREADABLE: {ex.Message}"; }
        if (count == 0) return "none";
        var missing = unknown > 0 ? $"; {Counts.Of(unknown, "product")} they name the index does not hold ('productsearch verify' lists them)" : "";
        return $"{Counts.Of(count, "merchandising rule")} ({Merchandising.MerchandisingRuleSet.FileName}; 'productsearch rules show'){missing}";
    }

    /// <summary>", + delta N MiB" for the delta files a commit leaves beside a shared base (see indexes/README.md); empty when there are none.</summary>
    private static string DeltaSize(IReadOnlyList<string> paths)
    {
        var bytes = paths.Sum(Bytes);
        return bytes == 0 ? "" : $" + delta {Size(bytes)} (changes since the base, merged past 2 % of the products)";
    }

    private static long Bytes(string path) => File.Exists(path) ? new FileInfo(path).Length
        : Directory.Exists(path) ? Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories).Sum(f => new FileInfo(f).Length) : 0;

    private static int SynonymRuleCount(string path) => File.ReadLines(path).Count(line => line.Trim().Length > 0 && !line.TrimStart().StartsWith('#'));

    /// <summary>One line per field: its type and flags.</summary>
    private static string Schema(string indexPath)
    {
        var fields = IndexSchema.Of(indexPath).Fields.Select(f =>
        {
            var flags = new[] { f.Value.Filterable ? "filterable" : null, f.Value.Facetable ? "facetable" : null, f.Value.Sortable ? "sortable" : null,
                f.Value.Searchable ? $"searchable ×{f.Value.Boost.ToString(System.Globalization.CultureInfo.InvariantCulture)}" : null }.OfType<string>();
            return $"  {f.Key,-14}{IndexSchema.Name(f.Value.Type),-9}{string.Join(", ", flags)}";
        });
        return $"{IndexSchema.FileName} ('productsearch schema show')\n" + string.Join("\n", fields);
    }

    private static string Synonyms(string path)
    {
        if (!File.Exists(path)) return "none";
        return $"{SynonymRuleCount(path)} rules ({Lexical.SynonymRules.FileName}; 'productsearch synonyms show')";
    }
}
