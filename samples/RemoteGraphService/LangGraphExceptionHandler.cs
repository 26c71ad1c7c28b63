using System;
using System.Threading;
using System.Threading.Tasks;
using LangGraph.Sdk;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;

namespace RemoteGraphService;

/// <summary>
/// Turns the SDK's exceptions into answers for the caller:
/// <list type="bullet">
/// <item>a run that failed on the LangGraph server (<see cref="RemoteGraphException"/>) is a 502 with the graph's error name;</item>
/// <item>401, 403 and 404 from the LangGraph server are the caller's own (a bad token, someone else's thread) and pass through;</item>
/// <item>409 and 422 (the conversation is already running) become 409;</item>
/// <item>any other <see cref="LangGraphException"/> (5xx, unreachable server) is a 502.</item>
/// </list>
/// </summary>
internal sealed partial class LangGraphExceptionHandler(IProblemDetailsService problemDetails, ILogger<LangGraphExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        ProblemDetails? problem = exception switch
        {
            RemoteGraphException run => new ProblemDetails
            {
                Status = StatusCodes.Status502BadGateway,
                Title = "The remote graph failed.",
                Detail = $"Graph '{run.GraphName}' raised {run.ErrorName}.",
                Extensions = { ["errorName"] = run.ErrorName, ["runId"] = run.RunId },
            },
            LangGraphApiException { StatusCode: 401 or 403 or 404 } api => new ProblemDetails
            {
                Status = api.StatusCode,
                Title = api.StatusCode == 404 ? "Not found." : "The LangGraph server refused your credentials.",
                Detail = api.Detail,
            },
            LangGraphApiException { StatusCode: 409 or 422 } api => new ProblemDetails
            {
                Status = StatusCodes.Status409Conflict,
                Title = "The conversation is busy.",
                Detail = api.Detail,
            },
            LangGraphException => new ProblemDetails
            {
                Status = StatusCodes.Status502BadGateway,
                Title = "The LangGraph server could not answer.",
            },
            _ => null,
        };
        if (problem is null)
        {
            return false;
        }

        // The SDK's messages never contain credentials, so they can be logged. A failed run's stack trace is only this
        // service's side of it: its message (graph, run id, error name and message) is what helps.
        if (exception is RemoteGraphException)
        {
            LogRunFailed(logger, exception.Message);
        }
        else if (problem.Status >= 500)
        {
            LogUpstreamFailure(logger, exception.Message, exception);
        }

        httpContext.Response.StatusCode = problem.Status!.Value;
        if (problem.Status == StatusCodes.Status401Unauthorized)
        {
            httpContext.Response.Headers.WWWAuthenticate = "Bearer";
        }

        return await problemDetails.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem, Exception = exception });
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Reason}")]
    private static partial void LogRunFailed(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "LangGraph call failed: {Reason}")]
    private static partial void LogUpstreamFailure(ILogger logger, string reason, Exception exception);
}
