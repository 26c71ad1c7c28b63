// Serves a synthetic thread-stream run (protocol v2, as @langchain/langgraph-api 1.5.1 speaks it) for the ThreadStream
// side-by-side benchmark, as fast as Node can write it, so that the clients are what is measured.
//
//   node serve-thread-stream.mjs [--events 100000] [--per-message 100] [--port 0]
//
// The run: root lifecycle "running", then --events `messages` content-block-delta events in messages of --per-message
// tokens (each message: message-start, content-block-start, the deltas, content-block-finish, message-finish, all in the
// namespace of an "agent" task), then root lifecycle "completed". Every thread id gets the same run, seq 1..N.
//
// Routes (the ones the clients use):
// - POST /threads/{t}/commands: run.start → {"run_id"} (and the thread's events become available); state.get → 404 text
//   before run.start, {} values after; subscription.subscribe/unsubscribe and anything else → success {}.
// - POST /threads/{t}/stream/events {channels, namespaces?, depth?, since?}: 200 text/event-stream at once; after the
//   thread's run.start, the run's events with seq > since whose channel is in channels; never ends by itself (like the
//   real server), so a client stops at the root terminal lifecycle and closes the connection.
// - GET /threads/{t}/stream/events with Upgrade: websocket (the `ws` package from tests/server/node_modules): commands
//   in, replies and events out, one JSON object per text frame; subscription.subscribe is answered at once and its
//   events follow once the run has started. (The real 1.5.1 server parks a subscribe sent before a new thread's first
//   run.start until that run starts; the JS SDK awaits that reply, so against it a subscribe must follow run.start, and
//   a fake run that is over in no time then races the SDK's own subscriptions. Answering at once lets both SDKs
//   subscribe before the run, as over SSE.)
// - GET /stats: how many commands, event-stream POSTs and WebSocket connections each thread id saw, as JSON.
// Prints "listening PORT" and "events TOTAL" when ready.
import { createServer } from "node:http";
import { createRequire } from "node:module";

const require = createRequire(new URL("../../tests/server/package.json", import.meta.url));
const { WebSocketServer } = require("ws");

const options = { events: "100000", "per-message": "100", port: "0" };
const args = process.argv.slice(2);
for (let i = 0; i + 1 < args.length; i += 2) {
  const name = args[i].replace(/^--/, "");
  if (!(name in options)) {
    console.error(`unknown option ${args[i]}; usage: node serve-thread-stream.mjs [--events 100000] [--per-message 100] [--port 0]`);
    process.exit(2);
  }
  options[name] = args[i + 1];
}

const deltas = Number(options.events);
const perMessage = Math.max(1, Number(options["per-message"]));
const runId = "01a233aa-d637-724c-a6e4-ab5c4951eedd";
const agentNs = ["agent:4d281679-1010-5ca8-ae10-9780412410e3"];

// The run, once: each event's channel, its SSE bytes and its WebSocket frame.
const events = [];
function add(method, namespace, data) {
  const seq = events.length + 1;
  const json = JSON.stringify({
    type: "event",
    event_id: String(seq),
    seq,
    method,
    params: { namespace, timestamp: 1796163163340 + seq, data },
  });
  events.push({ channel: method, frame: json, sse: Buffer.from(`event: ${method}\ndata: ${json}\nid: ${seq}\n\n`) });
}

add("lifecycle", [], { event: "running", graph_name: "agent" });
for (let sent = 0, message = 0; sent < deltas; message++) {
  const id = `run-${runId}-${message}`;
  const count = Math.min(perMessage, deltas - sent);
  add("messages", agentNs, { event: "message-start", id, run_id: runId });
  add("messages", agentNs, { event: "content-block-start", index: 0, content: { type: "text", text: "" }, run_id: runId });
  let text = "";
  for (let i = 0; i < count; i++) {
    const token = ` tok${sent + i}`;
    text += token;
    add("messages", agentNs, { event: "content-block-delta", index: 0, delta: { type: "text-delta", text: token }, run_id: runId });
  }
  add("messages", agentNs, { event: "content-block-finish", index: 0, content: { type: "text", text }, run_id: runId });
  add("messages", agentNs, { event: "message-finish", reason: "stop", run_id: runId });
  sent += count;
}
add("lifecycle", [], { event: "completed", graph_name: "agent" });

const allSse = Buffer.concat(events.map((e) => e.sse));
const offsets = [];
for (let i = 0, at = 0; i < events.length; at += events[i].sse.length, i++) offsets.push(at);
const channelsInRun = new Set(events.map((e) => e.channel));

/** The SSE bytes of the events after `since` on `channels`: a slice of one buffer when every channel is wanted. */
function sseBody(channels, since) {
  const from = Math.min(Math.max(0, since), events.length);
  if ([...channelsInRun].every((c) => channels.includes(c))) {
    return allSse.subarray(from < events.length ? offsets[from] : allSse.length);
  }

  return Buffer.concat(events.slice(from).filter((e) => channels.includes(e.channel)).map((e) => e.sse));
}

// Per thread id: whether run.start came, who waits for it, and what the thread saw.
const threads = new Map();
function thread(id) {
  let t = threads.get(id);
  if (!t) {
    t = { started: false, waiters: [], stats: { commands: 0, streamPosts: 0, webSockets: 0 } };
    threads.set(id, t);
  }
  return t;
}

function whenStarted(t) {
  return t.started ? Promise.resolve() : new Promise((resolve) => t.waiters.push(resolve));
}

/** One command's reply (the same JSON over HTTP and WebSocket). */
function answer(threadId, command) {
  const t = thread(threadId);
  t.stats.commands++;
  const meta = { thread_id: threadId, applied_through_seq: t.started ? events.length : 0 };
  switch (command.method) {
    case "run.start":
      t.started = true;
      for (const resolve of t.waiters.splice(0)) resolve();
      return { status: 200, reply: { type: "success", id: command.id, result: { run_id: runId }, meta } };
    case "state.get":
      return t.started
        ? { status: 200, reply: { type: "success", id: command.id, result: { values: {}, checkpoint: { id: runId, ns: "" } }, meta } }
        : { status: 404, text: `Thread with ID ${threadId} not found` };
    default:
      return { status: 200, reply: { type: "success", id: command.id, result: command.method === "subscription.subscribe" ? { subscription_id: `sub-${command.id}`, replayed_events: 0 } : {}, meta } };
  }
}

async function write(res, body, chunkBytes = 64 * 1024) {
  for (let offset = 0; offset < body.length; offset += chunkBytes) {
    if (!res.write(body.subarray(offset, Math.min(offset + chunkBytes, body.length)))) {
      await new Promise((resolve, reject) => {
        res.once("drain", resolve);
        res.once("close", () => reject(new Error("client went away")));
      });
    }
  }
}

function readJson(req) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    req.on("data", (c) => chunks.push(c));
    req.on("end", () => {
      try {
        resolve(JSON.parse(Buffer.concat(chunks).toString("utf8") || "{}"));
      } catch (error) {
        reject(error);
      }
    });
    req.on("error", reject);
  });
}

const route = /^\/threads\/([^/]+)\/(commands|stream\/events)$/;
const server = createServer(async (req, res) => {
  const path = new URL(req.url, "http://localhost").pathname;
  if (req.method === "GET" && path === "/stats") {
    res.writeHead(200, { "content-type": "application/json" });
    res.end(JSON.stringify(Object.fromEntries([...threads].map(([id, t]) => [id, t.stats]))));
    return;
  }

  const match = req.method === "POST" ? route.exec(path) : null;
  if (!match) {
    res.writeHead(404, { "content-type": "application/json" });
    res.end(JSON.stringify({ detail: "Not Found" }));
    return;
  }

  const threadId = decodeURIComponent(match[1]);
  let body;
  try {
    body = await readJson(req);
  } catch {
    res.writeHead(400, { "content-type": "text/plain" });
    res.end("invalid JSON");
    return;
  }

  if (match[2] === "commands") {
    const { status, reply, text } = answer(threadId, body);
    res.writeHead(status, { "content-type": reply ? "application/json" : "text/plain" });
    res.end(reply ? JSON.stringify(reply) : text);
    return;
  }

  const t = thread(threadId);
  t.stats.streamPosts++;
  res.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-cache" });
  res.flushHeaders();
  let open = true;
  res.on("close", () => {
    open = false;
  });
  await whenStarted(t);
  if (open) {
    write(res, sseBody(body.channels ?? [], Number(body.since ?? 0))).catch(() => res.destroy());
  }
});

const sockets = new WebSocketServer({ noServer: true, perMessageDeflate: false });
server.on("upgrade", (req, socket, head) => {
  const match = route.exec(new URL(req.url, "http://localhost").pathname);
  if (!match || match[2] !== "stream/events") {
    socket.end("HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n");
    return;
  }

  const threadId = decodeURIComponent(match[1]);
  sockets.handleUpgrade(req, socket, head, (ws) => {
    const t = thread(threadId);
    t.stats.webSockets++;
    ws.on("message", async (data) => {
      let command;
      try {
        command = JSON.parse(data.toString());
      } catch {
        ws.send(JSON.stringify({ type: "error", id: null, error: "invalid_argument", message: "Protocol commands must be valid JSON." }));
        return;
      }

      if (command.method === "subscription.subscribe") {
        const { reply } = answer(threadId, command);
        ws.send(JSON.stringify(reply));
        await whenStarted(t);
        const channels = command.params?.channels ?? [];
        for (const e of events) {
          if (ws.readyState !== ws.OPEN) return;
          if (channels.includes(e.channel)) {
            ws.send(e.frame);
            if (ws.bufferedAmount > 4 * 1024 * 1024) {
              await new Promise((resolve) => setTimeout(resolve, 1));
            }
          }
        }
        return;
      }

      const { reply, status, text } = answer(threadId, command);
      ws.send(JSON.stringify(reply ?? { type: "error", id: command.id, error: status === 404 ? "not_found" : "unknown_error", message: text }));
    });
  });
});

server.keepAliveTimeout = 60_000;
server.listen(Number(options.port), "127.0.0.1", () => {
  console.log(`listening ${server.address().port}`);
  console.log(`events ${events.length}`);
});

for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => process.exit(0));
}
