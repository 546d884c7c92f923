using ProductSearch.Cli;

return await CliApp.Create().Parse(args).InvokeAsync();
