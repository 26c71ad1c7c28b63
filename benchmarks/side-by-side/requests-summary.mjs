// Prints the request benchmarks of run.sh as a table, with the ratios to the bare loop and the JS SDK, and the goals of
// issue 14: sequential threads.get and threads.search(limit 50) at most 1.15× the bare loop's time and 1.5× its
// allocation; threads.get at 32 and 256 callers at least 0.9× its requests per second.
//
//   node requests-summary.mjs RESULTS.jsonl
import { readFileSync } from "node:fs";

const rows = readFileSync(process.argv[2], "utf8").trim().split("\n").map((line) => JSON.parse(line)).filter((r) => r.requests);
const fmt = (n, d = 0) => Number(n).toLocaleString("en-US", { minimumFractionDigits: d, maximumFractionDigits: d });
const pad = (cells) => "| " + cells.join(" | ") + " |";
const names = { js: "JS SDK", sdk: "LangGraph.Sdk", bare: "bare HttpClient + JsonDocument", "bare-kept": "bare, JSON kept (Clone)" };

console.log("\nRequests: one synthetic server (one thread of about 600 B; a search answers 50 threads)\n");
console.log(pad(["call", "client", "req/s", "mean µs", "p50 µs", "p99 µs", "alloc B/call", "vs bare", "alloc vs bare", "vs JS SDK"]));
console.log(pad(["---", "---", "---:", "---:", "---:", "---:", "---:", "---:", "---:", "---:"]));
const goals = [];
for (const [scenario, concurrency] of [["get", 1], ["search", 1], ["get", 32], ["get", 256]]) {
  const group = rows.filter((r) => r.scenario === scenario && r.concurrency === concurrency);
  const bare = group.find((r) => r.client === "bare");
  const js = group.find((r) => r.client === "js");
  const sdk = group.find((r) => r.client === "sdk");
  if (!bare || !sdk) continue;
  const call = `threads.${scenario}${scenario === "search" ? "(limit 50)" : ""}, ${concurrency === 1 ? "sequential" : `${concurrency} concurrent`}`;
  for (const r of ["js", "sdk", "bare", "bare-kept"].map((c) => group.find((x) => x.client === c)).filter(Boolean)) {
    // Sequential: time per call against the bare loop's (lower is better); concurrent: requests per second (higher is better).
    const versus = concurrency === 1 ? `${(r.meanUs / bare.meanUs).toFixed(2)}× time` : `${(r.reqPerSec / bare.reqPerSec).toFixed(2)}× req/s`;
    console.log(pad([
      call,
      r.client === "js" ? `${names.js} ${r.sdkVersion}` : names[r.client],
      fmt(r.reqPerSec),
      fmt(r.meanUs, 1),
      fmt(r.p50Us, 1),
      fmt(r.p99Us, 1),
      r.allocBytesPerCall === undefined ? "n/a" : fmt(r.allocBytesPerCall),
      versus,
      r.allocBytesPerCall === undefined || bare.allocBytesPerCall === undefined ? "n/a" : `${(r.allocBytesPerCall / bare.allocBytesPerCall).toFixed(2)}×`,
      js ? `${(r.reqPerSec / js.reqPerSec).toFixed(1)}×` : "n/a",
    ]));
  }

  if (concurrency === 1) {
    const kept = group.find((r) => r.client === "bare-kept");
    // Judged on the mean; the median (p50) is shown too, as it moves less when other work shares the machine.
    goals.push([`${call}: time <= 1.15× the bare loop`, sdk.meanUs / bare.meanUs <= 1.15,
      `${(sdk.meanUs / bare.meanUs).toFixed(2)}× mean, ${(sdk.p50Us / bare.p50Us).toFixed(2)}× p50` +
      (kept ? ` (${(sdk.meanUs / kept.meanUs).toFixed(2)}× mean, ${(sdk.p50Us / kept.p50Us).toFixed(2)}× p50 of the bare loop keeping its JSON)` : "")]);
    goals.push([`${call}: allocation <= 1.5× the bare loop`, sdk.allocBytesPerCall / bare.allocBytesPerCall <= 1.5,
      `${(sdk.allocBytesPerCall / bare.allocBytesPerCall).toFixed(2)}× (${fmt(sdk.allocBytesPerCall)} against ${fmt(bare.allocBytesPerCall)} B` +
      (kept ? `; ${(sdk.allocBytesPerCall / kept.allocBytesPerCall).toFixed(2)}× the bare loop keeping its JSON, ${fmt(kept.allocBytesPerCall)} B)` : ")")]);
  } else {
    goals.push([`${call}: throughput >= 0.9× the bare loop`, sdk.reqPerSec / bare.reqPerSec >= 0.9,
      `${(sdk.reqPerSec / bare.reqPerSec).toFixed(2)}× (SDK p50 ${fmt(sdk.p50Us / 1000, 2)} ms, p99 ${fmt(sdk.p99Us / 1000, 2)} ms; bare p50 ${fmt(bare.p50Us / 1000, 2)} ms, p99 ${fmt(bare.p99Us / 1000, 2)} ms)`]);
  }
}

console.log("\nRequest goals (issue 14)\n");
for (const [goal, ok, value] of goals) console.log(`${ok ? "PASS" : "FAIL"}  ${goal}: ${value}`);
