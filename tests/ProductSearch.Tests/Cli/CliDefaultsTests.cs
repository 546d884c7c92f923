using ProductSearch.Cli;
using ProductSearch.Embedding;
using ProductSearch.Tests.Support;

namespace ProductSearch.Tests.Cli;

/// <summary>
/// <c>--index</c>, <c>--device</c> and <c>--model</c> from the environment or a config file: option &gt; environment &gt;
/// config file &gt; built-in default, and a value that cannot be used names where it was set. In the console collection,
/// which runs alone, since the environment is the process's.
/// </summary>
[Collection(nameof(ConsoleCapture))]
public sealed class CliDefaultsTests(CliIndexFixture fixture) : IClassFixture<CliIndexFixture>, IDisposable
{
    private readonly TempFolder _temp = new();
    private readonly Dictionary<string, string?> _saved = new[] { CliDefaults.IndexVariable, CliDefaults.DeviceVariable, CliDefaults.ModelVariable, CliDefaults.ConfigVariable }
        .ToDictionary(v => v, Environment.GetEnvironmentVariable);

    /// <summary>Sets <paramref name="variable"/> for this test (and points the config file at one of the test's own, unless set).</summary>
    private void Set(string variable, string? value)
    {
        Environment.SetEnvironmentVariable(variable, value);
        if (Environment.GetEnvironmentVariable(CliDefaults.ConfigVariable) is null)
            Environment.SetEnvironmentVariable(CliDefaults.ConfigVariable, _temp.File("no-config.json"));
    }

    private string Config(string json)
    {
        var folder = Directory.CreateDirectory(_temp.File("config")).FullName;
        var path = Path.Combine(folder, "config.json");
        File.WriteAllText(path, json);
        Set(CliDefaults.ConfigVariable, path);
        return path;
    }

    [Fact]
    public async Task The_index_comes_from_the_option_then_the_environment_then_the_config_file()
    {
        Set(CliDefaults.IndexVariable, null);
        var missing = await CliRun.RunAsync("info");
        Assert.Equal(2, missing.ExitCode);
        Assert.Contains($"Option '--index' is required (or set {CliDefaults.IndexVariable}", Assert.Single(missing.ErrorLines));

        // The config file's folder is relative to the file: copy the index beside it.
        Config("{\"index\": \"shop\"}");
        var beside = fixture.CopyIndex(_temp);
        Directory.Move(beside, _temp.File("config/shop"));
        var fromConfig = await CliRun.RunAsync("info");
        Assert.True(fromConfig.ExitCode == 0, fromConfig.ToString());
        Assert.Contains($"index       {_temp.File("config/shop")}", fromConfig.Output);

        Set(CliDefaults.IndexVariable, fixture.IndexPath);
        Assert.Contains($"index       {fixture.IndexPath}", (await CliRun.RunAsync("info")).Output);

        var given = await CliRun.RunAsync("info", "--index", _temp.File("config/shop"));
        Assert.Contains($"index       {_temp.File("config/shop")}", given.Output);
    }

    [Fact]
    public async Task A_bad_device_names_the_variable_and_the_option_still_wins()
    {
        Set(CliDefaults.DeviceVariable, "gpu");
        var result = await CliRun.RunAsync("search", "hammer", "--index", fixture.IndexPath);
        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith($"error: {CliDefaults.DeviceVariable}: 'gpu' is not a device", Assert.Single(result.ErrorLines));
        Assert.Empty(result.Output);

        var given = await CliRun.RunAsync("search", "hammer", "--index", fixture.IndexPath, "--device", "cpu", "-k", "1");
        Assert.True(given.ExitCode == 0, given.ToString());
    }

    [Fact]
    public async Task The_environment_wins_over_the_config_file_and_a_configured_model_does_not_override_an_index_s()
    {
        var other = BuiltInModels.All.First(m => m.Name != BuiltInModels.DefaultName).Name; // the fixture's index has the default
        Config($"{{\"device\": \"tpu\", \"model\": \"{other}\"}}");
        var badDevice = await CliRun.RunAsync("search", "hammer", "--index", fixture.IndexPath);
        Assert.Equal(2, badDevice.ExitCode);
        Assert.Contains("'device' in ", badDevice.Error);
        Assert.Contains("config.json: 'tpu' is not a device", badDevice.Error);

        Set(CliDefaults.DeviceVariable, "cpu");
        var search = await CliRun.RunAsync("search", "hammer", "--index", fixture.IndexPath, "-k", "1");
        Assert.True(search.ExitCode == 0, search.ToString());
        Assert.Contains($"model {BuiltInModels.DefaultName} on cpu", search.Output); // the index's model, not the configured one

        Set(CliDefaults.ModelVariable, "no-such-model");
        var embed = await CliRun.RunAsync("embed");
        Assert.Equal(2, embed.ExitCode);
        Assert.StartsWith($"error: {CliDefaults.ModelVariable}: 'no-such-model' is neither a built-in model", Assert.Single(embed.ErrorLines));
        Assert.Equal(0, (await CliRun.RunAsync("info", "--index", fixture.IndexPath)).ExitCode); // info uses no model
    }

    [Theory]
    [InlineData("{\"devise\": \"cpu\"}", "unknown setting 'devise'")]
    [InlineData("{\"device\": ", "is not valid JSON")]
    [InlineData("{\"index\": 3}", "'index' must be a string")]
    public async Task A_config_file_that_cannot_be_used_is_one_line_naming_it(string json, string problem)
    {
        var path = Config(json);
        var result = await CliRun.RunAsync("info");
        Assert.Equal(2, result.ExitCode);
        var line = Assert.Single(result.ErrorLines);
        Assert.Contains(path, line);
        Assert.Contains(problem, line);
    }

    public void Dispose()
    {
        foreach (var (variable, value) in _saved) Environment.SetEnvironmentVariable(variable, value);
        _temp.Dispose();
    }
}
