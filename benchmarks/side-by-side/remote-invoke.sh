#!/usr/bin/env bash
# Invoke latency through RemoteGraph against the real LangGraph dev server (langgraphjs dev, from tests/server): N
# sequential stateless invokes of the `echo` graph, as user alice (Authorization: Bearer alice-token), with
#   - .NET RemoteGraph.InvokeAsync and, as the baseline, client.Runs.WaitAsync (in turns in one process), and
#   - JS RemoteGraph.invoke (@langchain/langgraph/remote) and, as the baseline, client.runs.wait (in turns),
# each after a warm-up, each result checked (messages must be exactly [MESSAGE, "echo: MESSAGE"]); prints the median,
# p95 and mean milliseconds per call, then stops the server (its whole process group).
#
#   (cd tests/server && npm ci)        # once
#   benchmarks/side-by-side/remote-invoke.sh         # about 8 minutes per round: the dev server takes ~0.55 s per run
#
# Environment: RUNS (200), WARMUP (20), ROUNDS (1; each round is .NET then JS, the next JS then .NET, ...), MESSAGE (hi),
# LOG_LEVEL (info, as the test fixture), RESULTS (a file to keep the raw JSON lines in).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
fixture="$root/tests/server"
runs="${RUNS:-200}"
warmup="${WARMUP:-20}"
rounds="${ROUNDS:-1}"
message="${MESSAGE:-hi}"

if [[ ! -x "$fixture/node_modules/.bin/langgraphjs" ]]; then
  echo "The LangGraph dev server is missing: run (cd tests/server && npm ci) first." >&2
  exit 1
fi

work="$(mktemp -d)"
pgid=""
cleanup() {
  if [[ -n "$pgid" ]]; then
    kill -TERM -- "-$pgid" 2>/dev/null || true
    for _ in $(seq 1 50); do
      if ! kill -0 -- "-$pgid" 2>/dev/null; then break; fi
      sleep 0.1
    done
    kill -KILL -- "-$pgid" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

echo "== machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), dotnet $(dotnet --version), node $(node --version)"
echo "== building benchmarks/LangGraph.Sdk.SideBySide (Release)"
if ! dotnet build -c Release "$root/benchmarks/LangGraph.Sdk.SideBySide" -nologo >"$work/build.log" 2>&1; then
  cat "$work/build.log" >&2
  exit 1
fi
tool=(dotnet "$root/benchmarks/LangGraph.Sdk.SideBySide/bin/Release/net10.0/LangGraph.Sdk.SideBySide.dll")

# A fresh copy of the fixture (its state starts empty), sharing the installed node_modules, as the C# test fixture does.
server="$work/server"
mkdir -p "$server"
cp "$fixture"/*.json "$fixture"/.gitignore "$server"/
cp -r "$fixture/src" "$server/src"
ln -s "$fixture/node_modules" "$server/node_modules"
port="$(node -e 'const s = require("node:net").createServer().listen(0, "127.0.0.1", () => { console.log(s.address().port); s.close(); });')"
url="http://127.0.0.1:$port"

# setsid puts the server (CLI node -> tsx -> entrypoint node -> esbuild) in a process group of its own, killed at exit.
(
  cd "$server"
  unset LANGGRAPH_API_KEY LANGSMITH_API_KEY LANGCHAIN_API_KEY LANGSMITH_ENDPOINT LANGCHAIN_ENDPOINT
  LANGGRAPH_CLI_NO_ANALYTICS=1 BROWSER=none LANGSMITH_TRACING=false LANGCHAIN_TRACING_V2=false NO_COLOR=1 \
    LOG_LEVEL="${LOG_LEVEL:-info}" exec setsid ./node_modules/.bin/langgraphjs dev --host 127.0.0.1 --port "$port" \
    --no-browser --no-reload --config ./langgraph.json </dev/null >"$work/server.log" 2>&1
) &
server_pid=$!
for _ in $(seq 1 50); do
  pgid="$(ps -o pgid= -p "$server_pid" 2>/dev/null | tr -d ' ')"
  if [[ "$pgid" == "$server_pid" ]]; then break; fi
  sleep 0.1
done
if [[ "$pgid" != "$server_pid" ]]; then
  echo "the server is not in a process group of its own (pid $server_pid, pgid '$pgid')" >&2
  pgid=""
  kill "$server_pid" 2>/dev/null || true
  exit 1
fi

started=$SECONDS
until curl -sf "$url/info" >/dev/null; do
  if ! kill -0 "$server_pid" 2>/dev/null || (( SECONDS - started > 60 )); then
    echo "the server did not start:" >&2
    cat "$work/server.log" >&2
    exit 1
  fi
  sleep 0.1
done
echo "== LangGraph dev server on $url (process group $pgid), up in $((SECONDS - started)) s"

results="$work/results.jsonl"
dotnet_round() {
  echo "== round $1, .NET: RemoteGraph.InvokeAsync and Runs.WaitAsync in turns, $warmup warm-up + $runs measured calls each"
  "${tool[@]}" invoke --url "$url" --client remote,wait --graph echo --token alice-token --message "$message" \
    --warmup "$warmup" --runs "$runs" | sed "s/^{/{\"round\":$1,/" | tee -a "$results"
}
js_round() {
  echo "== round $1, JS: RemoteGraph.invoke and client.runs.wait in turns, $warmup warm-up + $runs measured calls each"
  node "$here/js-invoke.mjs" --url "$url" --client remote,wait --graph echo --token alice-token --message "$message" \
    --warmup "$warmup" --runs "$runs" | sed "s/^{/{\"round\":$1,/" | tee -a "$results"
}
for round in $(seq 1 "$rounds"); do
  echo "== load $(cut -d' ' -f1-3 /proc/loadavg)"
  if (( round % 2 == 1 )); then dotnet_round "$round"; js_round "$round"; else js_round "$round"; dotnet_round "$round"; fi
done
echo "== load $(cut -d' ' -f1-3 /proc/loadavg)"

if [[ -n "${RESULTS:-}" ]]; then cp "$results" "$RESULTS"; fi

node - "$results" <<'JS'
const fs = require("node:fs");
const rows = fs.readFileSync(process.argv[2], "utf8").trim().split("\n").map((line) => JSON.parse(line));
const fmt = (n, d = 2) => Number(n).toLocaleString("en-US", { minimumFractionDigits: d, maximumFractionDigits: d });
const pad = (cells) => "| " + cells.join(" | ") + " |";
const names = {
  remote: "LangGraph.Sdk RemoteGraph.InvokeAsync",
  wait: "LangGraph.Sdk client.Runs.WaitAsync",
  "js-remote": "JS RemoteGraph.invoke",
  "js-wait": "JS SDK client.runs.wait",
};
console.log(`\nStateless invokes of echo, ms per call (${rows[0].runs} measured calls per client and round)\n`);
console.log(pad(["round", "client", "median", "p95", "mean", "min", "max", "vs same side's wait (median)"]));
console.log(pad(["---:", "---", "---:", "---:", "---:", "---:", "---:", "---:"]));
for (const r of rows) {
  const base = rows.find((b) => b.round === r.round && b.client === (r.client.startsWith("js-") ? "js-wait" : "wait"));
  console.log(pad([r.round, names[r.client] ?? r.client, fmt(r.medianMs), fmt(r.p95Ms), fmt(r.meanMs), fmt(r.minMs), fmt(r.maxMs),
    base ? (r.medianMs / base.medianMs).toFixed(2) + "×" : "n/a"]));
}
for (const round of [...new Set(rows.map((r) => r.round))]) {
  const get = (c) => rows.find((r) => r.round === round && r.client === c);
  const [remote, jsRemote] = [get("remote"), get("js-remote")];
  if (remote && jsRemote) {
    console.log(`\nround ${round}: median .NET RemoteGraph ${fmt(remote.medianMs)} ms, JS RemoteGraph ${fmt(jsRemote.medianMs)} ms: ` +
      `.NET/JS ${(remote.medianMs / jsRemote.medianMs).toFixed(3)}, .NET - JS = ${fmt(remote.medianMs - jsRemote.medianMs)} ms per call`);
  }
}
JS
