using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using ProductSearch.Behavior;

namespace ProductSearch.Storefront.Tests.Hosting;

/// <summary><c>services.AddProductSearchBehaviorLog(...)</c> in a plain generic host: one writer, checked at start, written out at shutdown.</summary>
public sealed class AddBehaviorLogTests
{
    [Fact]
    public async Task One_shared_writer_is_bound_from_configuration_and_what_it_queued_is_on_disk_after_shutdown()
    {
        var folder = Path.Combine(Path.GetTempPath(), "productsearch-storefront-tests", "ubi-host-" + Guid.NewGuid().ToString("N")[..8]);
        try
        {
            var builder = Host.CreateApplicationBuilder();
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["ProductSearch:BehaviorLog:Folder"] = folder, ["ProductSearch:BehaviorLog:QueueCapacity"] = "50" });
            builder.Services.AddProductSearchBehaviorLog();
            var host = builder.Build();
            await host.StartAsync();
            var writer = host.Services.GetRequiredService<BehaviorLogWriter>();
            Assert.Same(writer, host.Services.GetRequiredService<BehaviorLogWriter>());
            Assert.Equal(50, host.Services.GetRequiredService<IOptions<BehaviorLogOptions>>().Value.QueueCapacity);
            var now = DateTimeOffset.UtcNow;
            for (var i = 0; i < 20; i++) Assert.True(writer.TryWrite(UbiEvent.OnObject(UbiActions.Click, $"q{i}", "P1", 1, now)));
            await host.StopAsync();
            host.Dispose(); // disposing the services drains the writer's queue

            var lines = File.ReadAllLines(Directory.GetFiles(folder, "ubi_events-*.jsonl").Single());
            Assert.Equal(20, lines.Length);
            Assert.False(writer.TryWrite(UbiEvent.OnObject(UbiActions.Click, "late", "P1", 1, now)));
        }
        finally
        {
            if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task A_missing_folder_stops_start_up_naming_the_option()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddProductSearchBehaviorLog(o => o.QueueCapacity = 10);
        using var host = builder.Build();
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());
        Assert.Contains("BehaviorLog:Folder is required", error.Message);
    }
}
