using System;
using System.Diagnostics;
using System.IO;
using System.Text.Json;
using System.Threading.Tasks;
using FluentAssertions;

namespace LangGraph.Sdk.IntegrationTests.Delegate;

/// <summary>
/// The shipped <c>auth_delegate.py</c> against the real delegate endpoint, run by <c>python3</c>. No Python LangGraph
/// server is available here (and no PyPI), so the test puts a tiny stand-in for <c>langgraph_sdk.Auth</c> (the
/// decorators and <c>HTTPException</c>, nothing else) on PYTHONPATH and calls the registered handlers the way the server
/// does. This tests the file's HTTP exchange, its in-place changes and its failures, not a Python server's use of them.
/// </summary>
[Collection(DelegateCollection.Name)]
public sealed class PythonAuthFileTests(DelegateFixture server)
{
    private const string StandIn = """
        # A stand-in for langgraph_sdk.Auth, for this test only: what auth_delegate.py uses, nothing more.
        import types as _types

        class HTTPException(Exception):
            def __init__(self, status_code=401, detail=None, headers=None):
                super().__init__(f"{status_code}: {detail}")
                self.status_code = status_code
                self.detail = detail
                self.headers = headers

        exceptions = _types.SimpleNamespace(HTTPException=HTTPException)
        types = _types.SimpleNamespace(MinimalUserDict=dict, AuthContext=object)

        class _On:
            def __init__(self, auth):
                self._auth = auth
            def __call__(self, fn):
                self._auth.global_handler = fn
                return fn

        class Auth:
            exceptions = exceptions
            types = types
            def __init__(self):
                self.authenticate_handler = None
                self.global_handler = None
                self.on = _On(self)
            def authenticate(self, fn):
                self.authenticate_handler = fn
                return fn
        """;

    private const string Driver = """
        import asyncio, importlib, json, os, sys, uuid
        import auth_delegate
        from langgraph_sdk import Auth

        class User:  # like the server's user object: attributes plus item access
            def __init__(self, data): self._data = data
            identity = property(lambda self: self._data["identity"])
            def __getitem__(self, key): return self._data[key]
            def __iter__(self): return iter(self._data)

        class Ctx:
            def __init__(self, user, resource, action):
                self.user, self.resource, self.action, self.permissions = user, resource, action, user["permissions"]

        async def denial(call):
            try:
                await call
                return None
            except Auth.exceptions.HTTPException as e:
                return {"status": e.status_code, "detail": e.detail, "headers": e.headers}

        async def main():
            auth = auth_delegate.auth
            out = {}
            user = await auth.authenticate_handler(method="GET", path="/threads/search", headers={b"authorization": b"Bearer alice-token"}, query_params={"limit": "3"})
            out["user"] = user
            out["bad_token"] = await denial(auth.authenticate_handler(method="GET", path="/threads", headers={b"authorization": b"Bearer nope"}, query_params={}))
            metadata = {"topic": "billing"}
            value = {"thread_id": uuid.UUID("0199a3c2-7b1e-7d2a-9c4f-1a2b3c4d5e6f"), "metadata": metadata, "if_exists": "raise"}
            out["create_filter"] = await auth.global_handler(ctx=Ctx(User(user), "threads", "create"), value=value)
            out["create_metadata_same_object"] = value["metadata"] is metadata
            out["create_metadata"] = metadata
            out["create_thread_id_untouched"] = isinstance(value["thread_id"], uuid.UUID)
            out["store_denied"] = await denial(auth.global_handler(ctx=Ctx(User(user), "store", "put"), value={"namespace": ("bob", "notes"), "key": "k", "value": {}}))
            out["store_own"] = await auth.global_handler(ctx=Ctx(User(user), "store", "get"), value={"namespace": ("alice", "notes"), "key": "k"})
            for _ in range(5):
                await auth.global_handler(ctx=Ctx(User(user), "threads", "read"), value={"thread_id": "x"})
            out["idle_connections"] = len(auth_delegate._idle)
            os.environ["LANGGRAPH_AUTH_DELEGATE_SECRET"] = "another-secret-entirely-0000"
            wrong = importlib.reload(auth_delegate)
            out["wrong_secret"] = await denial(wrong.auth.authenticate_handler(method="GET", path="/threads", headers={}, query_params={}))
            os.environ["LANGGRAPH_AUTH_DELEGATE_URL"] = os.environ["DOWN_URL"]
            down = importlib.reload(auth_delegate)
            out["down"] = await denial(down.auth.authenticate_handler(method="GET", path="/threads", headers={}, query_params={}))
            print(json.dumps(out, separators=(",", ":")))

        asyncio.run(main())
        """;

    [Fact]
    public async Task Auth_delegate_py_exchanges_with_the_endpoint_applies_changes_in_place_and_fails_closed()
    {
        var work = Directory.CreateTempSubdirectory("auth-delegate-py-");
        try
        {
            Directory.CreateDirectory(Path.Combine(work.FullName, "langgraph_sdk"));
            await File.WriteAllTextAsync(Path.Combine(work.FullName, "langgraph_sdk", "__init__.py"), StandIn);
            File.Copy(DelegateHost.AuthFilePath("auth_delegate.py"), Path.Combine(work.FullName, "auth_delegate.py"));
            await File.WriteAllTextAsync(Path.Combine(work.FullName, "driver.py"), Driver);

            var start = new ProcessStartInfo("python3", "driver.py")
            {
                WorkingDirectory = work.FullName,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            start.Environment["PYTHONPATH"] = work.FullName;
            start.Environment["LANGGRAPH_AUTH_DELEGATE_URL"] = server.Endpoint.ToString();
            start.Environment["LANGGRAPH_AUTH_DELEGATE_SECRET"] = server.Secret;
            start.Environment["LANGGRAPH_AUTH_DELEGATE_TIMEOUT_MS"] = "10000";
            start.Environment["DOWN_URL"] = $"http://127.0.0.1:{DelegateHost.ClosedPort()}/langgraph-auth";
            using var process = Process.Start(start)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
            process.ExitCode.Should().Be(0, await stderr);

            using var result = JsonDocument.Parse(await stdout);
            var root = result.RootElement;
            root.GetProperty("user").GetProperty("identity").GetString().Should().Be("alice");
            root.GetProperty("user").GetProperty("display_name").GetString().Should().Be("Alice");
            root.GetProperty("user").GetProperty("github_token").GetString().Should().Be("gh-alice");
            root.GetProperty("bad_token").GetProperty("status").GetInt32().Should().Be(401);
            root.GetProperty("bad_token").GetProperty("detail").GetString().Should().Be("Invalid token");
            root.GetProperty("bad_token").GetProperty("headers").GetProperty("WWW-Authenticate").GetString().Should().Be("Bearer");
            root.GetProperty("create_filter").GetRawText().Should().Be("""{"owner":"alice"}""");
            root.GetProperty("create_metadata_same_object").GetBoolean().Should().BeTrue("the stamp is applied in place");
            root.GetProperty("create_metadata").GetRawText().Should().Be("""{"topic":"billing","owner":"alice"}""");
            root.GetProperty("create_thread_id_untouched").GetBoolean().Should().BeTrue("unchanged fields are left as the server gave them");
            root.GetProperty("store_denied").GetProperty("status").GetInt32().Should().Be(403);
            root.GetProperty("store_denied").GetProperty("detail").GetString().Should().Be("Not authorized");
            root.GetProperty("store_own").ValueKind.Should().Be(JsonValueKind.Null);
            root.GetProperty("idle_connections").GetInt32().Should().Be(1, "sequential calls reuse one kept-alive connection");
            root.GetProperty("wrong_secret").GetProperty("status").GetInt32().Should().Be(503);
            root.GetProperty("wrong_secret").GetProperty("detail").GetString().Should().Be("Auth delegate unavailable");
            root.GetProperty("down").GetProperty("status").GetInt32().Should().Be(503);
            (await stderr).Should().NotContain(server.Secret, "the secret is never logged");
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }
}
