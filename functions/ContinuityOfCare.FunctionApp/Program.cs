// Placeholder entry point; the two hosts (custom handler, local host) are built in issue 2.
var builder = WebApplication.CreateBuilder(args);
var app = builder.Build();
app.MapGet("/", () => Results.Ok());
await app.RunAsync().ConfigureAwait(false);
