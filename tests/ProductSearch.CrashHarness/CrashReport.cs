namespace ProductSearch.CrashHarness;

/// <summary>What a series of kill -9 trials found.</summary>
/// <param name="Trials">Trials run.</param>
/// <param name="Killed">Trials whose writer was killed before it finished.</param>
/// <param name="Completed">Trials whose writer finished and acknowledged its commit.</param>
/// <param name="CommitsVisibleAfterKill">Killed trials whose change was nevertheless committed (killed after the commit point).</param>
/// <param name="Unopenable">Trials after which the index could not be opened or searched.</param>
/// <param name="Inconsistent">Trials after which the three stores disagreed (verify).</param>
/// <param name="LostCommits">Acknowledged commits missing afterwards.</param>
/// <param name="PartialCommits">Trials whose change was visible in part.</param>
/// <param name="Failures">One line per failed trial.</param>
public sealed record CrashReport(int Trials, int Killed, int Completed, int CommitsVisibleAfterKill, int Unopenable, int Inconsistent,
    int LostCommits, int PartialCommits, IReadOnlyList<string> Failures)
{
    /// <summary>Trials whose commit was due to fold the vector delta into a new base graph (a merge), and how many of those were killed.</summary>
    public (int Started, int Killed) Merges { get; init; }

    /// <summary>Whether every trial left a whole, openable index with every acknowledged commit.</summary>
    public bool Passed => Unopenable == 0 && Inconsistent == 0 && LostCommits == 0 && PartialCommits == 0;

    /// <inheritdoc />
    public override string ToString() =>
        $"{Trials} trials: {Killed} killed (of which {CommitsVisibleAfterKill} after their commit point), {Completed} completed; " +
        $"{Unopenable} unopenable, {Inconsistent} inconsistent, {LostCommits} lost commits, {PartialCommits} partial commits; " +
        $"{Merges.Started} commits with a merge, {Merges.Killed} of them killed";
}
