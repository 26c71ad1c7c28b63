namespace LangGraph.Sdk.Http;

/// <summary>How <see cref="RetryHandler"/> sends a <see cref="LangGraphRequestMessage"/>.</summary>
internal enum RequestAttempts : byte
{
    /// <summary>Retried as the retry policy allows, and a successful response's body is read whole inside each attempt, so that a body cut mid-read is retried too.</summary>
    RetriedBuffered,

    /// <summary>Retried as the retry policy allows up to the response headers; the body (an event stream, a long poll) is read by the caller, who resumes it.</summary>
    Retried,

    /// <summary>One attempt: a stream resume, whose own loop waits the backoff between attempts.</summary>
    Once,
}
