// Runs the benchmarks: dotnet run -c Release --project tests/IptablesPolicy.Benchmarks -- --filter '*SnapshotParsing*'
// (add --job short for a quicker, less precise run). Results and commands: README.md beside this file.
using BenchmarkDotNet.Running;

BenchmarkSwitcher.FromAssembly(typeof(IptablesPolicy.Benchmarks.SnapshotParsingBenchmarks).Assembly).Run(args);
