using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
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
            .AddCommandLine(["--index", "/data/my-index", "--model", "arctic-xs", "--device", "cpu"], StorefrontSettings.SwitchMappings)
            .Build();
        var options = new SearchEngineOptions();
        StorefrontSettings.Apply(configuration, options);
        Assert.False(StorefrontSettings.UsesDemoIndex(configuration));
        Assert.Equal("/data/my-index", options.IndexPath);
        Assert.Equal("arctic-xs", options.Model);
        Assert.Equal(ComputeDevice.Cpu, options.Device);
    }

    [Fact]
    public void Without_an_index_the_demo_index_is_served_with_the_index_s_own_model()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["ProductSearch:IndexPath"] = "" }).Build();
        var options = new SearchEngineOptions();
        StorefrontSettings.Apply(configuration, options);
        Assert.True(StorefrontSettings.UsesDemoIndex(configuration));
        Assert.EndsWith(Path.Combine("indexes", "demo"), options.IndexPath);
        Assert.Null(options.Model);
        Assert.Equal(ComputeDevice.Auto, options.Device);
    }

    [Fact]
    public void An_unknown_device_is_refused_at_start_up()
    {
        var configuration = new ConfigurationBuilder().AddCommandLine(["--device", "tpu"], StorefrontSettings.SwitchMappings).Build();
        Assert.Throws<ArgumentException>(() => StorefrontSettings.Apply(configuration, new SearchEngineOptions()));
    }
}
