using System.Text.Json;

namespace LangGraph.Sdk.ThreadStreams;

/// <summary>
/// The reply to a protocol command: <c>{"type":"success","id":1,"result":{…},"meta":{"applied_through_seq":9}}</c> or
/// <c>{"type":"error","id":1,"error":"invalid_argument","message":"…"}</c> (<c>id</c> null for an unsolicited error).
/// </summary>
/// <param name="Id">The command id the reply answers; null for an unsolicited error.</param>
/// <param name="IsSuccess">Whether the command succeeded.</param>
/// <param name="Result">The success result (an undefined element for an error).</param>
/// <param name="ErrorCode">The error code of an error reply.</param>
/// <param name="Message">The message of an error reply.</param>
/// <param name="AppliedThroughSeq">The <c>meta.applied_through_seq</c> the server sent, if any: the last event sequence number it had.</param>
internal sealed record ProtocolReply(int? Id, bool IsSuccess, JsonElement Result, string? ErrorCode, string? Message, long? AppliedThroughSeq);
