using Azure;

namespace ContinuityOfCare.Hub.Storage;

/// <summary>
/// <c>GetEntityIfExistsAsync</c> answers a <see cref="NullableResponse{T}"/> whose <c>Value</c> throws when the entity
/// does not exist; the stores want "the row, or null".
/// </summary>
public static class NullableResponseExtensions
{
    /// <summary>The value, or null when the service found nothing.</summary>
    public static T? ValueOrNull<T>(this NullableResponse<T> response) where T : class
    {
        ArgumentNullException.ThrowIfNull(response);
        return response.HasValue ? response.Value : null;
    }
}
