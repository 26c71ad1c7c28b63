using System;
using System.IO;
using LangGraph.Sdk.Streaming;

namespace LangGraph.Sdk.Http;

/// <summary>
/// The connection was lost while a response body was read, after its headers came: the server received the request.
/// An <see cref="IOException"/>, so that the retry pipeline sends an idempotent request again.
/// </summary>
internal sealed class ResponseBodyLostException : IOException
{
    public ResponseBodyLostException(RunLocation? run, Exception innerException)
        : base(innerException.Message, innerException) =>
        Run = run;

    /// <summary>Gets the run the response's <c>Content-Location</c> named, if any.</summary>
    public RunLocation? Run { get; }
}
