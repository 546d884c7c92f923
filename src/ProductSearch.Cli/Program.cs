using ProductSearch.Cli;

return await CliApp.RunAsync(args);

/// <summary>
/// The entry point, kept internal: with the ASP.NET Core shared framework (for <c>serve</c>) the SDK would make a
/// top-level program's class public, and a test project that sees both this and the storefront would find two
/// public <c>Program</c> classes.
/// </summary>
internal sealed partial class Program;
