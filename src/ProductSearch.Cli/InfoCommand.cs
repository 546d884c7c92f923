using System.CommandLine;
using System.Text.Json;
using ProductSearch.Indexing;
using ProductSearch.Lexical;

namespace ProductSearch.Cli;

/// <summary><c>productsearch info --index DIR</c>: the manifest, counts per store, sizes on disk and the model.</summary>
internal static class InfoCommand
{
    public static Command Create()
    {
        var index = CliOptions.Index(required: true);
        var command = new Command("info", "Describe an index: manifest, counts per store, sizes on disk, model.") { index };
        command.SetAction((parse, _) => CliErrors.RunAsync(() =>
        {
            var layout = new IndexLayout(parse.GetValue(index)!);
            var manifest = layout.ReadManifest();
            var report = IndexVerifier.Verify(layout.Root);
            var generation = manifest.Generation;
            Console.WriteLine($"index       {layout.Root}");
            Console.WriteLine($"generation  {generation} (built {manifest.BuiltAt:u} in {manifest.BuildSeconds:F1} s, layout v{manifest.Format})");
            Console.WriteLine($"model       {manifest.Model.Name} ({manifest.Model.Source}), {manifest.Model.Dimensions}-d, sha256 {manifest.Model.Sha256}");
            Console.WriteLine($"hnsw        {manifest.Hnsw.Metric}, {manifest.Hnsw.Storage} vectors, M={manifest.Hnsw.Connectivity}, ef_add={manifest.Hnsw.ExpansionAdd}, ef_search={manifest.Hnsw.ExpansionSearch}");
            Console.WriteLine($"analysis    {manifest.LexicalAnalysis ?? ProductAnalyzer.LegacyName}{(manifest.HasCurrentLexicalAnalysis ? "" : $" (this version searches with {ProductAnalyzer.Name}: run 'productsearch index' or an upsert once to update it)")}");
            Console.WriteLine($"catalog     {manifest.Catalog}");
            Console.WriteLine($"products    {manifest.ProductCount:N0} (manifest)");
            Console.WriteLine($"  store     {Count(report.StoreCount)} in {Size(layout.ProductStorePath(generation))}");
            Console.WriteLine($"  bm25      {Count(report.LexicalCount)} in {Size(layout.LexicalPath(generation))}");
            Console.WriteLine($"  hnsw      {Count(report.VectorCount)} in {Size(layout.VectorPath(generation))}");
            Console.WriteLine($"ranking     {(RankingProfileStore.Read(layout.Root) is { } profile ? profile.Source ?? "ranking-profile.json" : "built-in default profile")}");
            Console.WriteLine($"ranker      {Ranker(layout.Root)}");
            Console.WriteLine($"synonyms    {Synonyms(layout.SynonymsPath(generation))}");
            Console.WriteLine($"schema      {Schema(layout.Root)}");
            Console.WriteLine($"packages    {string.Join(", ", manifest.Packages.Select(p => $"{p.Key} {p.Value}"))}");
            Console.WriteLine(report.IsConsistent ? "consistent  yes" : $"consistent  NO: {string.Join("; ", report.Problems)} (run 'productsearch verify')");
            return Task.FromResult(0);
        }));
        return command;
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

    private static string Size(string path)
    {
        long bytes = File.Exists(path) ? new FileInfo(path).Length
            : Directory.Exists(path) ? Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories).Sum(f => new FileInfo(f).Length) : 0;
        return bytes >= 1 << 20 ? $"{bytes / (double)(1 << 20):F1} MiB" : $"{bytes / 1024.0:F1} KiB";
    }

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
        var rules = File.ReadLines(path).Count(line => line.Trim().Length > 0 && !line.TrimStart().StartsWith('#'));
        return $"{rules} rules ({Lexical.SynonymRules.FileName}; 'productsearch synonyms show')";
    }
}
