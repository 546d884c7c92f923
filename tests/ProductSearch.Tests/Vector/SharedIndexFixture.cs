using ProductSearch.Vector;
using Xunit;

namespace ProductSearch.Tests.Vector;

/// <summary>
/// One read-only index of 3,000 clustered 384-d unit vectors, shared by the tests that only search it
/// (building it is the slow part).
/// </summary>
public sealed class SharedIndexFixture : IDisposable
{
    /// <summary>Embedding size used by the shared index, matching MiniLM-style models.</summary>
    public const int Dimensions = 384;

    /// <summary>Number of indexed vectors.</summary>
    public const int Size = 3000;

    /// <summary>Builds the shared index.</summary>
    public SharedIndexFixture()
    {
        Vectors = VectorTestData.ClusteredUnitVectors(Size, Dimensions, clusters: 100, noise: 2, seed: 1);
        Queries = VectorTestData.ClusteredUnitVectors(50, Dimensions, clusters: 100, noise: 2, seed: 2);
        Index = VectorTestData.Build(Vectors, Dimensions);
    }

    /// <summary>The indexed vectors, row-major; row i has key i.</summary>
    public float[] Vectors { get; }

    /// <summary>Query vectors drawn from the same clusters but not in the index.</summary>
    public float[] Queries { get; }

    /// <summary>The shared index. Tests must not modify it.</summary>
    public UsearchIndex Index { get; }

    /// <inheritdoc />
    public void Dispose() => Index.Dispose();
}
