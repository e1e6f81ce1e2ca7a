using Azure;
using ContinuityOfCare.Storage.Tables;
using Xunit;

namespace ContinuityOfCare.Storage.Tests;

public sealed class RequestFailedExceptionExtensionsTests
{
    [Theory]
    [InlineData(409, true, false, false)]
    [InlineData(412, false, true, false)]
    [InlineData(404, false, false, true)]
    [InlineData(500, false, false, false)]
    public void Outcomes_FollowTheStatus(int status, bool conflict, bool precondition, bool notFound)
    {
        var failure = new RequestFailedException(status, "m");

        Assert.Equal((conflict, precondition, notFound), (failure.IsConflict(), failure.IsPreconditionFailed(), failure.IsNotFound()));
    }

    [Fact]
    public void NullException_Throws()
    {
        Assert.Throws<ArgumentNullException>(() => ((RequestFailedException)null!).IsConflict());
        Assert.Throws<ArgumentNullException>(() => ((RequestFailedException)null!).IsPreconditionFailed());
        Assert.Throws<ArgumentNullException>(() => ((RequestFailedException)null!).IsNotFound());
        Assert.Throws<ArgumentNullException>(() => ((RequestFailedException)null!).GetRequestId());
    }

    [Fact]
    public void GetRequestId_TransactionFailureWithoutResponse_ComesFromData()
    {
        var failure = new TableTransactionFailedException(409, "m", StorageErrorCode.EntityAlreadyExists, 3, "req-1");

        Assert.Equal("req-1", failure.GetRequestId());
        Assert.Equal(3, failure.FailedActionIndex);
        Assert.Equal(StorageErrorCode.EntityAlreadyExists, failure.ErrorCode);
        Assert.True(failure.IsConflict());
        Assert.Null(new RequestFailedException(500, "m").GetRequestId());
    }
}
