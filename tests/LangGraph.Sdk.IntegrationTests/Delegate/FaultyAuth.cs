using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using LangGraph.Sdk.Auth;
using LangGraph.Sdk.IntegrationTests.Gateway;

namespace LangGraph.Sdk.IntegrationTests.Delegate;

/// <summary>
/// The test users' authentication (<see cref="TestUsersAuth"/>), plus faults chosen by the <c>x-delegate-fault</c>
/// header: <c>slow</c> waits far longer than the auth file's timeout, <c>teapot</c> throws an
/// <see cref="AuthHttpException"/> with headers.
/// </summary>
public sealed class FaultyAuth
{
    public const string FaultHeader = "x-delegate-fault";

    private int _cancelledSlowCalls;

    /// <summary>Gets how many slow calls saw their cancellation token fire (the auth file gave up and closed the connection).</summary>
    public int CancelledSlowCalls => Volatile.Read(ref _cancelledSlowCalls);

    [Authenticate]
    public async Task<MinimalUserDict> AuthenticateAsync(IReadOnlyDictionary<string, string> headers, CancellationToken cancellationToken)
    {
        switch (headers.GetValueOrDefault(FaultHeader))
        {
            case "slow":
                try
                {
                    await Task.Delay(TimeSpan.FromSeconds(30), cancellationToken);
                }
                catch (OperationCanceledException)
                {
                    Interlocked.Increment(ref _cancelledSlowCalls);
                    throw;
                }

                break;
            case "teapot":
                throw new AuthHttpException(418, "No coffee here", new Dictionary<string, string> { ["Retry-After"] = "120", ["X-Teapot"] = "short and stout" });
        }

        return TestUsersAuth.Authenticate(headers);
    }
}
