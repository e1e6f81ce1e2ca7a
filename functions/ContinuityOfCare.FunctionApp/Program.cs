using ContinuityOfCare.FunctionApp.Hosting;
using Microsoft.AspNetCore.Builder;

// One app, two hosts (docs/hosting.md): under Azure Functions (FUNCTIONS_CUSTOMHANDLER_PORT set) a custom handler;
// otherwise its own local host for the same function.json files.
var builder = WebApplication.CreateBuilder(args);
builder.AddHubServices();
var app = builder.Build();
app.MapHubFunctions();
await app.RunAsync().ConfigureAwait(false);
