using ProductSearch.Cli;

return await CliApp.RunAsync(args);
