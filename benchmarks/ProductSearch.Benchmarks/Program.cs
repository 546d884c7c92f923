using BenchmarkDotNet.Running;
using ProductSearch.Benchmarks;

// "e2e": the end-to-end harness (index build, query latency); anything else goes to BenchmarkDotNet.
if (args.Length > 0 && args[0] == "e2e") return await EndToEndHarness.RunAsync(args[1..]);
if (args.Length > 0 && args[0] == "crash") return CrashHarnessRun.Run(args[1..]);
BenchmarkSwitcher.FromAssembly(typeof(EndToEndHarness).Assembly).Run(args);
return 0;
