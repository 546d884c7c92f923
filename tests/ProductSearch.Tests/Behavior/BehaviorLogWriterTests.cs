using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using ProductSearch.Behavior;
using ProductSearch.Tests.Support;

namespace ProductSearch.Tests.Behavior;

/// <summary>The behaviour log's writer: every record from many threads lands whole, files rotate, and a failing disk costs records, never a caller.</summary>
public sealed class BehaviorLogWriterTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 27, 23, 59, 0, TimeSpan.Zero);

    [Fact]
    public async Task Records_written_from_many_threads_are_all_in_their_files_each_on_its_own_line()
    {
        using var temp = new TempFolder();
        var time = new FakeTimeProvider(Start);
        await using (var log = new BehaviorLogWriter(new BehaviorLogOptions { Folder = temp.Path, QueueCapacity = 100_000 }, null, time))
        {
            await Parallel.ForAsync(0, 8, async (thread, ct) =>
            {
                for (var i = 0; i < 500; i++)
                {
                    Assert.True(log.TryWrite(Query($"t{thread}-{i}")));
                    Assert.True(log.TryWrite(UbiEvent.OnObject(UbiActions.Impression, $"t{thread}-{i}", "B1", 1, Start)));
                    if (i % 100 == 0) await Task.Yield();
                }
            });
            await log.FlushAsync();
            Assert.Equal(new BehaviorLogStatistics(8000, 0, 0, null), log.Statistics);
        }
        var queries = await ReadAllAsync(BehaviorLogReader.ReadQueriesAsync(Path.Combine(temp.Path, "ubi_queries-2026-11-27.jsonl")));
        var events = await ReadAllAsync(BehaviorLogReader.ReadEventsAsync(Path.Combine(temp.Path, "ubi_events-2026-11-27.jsonl")));
        Assert.Equal(4000, queries.Count(l => l.Record is not null));
        Assert.Equal(4000, events.Count(l => l.Record is not null));
        Assert.Equal(4000, queries.Select(l => l.Record!.QueryId).Distinct().Count());
    }

    [Fact]
    public async Task A_new_file_starts_at_utc_midnight_and_past_the_size_limit()
    {
        using var temp = new TempFolder();
        var time = new FakeTimeProvider(Start);
        var size = UbiJsonWriter.ToLine(Query("q-0000")).Length;
        await using (var log = new BehaviorLogWriter(new BehaviorLogOptions { Folder = temp.Path, MaxFileBytes = 2 * size }, null, time))
        {
            for (var i = 0; i < 3; i++) log.TryWrite(Query($"q-{i:0000}"));
            await log.FlushAsync();
            time.Advance(TimeSpan.FromMinutes(2)); // 00:01 on the 28th
            log.TryWrite(Query("q-0003"));
            await log.FlushAsync();
        }
        Assert.Equal(["ubi_queries-2026-11-27.1.jsonl", "ubi_queries-2026-11-27.jsonl", "ubi_queries-2026-11-28.jsonl"],
            Directory.GetFiles(temp.Path).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Equal(2, File.ReadAllLines(Path.Combine(temp.Path, "ubi_queries-2026-11-27.jsonl")).Length);
        Assert.Single(File.ReadAllLines(Path.Combine(temp.Path, "ubi_queries-2026-11-27.1.jsonl")));

        // A writer started later on the same day appends to the last file of the day rather than starting over.
        await using (var again = new BehaviorLogWriter(new BehaviorLogOptions { Folder = temp.Path, MaxFileBytes = 2 * size }, null, new FakeTimeProvider(Start)))
        {
            again.TryWrite(Query("q-0004"));
        }
        Assert.Equal(2, File.ReadAllLines(Path.Combine(temp.Path, "ubi_queries-2026-11-27.1.jsonl")).Length);
    }

    [Fact]
    public async Task A_full_disk_drops_and_counts_records_logs_once_and_writing_resumes_when_space_returns()
    {
        using var temp = new TempFolder();
        var time = new FakeTimeProvider(Start);
        var logger = new ListLogger();
        var disk = new Disk();
        await using var log = new BehaviorLogWriter(new BehaviorLogOptions { Folder = temp.Path }, logger, time, disk.Open);
        log.TryWrite(Query("before"));
        await log.FlushAsync();

        disk.Full = true;
        for (var i = 0; i < 5; i++) Assert.True(log.TryWrite(Query($"lost-{i}"))); // the caller never sees the disk
        await log.FlushAsync();
        var failing = log.Statistics;
        Assert.Equal((1L, 5L), (failing.Written, failing.DroppedWriteFailed));
        Assert.Contains("No space left", failing.LastError);
        Assert.Equal(1, logger.Count(LogLevel.Warning, "Could not write the behaviour log"));

        disk.Full = false;
        log.TryWrite(Query("during back-off")); // within a second of the failure: dropped without trying the disk
        await log.FlushAsync();
        time.Advance(TimeSpan.FromSeconds(2));
        log.TryWrite(Query("after"));
        await log.FlushAsync();
        Assert.Equal((2L, 6L), (log.Statistics.Written, log.Statistics.DroppedWriteFailed));
        Assert.Equal(1, logger.Count(LogLevel.Information, "again; 6 records were dropped"));
        // The line the failing write cut short is ended before the next one, so every other line still parses.
        var lines = await ReadAllAsync(BehaviorLogReader.ReadQueriesAsync(disk.Path!));
        Assert.Equal(["before", "after"], lines.Where(l => l.Record is not null).Select(l => l.Record!.QueryId));
    }

    [Fact]
    public async Task A_full_queue_refuses_records_at_once_and_counts_them()
    {
        using var temp = new TempFolder();
        var logger = new ListLogger();
        var disk = new Disk { Gate = new SemaphoreSlim(0) };
        await using var log = new BehaviorLogWriter(new BehaviorLogOptions { Folder = temp.Path, QueueCapacity = 3 }, logger, new FakeTimeProvider(Start), disk.Open);
        int accepted;
        try
        {
            accepted = Enumerable.Range(0, 20).Count(i => log.TryWrite(Query($"q{i}")));
            // Three wait in the queue; the writer may already hold up to three more, taken in one batch before the first write blocked.
            Assert.InRange(accepted, 3, 6);
            Assert.Equal(20 - accepted, log.Statistics.DroppedQueueFull);
            // Logged once per spell of a full queue, not once per record: the writer taking a batch mid-way may start a second spell.
            Assert.InRange(logger.Count(LogLevel.Warning, "queue is full"), 1, 2);
        }
        finally
        {
            disk.Gate.Release(100); // a failed assertion must not leave the writer blocked, or disposing it would wait forever
        }
        await log.FlushAsync();
        Assert.Equal(accepted, log.Statistics.Written);
    }

    [Fact]
    public async Task A_disposed_writer_refuses_records_without_counting_them_as_dropped()
    {
        using var temp = new TempFolder();
        var log = new BehaviorLogWriter(new BehaviorLogOptions { Folder = temp.Path });
        log.TryWrite(Query("q"));
        await log.DisposeAsync();
        Assert.False(log.TryWrite(Query("late")));
        await log.FlushAsync();
        Assert.Equal(new BehaviorLogStatistics(1, 0, 0, null), log.Statistics);
    }

    [Theory]
    [InlineData("", 10, 0, "Folder")]
    [InlineData("x", 0, 0, "QueueCapacity")]
    [InlineData("x", 10, -1, "MaxFileBytes")]
    public void Bad_options_are_refused_naming_the_option(string folder, int capacity, long maxBytes, string name)
    {
        var error = Assert.Throws<ArgumentException>(() => new BehaviorLogWriter(new BehaviorLogOptions { Folder = folder, QueueCapacity = capacity, MaxFileBytes = maxBytes }));
        Assert.Equal(name, error.ParamName);
    }

    private static UbiQuery Query(string id) => new() { QueryId = id, UserQuery = "shoes", Timestamp = Start, QueryResponseHitIds = ["B1", "B2"] };

    private static async Task<List<BehaviorLogReader.LogLine<T>>> ReadAllAsync<T>(IAsyncEnumerable<BehaviorLogReader.LogLine<T>> lines) where T : class
    {
        var all = new List<BehaviorLogReader.LogLine<T>>();
        await foreach (var line in lines) all.Add(line);
        return all;
    }

    /// <summary>Real files whose writes can be made to fail as a full disk does (part of a line written, then ENOSPC), or to wait.</summary>
    private sealed class Disk
    {
        public volatile bool Full;
        public SemaphoreSlim? Gate;
        public string? Path;

        public Stream Open(string path)
        {
            Path = path;
            return new FailingStream(new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.ReadWrite), this);
        }

        private sealed class FailingStream(FileStream inner, Disk disk) : Stream
        {
            public override bool CanRead => false;
            public override bool CanSeek => true;
            public override bool CanWrite => true;
            public override long Length => inner.Length;
            public override long Position { get => inner.Position; set => inner.Position = value; }
            public override void Flush() => inner.Flush();
            public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
            public override long Seek(long offset, SeekOrigin origin) => inner.Seek(offset, origin);
            public override void SetLength(long value) => inner.SetLength(value);

            public override void Write(byte[] buffer, int offset, int count)
            {
                disk.Gate?.Wait();
                if (!disk.Full)
                {
                    inner.Write(buffer, offset, count);
                    return;
                }
                inner.Write(buffer, offset, count / 2);
                inner.Flush();
                throw new IOException("No space left on device");
            }

            protected override void Dispose(bool disposing)
            {
                if (disposing) inner.Dispose();
                base.Dispose(disposing);
            }
        }
    }
}
