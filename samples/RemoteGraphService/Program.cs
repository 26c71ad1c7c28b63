// An ASP.NET Core service that calls a deployed LangGraph graph through RemoteGraph, as each of its callers.
//
//   dotnet run --project samples/RemoteGraphService                  serves POST /chat and GET /chat/{threadId};
//                                                                    needs LangGraph:ApiUrl or LANGGRAPH_API_URL
//   dotnet run --project samples/RemoteGraphService -- --self-test   starts the service on a free port and calls it as
//                                                                    alice and as bob; without LANGGRAPH_API_URL it first
//                                                                    starts the bundled LangGraph dev server (tests/server)
using System;
using System.Linq;
using Microsoft.AspNetCore.Builder;
using RemoteGraphService;

if (args.Contains("--self-test", StringComparer.Ordinal))
{
    return await SelfTest.RunAsync();
}

WebApplication app;
try
{
    app = ChatApp.Build(args);
}
catch (InvalidOperationException ex)
{
    Console.Error.WriteLine(ex.Message);
    return 2;
}

await app.RunAsync();
return 0;
