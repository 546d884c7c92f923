namespace ProductSearch.Evaluation;

/// <summary>Amazon ESCI relevance labels: Exact, Substitute, Complement, Irrelevant.</summary>
public enum EsciLabel
{
    /// <summary>Irrelevant: the product does not satisfy the query.</summary>
    Irrelevant,
    /// <summary>Complement: does not satisfy the query but goes with what it asks for.</summary>
    Complement,
    /// <summary>Substitute: somewhat relevant, could stand in for what was asked.</summary>
    Substitute,
    /// <summary>Exact: relevant, matches every part of the query.</summary>
    Exact,
}

/// <summary>Reading labels and their gains.</summary>
public static class EsciLabels
{
    /// <summary>The gains used for nDCG on ESCI: E 1.0, S 0.1, C 0.01, I 0 (the KDD Cup 2022 values).</summary>
    public static double Gain(EsciLabel label) => label switch
    {
        EsciLabel.Exact => 1.0,
        EsciLabel.Substitute => 0.1,
        EsciLabel.Complement => 0.01,
        _ => 0.0,
    };

    /// <summary>Parses <c>E</c>, <c>S</c>, <c>C</c>, <c>I</c> (also the full words, any case).</summary>
    public static bool TryParse(string text, out EsciLabel label)
    {
        switch (text.Trim().ToUpperInvariant())
        {
            case "E" or "EXACT": label = EsciLabel.Exact; return true;
            case "S" or "SUBSTITUTE": label = EsciLabel.Substitute; return true;
            case "C" or "COMPLEMENT": label = EsciLabel.Complement; return true;
            case "I" or "IRRELEVANT": label = EsciLabel.Irrelevant; return true;
            default: label = default; return false;
        }
    }
}
