using BenchmarkDotNet.Running;

// Run: dotnet run -c Release --project tests/ContinuityOfCare.Benchmarks -- --filter '*'
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
