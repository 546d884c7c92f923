namespace ProductSearch.Evaluation;

/// <summary>Training data a learned ranker cannot be trained on (too few judged queries for the folds); the message names the count.</summary>
public sealed class RankerTrainingException : ProductSearchException
{
    /// <summary>Creates the exception.</summary>
    public RankerTrainingException(string message) : base(ProductSearchErrorReason.InvalidInput, message) { }
}
