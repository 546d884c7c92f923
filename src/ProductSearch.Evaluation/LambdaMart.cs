using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers.FastTree;
using ProductSearch.Ranking;

namespace ProductSearch.Evaluation;

/// <summary>
/// Trains a LambdaMART model with ML.NET's FastTree ranking trainer on candidate rows grouped by query, labels the
/// ESCI grades (I 0, C 1, S 2, E 3) with the ESCI gains (0, 0.01, 0.1, 1), so it optimises the nDCG the evaluation
/// reports. One thread and a fixed seed: the same data gives the same model. Returns the model as
/// <see cref="RankerModel"/> loads it.
/// </summary>
internal static class LambdaMart
{
    // FastTree wants a gain for each of five grades (0–4); grade 4 is never used.
    private static readonly double[] Gains = [0, 0.01, 0.1, 1, 1];

    public static byte[] Train(IEnumerable<RankerTrainingQuery> queries, LambdaMartSettings settings, int seed)
    {
        var ml = new MLContext(seed);
        var rows = queries.SelectMany((query, group) => query.Candidates.Select(c => new Row
        {
            Label = (int)query.Judgments.LabelOf(c.ProductId),
            Group = (uint)group,
            Features = c.Features as float[] ?? c.Features.ToArray(),
        })).ToList();
        var features = RankerFeatures.Names.Count;
        var schema = SchemaDefinition.Create(typeof(Row));
        schema[RankerModel.FeatureColumn].ColumnType = new VectorDataViewType(NumberDataViewType.Single, features);
        var data = ml.Data.LoadFromEnumerable(rows, schema);
        var trainer = ml.Transforms.Conversion.MapValueToKey("GroupKey", nameof(Row.Group))
            .Append(ml.Ranking.Trainers.FastTree(new FastTreeRankingTrainer.Options
            {
                LabelColumnName = nameof(Row.Label),
                FeatureColumnName = RankerModel.FeatureColumn,
                RowGroupColumnName = "GroupKey",
                NumberOfLeaves = settings.Leaves,
                NumberOfTrees = settings.Trees,
                LearningRate = settings.LearningRate,
                MinimumExampleCountPerLeaf = settings.MinimumExamplesPerLeaf,
                CustomGains = Gains,
                NumberOfThreads = 1,
            }));
        var model = trainer.Fit(data).LastTransformer;
        // Only the scorer is saved, with an input of just the feature vector: searches have no label or group.
        var input = SchemaDefinition.Create(typeof(Input));
        input[RankerModel.FeatureColumn].ColumnType = new VectorDataViewType(NumberDataViewType.Single, features);
        using var stream = new MemoryStream();
        ml.Model.Save(model, ml.Data.LoadFromEnumerable(Array.Empty<Input>(), input).Schema, stream);
        return stream.ToArray();
    }

    private sealed class Row
    {
        public float Label { get; set; }

        public uint Group { get; set; }

        [VectorType]
        public float[] Features { get; set; } = [];
    }

    private sealed class Input
    {
        [VectorType]
        public float[] Features { get; set; } = [];
    }
}
