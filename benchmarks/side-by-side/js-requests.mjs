// The JS half of the side-by-side request benchmarks: the official JS SDK (@langchain/langgraph-sdk, the version in
// tests/server/package-lock.json) against serve.mjs --thread-json --search-json, printing one JSON line per scenario,
// in the format of `LangGraph.Sdk.SideBySide requests` (client "js").
//
//   node js-requests.mjs --url URL --scenario get|search [--requests 2000] [--warmup 300] [--warmup-seconds 3]
//   node js-requests.mjs --url URL --scenario get --concurrency C [--seconds 3] [--rounds 2] [--warmup-seconds 3]
//
// get: client.threads.get(id), checking the thread id; search: client.threads.search({ limit: 50 }), checking the
// length. Sequential: one call at a time, mean, p50 and p99 microseconds. Concurrent: C callers at once for S seconds
// per round, requests per second over all rounds, p50 and p99. The warm-up is at least W calls and S seconds (at full
// concurrency when concurrent), as on the .NET side, so that V8's optimising compiler has run, as .NET's tier-1 JIT has.
import { readFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";

const modules = new URL("../../tests/server/node_modules/", import.meta.url);
const sdkDir = new URL("@langchain/langgraph-sdk/", modules);
const sdkVersion = JSON.parse(readFileSync(fileURLToPath(new URL("package.json", sdkDir)), "utf8")).version;

const options = { scenario: "get", requests: "2000", warmup: "300", "warmup-seconds": "3", concurrency: "1", seconds: "3", rounds: "2" };
const args = process.argv.slice(2);
for (let i = 0; i + 1 < args.length; i += 2) options[args[i].replace(/^--/, "")] = args[i + 1];
if (!options.url || !["get", "search"].includes(options.scenario)) {
  console.error("usage: node js-requests.mjs --url URL --scenario get|search [--requests N] [--warmup W] [--warmup-seconds S] [--concurrency C] [--seconds S] [--rounds R]");
  process.exit(2);
}

const { Client } = await import(new URL("dist/index.js", sdkDir).href);
const client = new Client({ apiUrl: options.url, apiKey: null });
const threadId = "7f1c9a52-3c4e-4a57-9d0b-000000000001";
const expect = (ok) => {
  if (!ok) throw new Error("The server's answer is not the one expected.");
};
const call = options.scenario === "get"
  ? async () => expect((await client.threads.get(threadId)).thread_id === threadId)
  : async () => expect((await client.threads.search({ limit: 50 })).length === 50);

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
const concurrency = Number(options.concurrency);
const times = [];
let seconds = 0;

async function runFor(ms, keep) {
  const end = performance.now() + ms;
  await Promise.all(Array.from({ length: concurrency }, async () => {
    while (performance.now() < end) {
      const start = performance.now();
      await call();
      if (keep) times.push((performance.now() - start) * 1000);
    }
  }));
}

if (concurrency > 1) {
  await runFor(Number(options["warmup-seconds"]) * 1000, false);
  for (let round = 0; round < Number(options.rounds); round++) {
    const start = performance.now();
    await runFor(Number(options.seconds) * 1000, true);
    seconds += (performance.now() - start) / 1000;
  }
} else {
  const warmupEnd = performance.now() + Number(options["warmup-seconds"]) * 1000;
  for (let i = 0; i < Number(options.warmup) || performance.now() < warmupEnd; i++) await call();
  for (let i = 0; i < Number(options.requests); i++) {
    const start = performance.now();
    await call();
    times.push((performance.now() - start) * 1000);
  }
}

times.sort((a, b) => a - b);
const mean = times.reduce((a, b) => a + b, 0) / times.length;
console.log(JSON.stringify({
  requests: true,
  scenario: options.scenario,
  concurrency,
  client: "js",
  sdkVersion,
  calls: times.length,
  reqPerSec: Math.round(concurrency > 1 ? times.length / seconds : 1e6 / mean),
  meanUs: Number(mean.toFixed(1)),
  p50Us: Number(percentile(times, 50).toFixed(1)),
  p99Us: Number(percentile(times, 99).toFixed(1)),
}));
