using System.Collections.Concurrent;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;

namespace ProductSearch.Ranking;

/// <summary>
/// A trained second-stage model (an ML.NET ranking model over a vector column named <see cref="FeatureColumn"/>, saved
/// with <c>MLContext.Model.Save</c>), loaded to score feature vectors and to explain a score with ML.NET's feature
/// contribution calculation. Thread-safe: ML.NET's prediction engines are not, so each call takes one from a pool.
/// </summary>
public sealed class RankerModel : IDisposable
{
    /// <summary>The name of the input column that holds a candidate's feature vector.</summary>
    public const string FeatureColumn = "Features";

    private readonly MLContext _ml = new(seed: 0);
    private readonly ITransformer _scorer;
    private readonly SchemaDefinition _input;
    private readonly Lazy<ITransformer> _explainer;
    private readonly ConcurrentBag<PredictionEngine<FeatureRow, ScoredRow>> _scoring = [];
    private readonly ConcurrentBag<PredictionEngine<FeatureRow, ExplainedRow>> _explaining = [];

    private RankerModel(ITransformer scorer, int featureCount)
    {
        _scorer = scorer;
        FeatureCount = featureCount;
        _input = SchemaDefinition.Create(typeof(FeatureRow));
        _input[FeatureColumn].ColumnType = new VectorDataViewType(NumberDataViewType.Single, featureCount);
        _explainer = new Lazy<ITransformer>(CreateExplainer);
    }

    /// <summary>The length of the feature vectors the model reads.</summary>
    public int FeatureCount { get; }

    /// <summary>Loads a model saved by <c>MLContext.Model.Save</c> whose input is a vector of <paramref name="featureCount"/> floats.</summary>
    /// <exception cref="InvalidDataException">The bytes are not such a model.</exception>
    public static RankerModel Load(byte[] model, int featureCount)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(featureCount);
        try
        {
            var ml = new MLContext(seed: 0);
            var scorer = ml.Model.Load(new MemoryStream(model, writable: false), out var schema);
            var column = schema.GetColumnOrNull(FeatureColumn)
                ?? throw new InvalidDataException($"the model has no '{FeatureColumn}' input column");
            if (column.Type is not VectorDataViewType { Size: var size } || size != featureCount)
                throw new InvalidDataException($"the model reads {column.Type}, not a vector of {featureCount} features");
            var loaded = new RankerModel(scorer, featureCount);
            loaded.Score([new float[featureCount]]); // fails here, not on the first search, if the model cannot run
            return loaded;
        }
        catch (Exception ex) when (ex is not InvalidDataException and not OutOfMemoryException)
        {
            throw new InvalidDataException($"The ranker model cannot be loaded: {ex.Message}", ex);
        }
    }

    /// <summary>The model's score for each feature vector; higher ranks first.</summary>
    public float[] Score(IReadOnlyList<float[]> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var engine = _scoring.TryTake(out var pooled) ? pooled : _ml.Model.CreatePredictionEngine<FeatureRow, ScoredRow>(_scorer, inputSchemaDefinition: _input);
        try
        {
            var scores = new float[rows.Count];
            var input = new FeatureRow();
            var output = new ScoredRow();
            for (var i = 0; i < rows.Count; i++)
            {
                input.Features = Checked(rows[i]);
                engine.Predict(input, ref output);
                scores[i] = output.Score;
            }
            return scores;
        }
        finally
        {
            _scoring.Add(engine);
        }
    }

    /// <summary>
    /// Each feature's contribution to <paramref name="row"/>'s score, in feature order, by ML.NET's feature contribution
    /// calculation (for tree ensembles: what each split on the feature along the decision paths added), unnormalised.
    /// </summary>
    public float[] Contributions(float[] row)
    {
        ArgumentNullException.ThrowIfNull(row);
        var engine = _explaining.TryTake(out var pooled) ? pooled : _ml.Model.CreatePredictionEngine<FeatureRow, ExplainedRow>(_explainer.Value, inputSchemaDefinition: _input);
        try
        {
            return (float[])engine.Predict(new FeatureRow { Features = Checked(row) }).FeatureContributions.Clone();
        }
        finally
        {
            _explaining.Add(engine);
        }
    }

    private float[] Checked(float[] row) => row.Length == FeatureCount ? row
        : throw new ArgumentException($"The ranker reads {FeatureCount} features; got {row.Length}.", nameof(row));

    private ITransformer CreateExplainer()
    {
        if (_scorer is not ISingleFeaturePredictionTransformer<ICalculateFeatureContribution> predictor)
            throw new InvalidOperationException($"The ranker model ({_scorer.GetType().Name}) cannot explain its scores.");
        var empty = _ml.Data.LoadFromEnumerable(Array.Empty<FeatureRow>(), _input);
        var contributions = _ml.Transforms.CalculateFeatureContribution(predictor, FeatureCount, FeatureCount, normalize: false).Fit(empty);
        return new TransformerChain<ITransformer>(_scorer, contributions);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        while (_scoring.TryTake(out var engine)) engine.Dispose();
        while (_explaining.TryTake(out var engine)) engine.Dispose();
    }

    private sealed class FeatureRow
    {
        [VectorType]
        public float[] Features { get; set; } = [];
    }

    private sealed class ScoredRow
    {
        public float Score { get; set; }
    }

    private sealed class ExplainedRow
    {
        public float Score { get; set; }

        public float[] FeatureContributions { get; set; } = [];
    }
}
