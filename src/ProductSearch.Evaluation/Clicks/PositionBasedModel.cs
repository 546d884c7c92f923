namespace ProductSearch.Evaluation.Clicks;

/// <summary>
/// The position-based click model (Craswell et al. 2008; Chuklin, Markov and de Rijke, "Click Models for Web Search",
/// 2015, §3.5 and §4.2), fitted by expectation-maximisation: a result at position p is looked at with probability
/// γ(p) and, looked at, clicked with its attractiveness α(q, d); a click needs both. From impressions alone the two
/// cannot be told apart at one position, but a product shown at several positions (other modes, pages, filters,
/// rankings over time) shows how the position changes its clicks, and EM pools that over the log. Used here only for
/// γ, the position curve (<see cref="PositionCurve.Examination"/>).
/// </summary>
internal static class PositionBasedModel
{
    private const int MaxIterations = 200;
    private const double Tolerance = 1e-7;
    private const double Floor = 1e-6;

    /// <summary>One (pair, position) cell of the log: impressions and clicks of one (query, product) at one position.</summary>
    public readonly record struct Cell(int Pair, int Position, int Impressions, int Clicks);

    /// <summary>γ per position, scaled so that the most looked-at position has 1.</summary>
    public static Dictionary<int, double> Examination(IReadOnlyList<Cell> cells, int pairCount)
    {
        var positions = cells.Select(c => c.Position).Distinct().ToArray();
        // Start from the raw click rates (what COEC uses) and a uniform attractiveness: EM moves from there.
        var gamma = positions.ToDictionary(p => p, p => Clamp(cells.Where(c => c.Position == p).Sum(c => c.Clicks) / (double)Math.Max(1, cells.Where(c => c.Position == p).Sum(c => c.Impressions))));
        var top = gamma.Values.DefaultIfEmpty(1).Max();
        foreach (var p in positions) gamma[p] = Clamp(gamma[p] / top);
        var alpha = Enumerable.Repeat(0.5, pairCount).ToArray();
        var alphaNum = new double[pairCount];
        var alphaDen = new double[pairCount];
        for (var iteration = 0; iteration < MaxIterations; iteration++)
        {
            Array.Clear(alphaNum);
            Array.Clear(alphaDen);
            var gammaNum = positions.ToDictionary(p => p, _ => 0.0);
            var gammaDen = positions.ToDictionary(p => p, _ => 0.0);
            foreach (var cell in cells)
            {
                var (g, a) = (gamma[cell.Position], alpha[cell.Pair]);
                var skipped = cell.Impressions - cell.Clicks;
                var unclicked = 1 - g * a;
                // A click means looked at and attracted; a non-click is split by the posterior of its two causes.
                alphaNum[cell.Pair] += cell.Clicks + skipped * (1 - g) * a / unclicked;
                alphaDen[cell.Pair] += cell.Impressions;
                gammaNum[cell.Position] += cell.Clicks + skipped * g * (1 - a) / unclicked;
                gammaDen[cell.Position] += cell.Impressions;
            }
            var change = 0.0;
            for (var k = 0; k < pairCount; k++)
            {
                if (alphaDen[k] == 0) continue;
                var next = Clamp(alphaNum[k] / alphaDen[k]);
                change = Math.Max(change, Math.Abs(next - alpha[k]));
                alpha[k] = next;
            }
            foreach (var p in positions)
            {
                var next = Clamp(gammaNum[p] / gammaDen[p]);
                change = Math.Max(change, Math.Abs(next - gamma[p]));
                gamma[p] = next;
            }
            if (change < Tolerance) break;
        }
        // γ and α trade off by a common factor; only γ's shape matters to the caller.
        var max = gamma.Values.DefaultIfEmpty(1).Max();
        return gamma.ToDictionary(g => g.Key, g => g.Value / max);
    }

    private static double Clamp(double value) => Math.Clamp(value, Floor, 1 - Floor);
}
