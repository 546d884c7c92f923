using System.Diagnostics;
using System.Reflection;
using ProductSearch.Cli;
using ProductSearch.Tests.Support;

namespace ProductSearch.Tests.Cli;

/// <summary>
/// The packed <c>productsearch</c> .NET tool, as a user gets it: <c>dotnet pack</c> of the CLI into a temporary
/// package folder, <c>dotnet tool install --tool-path</c> from that folder alone (no other package source, so it
/// works offline), then the installed command runs <c>--version</c>, builds a small index and searches it. The
/// model cache is a fresh folder, so the installed tool must find the model package in the NuGet cache itself.
/// About 30 s: the pack reuses this build (<c>--no-build</c>) and spends its time compressing ONNX Runtime's libraries.
/// </summary>
public sealed class ToolPackageTests
{
#if DEBUG
    private const string Configuration = "Debug";
#else
    private const string Configuration = "Release";
#endif

    [Fact]
    public void The_packed_tool_installs_from_a_local_folder_and_searches()
    {
        using var temp = new TempFolder();
        var packages = temp.File("packages");
        var toolPath = temp.File("tools");
        var project = Path.Combine(RepositoryRoot.Path, "src", "ProductSearch.Cli", "ProductSearch.Cli.csproj");

        // Only the temporary folder as a package source: nothing is asked of a remote feed.
        var config = temp.File("nuget.config");
        File.WriteAllText(config, "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<configuration><packageSources><clear /></packageSources></configuration>\n");

        // The tool's publish step (700 MB of ONNX Runtime libraries) goes to the temporary folder, not under the CLI's bin/.
        var pack = Run(Dotnet, ["pack", project, "-c", Configuration, "--no-build", "-o", packages, "-nologo",
            $"-p:PublishDir={temp.File("publish")}{Path.DirectorySeparatorChar}"], temp.Path);
        Assert.True(pack.ExitCode == 0, $"dotnet pack failed: {pack}");
        var package = Assert.Single(Directory.GetFiles(packages, "*.nupkg"));
        Assert.Equal($"ProductSearch.Cli.{PackageVersion}.nupkg", Path.GetFileName(package));

        var install = Run(Dotnet, ["tool", "install", "ProductSearch.Cli", "--tool-path", toolPath, "--add-source", packages,
            "--configfile", config, "--version", PackageVersion], temp.Path);
        Assert.True(install.ExitCode == 0, $"dotnet tool install failed: {install}");
        var tool = Path.Combine(toolPath, OperatingSystem.IsWindows() ? "productsearch.exe" : "productsearch");
        Assert.True(File.Exists(tool), $"no {tool} after install: {install}");

        var version = Run(tool, ["--version"], temp.Path);
        Assert.Equal(0, version.ExitCode);
        Assert.StartsWith(PackageVersion, version.Output.Trim());

        var catalog = temp.File("shop.csv");
        File.WriteAllText(catalog, "product_id,product_title\nk1,Stainless Steel Saucepan\nk2,Claw Hammer 16 oz\nk3,Copper Saucepan with Lid\n");
        var index = temp.File("idx");
        var environment = new Dictionary<string, string> { ["PRODUCTSEARCH_MODEL_CACHE"] = temp.File("models") };
        var built = Run(tool, ["index", catalog, "--index", index, "--model", "minilm", "--device", "cpu"], temp.Path, environment);
        Assert.True(built.ExitCode == 0, $"index failed: {built}");

        var search = Run(tool, ["search", "claw hammer", "--index", index, "--device", "cpu", "-k", "1"], temp.Path, environment);
        Assert.True(search.ExitCode == 0, $"search failed: {search}");
        Assert.Contains("Claw Hammer 16 oz", search.Output);
        Assert.DoesNotContain("Saucepan", search.Output);
    }

    /// <summary>The package version: the CLI assembly's informational version without its source revision.</summary>
    private static string PackageVersion =>
        typeof(CliApp).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()!.InformationalVersion.Split('+')[0];

    /// <summary>The <c>dotnet</c> that runs these tests (the SDK sets DOTNET_HOST_PATH for its children), else the one on PATH.</summary>
    private static string Dotnet => Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";

    private static CliResult Run(string executable, IEnumerable<string> args, string workingDirectory, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = workingDirectory,
        };
        foreach (var arg in args) start.ArgumentList.Add(arg);
        // The test host's MSBuild variables would point a child 'dotnet pack' at this run's MSBuild node.
        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase)).ToList())
            start.Environment.Remove(name);
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        foreach (var (name, value) in environment ?? new Dictionary<string, string>()) start.Environment[name] = value;

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(3)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"'{executable} {string.Join(' ', start.ArgumentList)}' ran over 3 minutes.");
        }
        return new CliResult(process.ExitCode, output.Result, error.Result);
    }
}
