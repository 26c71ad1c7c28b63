using System;
using WireMock.Server;

namespace LangGraph.Sdk.Tests.TestSupport;

/// <summary>One WireMock server per test class; each test resets it.</summary>
public sealed class WireMockFixture : IDisposable
{
    public WireMockServer Server { get; } = WireMockServer.Start();

    public void Dispose() => Server.Stop();
}
