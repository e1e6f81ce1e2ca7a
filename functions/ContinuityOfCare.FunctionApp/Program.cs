using ContinuityOfCare.FunctionApp.Obligations;
using ContinuityOfCare.Hub.Hosting;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Hosting;

// The isolated worker: the Functions host finds the functions from functions.metadata (written at build time from the
// function classes' attributes) and calls them here; everything they do is registered by AddHub.
var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
builder.Services.AddHub(builder.Configuration);
builder.Services.AddObligationOrchestration();
await builder.Build().RunAsync().ConfigureAwait(false);
