namespace ProductSearch.Cluster;

/// <summary>What a silo's replica of a shard reports about itself.</summary>
[GenerateSerializer, Immutable]
internal sealed record ReplicaState(
    [property: Id(0)] int Shard,
    [property: Id(1)] string Silo,
    [property: Id(2)] bool Warm,
    [property: Id(3)] long Generation,
    [property: Id(4)] long Products,
    [property: Id(5)] string? Problem);

/// <summary>Why a replica did not answer: it is warming (ask another), or its shard cannot be served (say why).</summary>
[GenerateSerializer]
internal sealed class ReplicaUnavailableException : Exception
{
    public ReplicaUnavailableException(int shard, string silo, string reason, bool shardMissing = false) : base($"Shard {shard} on {silo}: {reason}")
    {
        Shard = shard;
        Reason = reason;
        ShardMissing = shardMissing;
    }

    [Id(0)] public int Shard { get; private set; }

    [Id(1)] public string Reason { get; private set; } = "";

    /// <summary>The shard's folder is missing or damaged: no other replica will do better until it is repaired.</summary>
    [Id(2)] public bool ShardMissing { get; private set; }

    /// <summary>The cluster moved to this generation since the search began: search again on it.</summary>
    [Id(3)] public long? MovedTo { get; init; }
}

/// <summary>
/// A replica's refusal of the request itself — an <see cref="ArgumentException"/> (a field the index lacks...) or a
/// <see cref="NotSupportedException"/> — carried whole across the silo boundary: Orleans sends an exception's type and
/// message but not <see cref="ArgumentException.ParamName"/>, which the caller needs to name the parameter.
/// </summary>
[GenerateSerializer]
internal sealed class ReplicaRefusalException : Exception
{
    public ReplicaRefusalException(string message, string? parameter, bool outOfRange, bool notSupported) : base(message)
    {
        Parameter = parameter;
        OutOfRange = outOfRange;
        NotSupported = notSupported;
    }

    [Id(0)] public string? Parameter { get; private set; }

    [Id(1)] public bool OutOfRange { get; private set; }

    [Id(2)] public bool NotSupported { get; private set; }

    /// <summary>The refusal from <paramref name="error"/>, its message without the parameter .NET appends.</summary>
    public static ReplicaRefusalException Of(Exception error) => error is ArgumentException refusal
        ? new ReplicaRefusalException(RefusalText.Of(refusal), refusal.ParamName, refusal is ArgumentOutOfRangeException, false)
        : new ReplicaRefusalException(error.Message, null, false, true);

    /// <summary>The refusal as the replica raised it (in type, message and parameter).</summary>
    public Exception Original() =>
        NotSupported ? new NotSupportedException(Message)
        : OutOfRange ? new ArgumentOutOfRangeException(Parameter, Message)
        : new ArgumentException(Message, Parameter);
}

/// <summary>A coordinator's answer: the response, or the shards that could not answer and why (the client turns that into its exception).</summary>
[GenerateSerializer, Immutable]
internal sealed record CoordinatorAnswer<T>(
    [property: Id(0)] T? Value,
    [property: Id(1)] IReadOnlyList<ShardFailure> Failures,
    [property: Id(2)] bool TimedOut)
{
    /// <summary>Why the request itself was refused (a parameter out of range, something sharded searches cannot do yet), or <c>null</c>.</summary>
    [Id(3)] public string? Refused { get; init; }

    /// <summary>The parameter the refusal names, if any.</summary>
    [Id(4)] public string? RefusedParameter { get; init; }

    /// <summary>The refusal is of something not supported yet, rather than of a wrong value.</summary>
    [Id(5)] public bool NotSupported { get; init; }

    /// <summary>The refused value is out of its range (an <see cref="ArgumentOutOfRangeException"/> on the silo).</summary>
    [Id(6)] public bool OutOfRange { get; init; }
}

/// <summary>A shard that did not answer a request.</summary>
[GenerateSerializer, Immutable]
internal sealed record ShardFailure([property: Id(0)] int Shard, [property: Id(1)] string Reason, [property: Id(2)] bool Missing);
