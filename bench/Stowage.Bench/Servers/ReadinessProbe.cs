using System.Net;

namespace Stowage.Bench.Servers;

/// <summary>Readiness checks for ServerProcess.WaitReadyAsync.</summary>
internal static class ReadinessProbe
{
    private static readonly HttpClient Http = new(new SocketsHttpHandler { UseProxy = false })
    {
        Timeout = TimeSpan.FromSeconds(2),
    };

    /// <summary>Ready when GET <paramref name="url"/> answers <paramref name="status"/>, or any status if null.</summary>
    public static Func<CancellationToken, Task<bool>> Get(Uri url, HttpStatusCode? status = HttpStatusCode.OK) => async ct =>
    {
        try
        {
            using var response = await Http.GetAsync(url, ct);
            return status is null || response.StatusCode == status;
        }
        catch (HttpRequestException)
        {
            return false;
        }
        catch (TaskCanceledException) when (!ct.IsCancellationRequested)
        {
            return false;
        }
    };
}
