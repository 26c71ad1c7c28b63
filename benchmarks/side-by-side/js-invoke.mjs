// The JS half of benchmarks/side-by-side/remote-invoke.sh: sequential stateless invokes of a graph on a real LangGraph
// server with the official JS RemoteGraph (@langchain/langgraph/remote, graph.invoke) and, as the baseline, the JS SDK's
// client.runs.wait; clients in turns, each result checked; one JSON line per client with the median, p95 and mean ms.
//
//   node js-invoke.mjs --url URL [--client remote,wait] [--graph echo] [--token alice-token] [--message hi]
//                      [--warmup 20] [--runs 200]
//
// JSON clients: "js-remote" and "js-wait". Both packages are imported from tests/server/node_modules.
import { readFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";

const modules = new URL("../../tests/server/node_modules/", import.meta.url);
const packageJson = (name) => JSON.parse(readFileSync(fileURLToPath(new URL(`${name}/package.json`, modules)), "utf8"));

const options = { client: "remote,wait", graph: "echo", token: "alice-token", message: "hi", warmup: "20", runs: "200" };
const args = process.argv.slice(2);
for (let i = 0; i + 1 < args.length; i += 2) options[args[i].replace(/^--/, "")] = args[i + 1];
if (!options.url) {
  console.error("usage: node js-invoke.mjs --url URL [--client remote,wait] [--graph echo] [--token T] [--message M] [--warmup W] [--runs R]");
  process.exit(2);
}

const langgraph = packageJson("@langchain/langgraph");
const { RemoteGraph } = await import(new URL(langgraph.exports["./remote"].import.default, new URL("@langchain/langgraph/", modules)).href);
const { Client } = await import(new URL("@langchain/langgraph-sdk/dist/index.js", modules).href);
const headers = { Authorization: `Bearer ${options.token}` };
// As a user writes it: the graph builds its own client from the URL and headers.
const graph = new RemoteGraph({ graphId: options.graph, url: options.url, apiKey: null, headers });
const client = new Client({ apiUrl: options.url, apiKey: null, defaultHeaders: headers });
const expected = [options.message, `echo: ${options.message}`];

const calls = {
  remote: () => graph.invoke({ messages: [options.message] }),
  wait: () => client.runs.wait(null, options.graph, { input: { messages: [options.message] } }),
};
const clients = options.client.split(",").map((kind) => {
  if (!calls[kind]) {
    console.error(`unknown client '${kind}' (remote or wait)`);
    process.exit(2);
  }
  return { kind, call: calls[kind], elapsed: [] };
});

const warmup = Number(options.warmup);
const runs = Number(options.runs);
for (let i = 0; i < warmup + runs; i++) {
  for (const c of clients) {
    const start = performance.now();
    const result = await c.call();
    const ms = performance.now() - start;
    const messages = result?.messages;
    if (!Array.isArray(messages) || JSON.stringify(messages) !== JSON.stringify(expected)) {
      throw new Error(`${c.kind}: expected messages ${JSON.stringify(expected)}, got ${JSON.stringify(result)}`);
    }
    if (i >= warmup) c.elapsed.push(ms);
  }
}

// The nearest-rank percentile, as the .NET side computes it.
const percentile = (sorted, p) => sorted[Math.min(Math.max(Math.ceil(p * sorted.length) - 1, 0), sorted.length - 1)];
for (const c of clients) {
  const sorted = [...c.elapsed].sort((a, b) => a - b);
  const round = (n) => Number(n.toFixed(2));
  console.log(JSON.stringify({
    client: `js-${c.kind}`,
    sdkVersion: packageJson("@langchain/langgraph-sdk").version,
    langgraphVersion: langgraph.version,
    graph: options.graph,
    warmup,
    runs: sorted.length,
    medianMs: round(percentile(sorted, 0.5)),
    p95Ms: round(percentile(sorted, 0.95)),
    meanMs: round(sorted.reduce((a, b) => a + b, 0) / sorted.length),
    minMs: round(sorted[0]),
    maxMs: round(sorted[sorted.length - 1]),
    processClients: options.client,
  }));
}
