using BenchmarkDotNet.Running;
using ContinuityOfCare.Benchmarks.Orchestrations;
using ContinuityOfCare.Benchmarks.Storage;

// Run: dotnet run -c Release --project tests/ContinuityOfCare.Benchmarks -- --filter '*'
// Orchestration harness (one measured run, not BenchmarkDotNet): ... -- orchestrations [--waiting N] [--due N]
if (args is ["orchestrations", ..])
{
    return await EscalationBurstHarness.RunAsync(args[1..]).ConfigureAwait(false);
}

// Console time-to-first-byte harness (docs/console.md "Measured"): ... -- console [--obligations N] [--closed TENTHS] [--tasks N] [--prisons N] [--requests N]
if (args is ["console", ..])
{
    return await ContinuityOfCare.Benchmarks.OperatorConsole.ConsoleTtfbHarness.RunAsync(args[1..]).ConfigureAwait(false);
}

// Register import into Table storage (one measured run against Azurite): ... -- register-import [--clients N] [--seed N]
if (args is ["register-import", ..])
{
    return await RegisterImportHarness.RunAsync(args[1..]).ConfigureAwait(false);
}

// Planning memory (c): parse the register, build the index, parse and plan the court list in one process: ... -- plan-memory [--objects] [--register-only]
if (args is ["plan-memory", ..])
{
    return await ContinuityOfCare.Benchmarks.Planning.PlanMemoryHarness.RunAsync(args[1..]).ConfigureAwait(false);
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
