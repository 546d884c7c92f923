using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ProductSearch.Embedding;
using Storefront.Hosting;

namespace ProductSearch.Storefront.Tests.Hosting;

public sealed class StorefrontSettingsTests
{
    [Fact]
    public void The_app_listens_on_loopback_unless_told_otherwise()
    {
        var builder = WebApplication.CreateBuilder([]);
        DefaultAddress.ApplyUnlessConfigured(builder);
        Assert.Equal("http://127.0.0.1:5080", builder.WebHost.GetSetting(WebHostDefaults.ServerUrlsKey));
    }

    [Theory]
    [InlineData("--urls", "http://127.0.0.1:6001")]
    [InlineData("--http_ports", "6002")]
    public void A_configured_address_is_left_alone(string key, string value)
    {
        var builder = WebApplication.CreateBuilder([key, value]);
        DefaultAddress.ApplyUnlessConfigured(builder);
        Assert.NotEqual("http://127.0.0.1:5080", builder.WebHost.GetSetting(WebHostDefaults.ServerUrlsKey));
    }

    [Fact]
    public void The_switches_set_index_model_and_device()
    {
        var configuration = new ConfigurationBuilder()
            .AddCommandLine(["--index", "/data/my-index", "--model", "arctic-xs", "--device", "cuda:1"], StorefrontSettings.SwitchMappings)
            .Build();
        var options = Bind(configuration);
        Assert.False(StorefrontSettings.UsesDemoIndex(configuration));
        Assert.Equal("/data/my-index", options.IndexPath);
        Assert.Equal("arctic-xs", options.Model);
        Assert.Equal(new ComputeDevice(ComputeDeviceKind.Cuda, 1), options.Device);
    }

    [Fact]
    public void Every_option_binds_from_the_section_by_the_usual_conventions()
    {
        var options = Bind(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ProductSearch:IndexPath"] = "/data/x", ["ProductSearch:IntraOpThreads"] = "1", ["ProductSearch:RefreshInterval"] = "00:00:05",
            ["ProductSearch:QueryCacheSize"] = "7", ["ProductSearch:ResultCacheSize"] = "0", ["ProductSearch:Device"] = "CPU",
        }).Build());
        Assert.Equal((1, TimeSpan.FromSeconds(5), 7, 0, ComputeDevice.Cpu),
            (options.IntraOpThreads, options.RefreshInterval, options.QueryCacheSize, options.ResultCacheSize, options.Device));
    }

    [Fact]
    public void Without_an_index_the_demo_index_is_served_with_the_index_s_own_model()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["ProductSearch:IndexPath"] = "" }).Build();
        var options = Bind(configuration);
        Assert.True(StorefrontSettings.UsesDemoIndex(configuration));
        Assert.EndsWith(Path.Combine("indexes", "demo"), options.IndexPath);
        Assert.Null(options.Model);
        Assert.Equal(ComputeDevice.Auto, options.Device);
    }

    [Theory]
    [InlineData("--device", "tpu", "tpu")]
    public void An_unknown_device_is_refused_at_start_up(string key, string value, string named)
    {
        var configuration = new ConfigurationBuilder().AddCommandLine([key, value], StorefrontSettings.SwitchMappings).Build();
        var error = Assert.ThrowsAny<Exception>(() => Bind(configuration));
        Assert.Contains(named, error.ToString());
    }

    [Fact]
    public void An_option_out_of_range_stops_start_up_naming_it()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["ProductSearch:IntraOpThreads"] = "-3" }).Build();
        var error = Assert.Throws<OptionsValidationException>(() => Bind(configuration));
        Assert.Contains("IntraOpThreads", error.Message);
    }

    [Fact]
    public void Past_queries_bind_from_the_section_and_read_the_behaviour_log_unless_told_otherwise()
    {
        var options = Bind(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ProductSearch:BehaviorLog:Folder"] = "/data/ubi", ["ProductSearch:PastQueries:MinimumSearches"] = "5", ["ProductSearch:PastQueries:MaxQueries"] = "100",
        }).Build());
        Assert.Equal((5, 100, Path.GetFullPath("/data/ubi")), (options.PastQueries.MinimumSearches, options.PastQueries.MaxQueries, options.PastQueries.LogFolder));
        var own = Bind(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ProductSearch:BehaviorLog:Folder"] = "/data/ubi", ["ProductSearch:PastQueries:LogFolder"] = "/data/other",
        }).Build());
        Assert.Equal(Path.GetFullPath("/data/other"), own.PastQueries.LogFolder);
    }

    [Fact]
    public void A_past_query_option_out_of_range_stops_start_up_naming_it()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["ProductSearch:PastQueries:MinimumSearches"] = "0" }).Build();
        var error = Assert.Throws<OptionsValidationException>(() => Bind(configuration));
        Assert.Contains("PastQueries:MinimumSearches", error.Message);
    }

    private static SearchEngineOptions Bind(IConfiguration configuration)
    {
        var services = new ServiceCollection().AddSingleton(configuration).AddLogging();
        services.AddStorefrontSearch(configuration);
        using var provider = services.BuildServiceProvider();
        return provider.GetRequiredService<IOptions<SearchEngineOptions>>().Value;
    }
}
