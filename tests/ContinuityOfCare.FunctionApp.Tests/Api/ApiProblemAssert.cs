using System.Text.Json;
using Xunit;

namespace ContinuityOfCare.FunctionApp.Tests.Api;

/// <summary>Checks the problem-details shape every API error must have.</summary>
public static class ApiProblemAssert
{
    /// <summary>The body is <c>{"type","title","status","detail"}</c> with <paramref name="status"/>.</summary>
    public static void IsProblem(JsonElement body, int status)
    {
        Assert.Equal(JsonValueKind.Object, body.ValueKind);
        Assert.False(string.IsNullOrEmpty(body.GetProperty("type").GetString()));
        Assert.False(string.IsNullOrEmpty(body.GetProperty("title").GetString()));
        Assert.Equal(status, body.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrEmpty(body.GetProperty("detail").GetString()));
    }
}
