using LangGraph.Sdk.IntegrationTests.Http;
using LangGraph.Sdk.IntegrationTests.RemoteGraphs;
using LangGraph.Sdk.IntegrationTests.Runs;
using LangGraph.Sdk.IntegrationTests.Store;
using LangGraph.Sdk.IntegrationTests.Threads;
using Xunit.Abstractions;

// The custom-auth scenarios that run against the JS server's own auth (ThreadsCrudTests, StoreTests, …), unchanged,
// through the C# gateway in front of the no-auth server.
namespace LangGraph.Sdk.IntegrationTests.Gateway;

[Collection(GatewayCollection.Name)]
public sealed class GatewayThreadsCrudTests(GatewayFixture gateway) : ThreadsCrudScenarios(gateway);

[Collection(GatewayCollection.Name)]
public sealed class GatewayThreadsSearchTests(GatewayFixture gateway) : ThreadsSearchScenarios(gateway);

[Collection(GatewayCollection.Name)]
public sealed class GatewayThreadsStateTests(GatewayFixture gateway) : ThreadsStateScenarios(gateway);

[Collection(GatewayCollection.Name)]
public sealed class GatewayStoreTests(GatewayFixture gateway) : StoreScenarios(gateway);

[Collection(GatewayCollection.Name)]
public sealed class GatewayAuthHeadersTests(GatewayFixture gateway) : AuthHeadersScenarios(gateway);

[Collection(GatewayCollection.Name)]
public sealed class GatewayRawClientTests(GatewayFixture gateway) : RawClientScenarios(gateway);

[Collection(GatewayCollection.Name)]
public sealed class GatewayRunsLifecycleTests(GatewayFixture gateway) : RunsLifecycleScenarios(gateway);

[Collection(GatewayCollection.Name)]
public sealed class GatewayRunsStreamTests(GatewayFixture gateway, ITestOutputHelper output) : RunsStreamScenarios(gateway, output);

[Collection(GatewayCollection.Name)]
public sealed class GatewayRemoteGraphTests(GatewayFixture gateway, ITestOutputHelper log) : RemoteGraphScenarios(gateway, log);
