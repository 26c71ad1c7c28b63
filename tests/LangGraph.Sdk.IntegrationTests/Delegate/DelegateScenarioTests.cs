using LangGraph.Sdk.IntegrationTests.Http;
using LangGraph.Sdk.IntegrationTests.RemoteGraphs;
using LangGraph.Sdk.IntegrationTests.Runs;
using LangGraph.Sdk.IntegrationTests.Store;
using LangGraph.Sdk.IntegrationTests.Threads;
using Xunit.Abstractions;

// The custom-auth scenarios that run against the JS server's own auth (ThreadsCrudTests, StoreTests, …), unchanged,
// against the JS server whose auth file (auth-delegate.mjs) hands every call to the C# handlers.
namespace LangGraph.Sdk.IntegrationTests.Delegate;

[Collection(DelegateCollection.Name)]
public sealed class DelegateThreadsCrudTests(DelegateFixture server) : ThreadsCrudScenarios(server);

[Collection(DelegateCollection.Name)]
public sealed class DelegateThreadsSearchTests(DelegateFixture server) : ThreadsSearchScenarios(server);

[Collection(DelegateCollection.Name)]
public sealed class DelegateThreadsStateTests(DelegateFixture server) : ThreadsStateScenarios(server);

[Collection(DelegateCollection.Name)]
public sealed class DelegateStoreTests(DelegateFixture server) : StoreScenarios(server);

[Collection(DelegateCollection.Name)]
public sealed class DelegateAuthHeadersTests(DelegateFixture server) : AuthHeadersScenarios(server);

[Collection(DelegateCollection.Name)]
public sealed class DelegateRawClientTests(DelegateFixture server) : RawClientScenarios(server);

[Collection(DelegateCollection.Name)]
public sealed class DelegateRunsLifecycleTests(DelegateFixture server) : RunsLifecycleScenarios(server);

[Collection(DelegateCollection.Name)]
public sealed class DelegateRunsStreamTests(DelegateFixture server, ITestOutputHelper output) : RunsStreamScenarios(server, output);

[Collection(DelegateCollection.Name)]
public sealed class DelegateRemoteGraphTests(DelegateFixture server, ITestOutputHelper log) : RemoteGraphScenarios(server, log);
