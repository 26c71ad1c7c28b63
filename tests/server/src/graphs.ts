/**
 * Test graphs served by the `langgraphjs dev` fixture used by the LangGraph.Sdk C# integration tests.
 *
 * Graph ids (see langgraph.json): echo, slow, failing, interrupt, nested, subgraph_hitl.
 * Keep these graphs small and deterministic: the C# tests assert on their exact output.
 */
import {
  Annotation,
  END,
  START,
  StateGraph,
  interrupt,
  type LangGraphRunnableConfig,
} from "@langchain/langgraph";

/** Append reducer for `messages: string[]`; accepts a single string or a list. */
const appendMessages = (left: string[], right: string | string[]): string[] =>
  left.concat(Array.isArray(right) ? right : [right]);

const messagesChannel = () =>
  Annotation<string[], string | string[]>({
    reducer: appendMessages,
    default: () => [],
  });

// ---------------------------------------------------------------------------
// echo: proves auth injection (config.configurable.langgraph_auth_user[_id]).
// ---------------------------------------------------------------------------

export const EchoState = Annotation.Root({
  messages: messagesChannel(),
  // Last value wins (plain LastValue channel).
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  auth_user: Annotation<any>,
  auth_user_id: Annotation<string | null>,
});

export const echo = new StateGraph(EchoState)
  .addNode("echo", (state: typeof EchoState.State, config: LangGraphRunnableConfig) => {
    const configurable = config.configurable ?? {};
    const last = state.messages.length > 0 ? state.messages[state.messages.length - 1] : "";
    return {
      auth_user: configurable.langgraph_auth_user ?? null,
      auth_user_id: configurable.langgraph_auth_user_id ?? null,
      messages: [`echo: ${last}`],
    };
  })
  .addEdge(START, "echo")
  .addEdge("echo", END)
  .compile();

// ---------------------------------------------------------------------------
// slow: 4 sequential steps, each waiting `configurable.delay_ms` (default 500) ms.
// ---------------------------------------------------------------------------

export const SlowState = Annotation.Root({
  messages: messagesChannel(),
});

/** Sleep that rejects as soon as the run's abort signal fires (cancellation). */
const sleep = (ms: number, signal?: AbortSignal): Promise<void> =>
  new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason ?? new Error("Aborted"));
      return;
    }
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason ?? new Error("Aborted"));
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    signal?.addEventListener("abort", onAbort, { once: true });
  });

const slowStep =
  (n: number) => async (_state: typeof SlowState.State, config: LangGraphRunnableConfig) => {
    const raw = config.configurable?.delay_ms;
    const delay = typeof raw === "number" && Number.isFinite(raw) && raw >= 0 ? raw : 500;
    await sleep(delay, config.signal);
    return { messages: [`step ${n}`] };
  };

export const slow = new StateGraph(SlowState)
  .addNode("step1", slowStep(1))
  .addNode("step2", slowStep(2))
  .addNode("step3", slowStep(3))
  .addNode("step4", slowStep(4))
  .addEdge(START, "step1")
  .addEdge("step1", "step2")
  .addEdge("step2", "step3")
  .addEdge("step3", "step4")
  .addEdge("step4", END)
  .compile();

// ---------------------------------------------------------------------------
// failing: throws CustomError("Boo!").
// ---------------------------------------------------------------------------

export class CustomError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "CustomError";
  }
}

export const FailingState = Annotation.Root({
  messages: messagesChannel(),
});

export const failing = new StateGraph(FailingState)
  .addNode("fail", (_state: typeof FailingState.State): Partial<typeof FailingState.State> => {
    throw new CustomError("Boo!");
  })
  .addEdge(START, "fail")
  .addEdge("fail", END)
  .compile();

// ---------------------------------------------------------------------------
// interrupt: human-in-the-loop; resume with `command: {resume: <value>}`.
// ---------------------------------------------------------------------------

export const InterruptState = Annotation.Root({
  messages: messagesChannel(),
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  answer: Annotation<any>,
});

export const interruptGraph = new StateGraph(InterruptState)
  .addNode("ask", (_state: typeof InterruptState.State) => {
    const answer = interrupt({ question: "approve?" });
    return { answer, messages: [`answer: ${typeof answer === "string" ? answer : JSON.stringify(answer)}`] };
  })
  .addEdge(START, "ask")
  .addEdge("ask", END)
  .compile();

// ---------------------------------------------------------------------------
// nested: a parent graph whose node `inner` is a compiled subgraph, for subgraph
// namespaces (`mode|inner:<task id>` events) and x-ray graph drawings.
// ---------------------------------------------------------------------------

export const NestedState = Annotation.Root({
  messages: messagesChannel(),
});

const innerGraph = new StateGraph(NestedState)
  .addNode("inner_step", (_state: typeof NestedState.State) => ({ messages: ["inner step"] }))
  .addEdge(START, "inner_step")
  .addEdge("inner_step", END)
  .compile();

export const nested = new StateGraph(NestedState)
  .addNode("outer", (_state: typeof NestedState.State) => ({ messages: ["outer step"] }))
  .addNode("inner", innerGraph)
  .addEdge(START, "outer")
  .addEdge("outer", "inner")
  .addEdge("inner", END)
  .compile();

// ---------------------------------------------------------------------------
// subgraph_hitl: human-in-the-loop two levels deep, for subgraph conformance tests.
// parent: `prepare` -> `child` (subgraph: `child_step` -> `grandchild` (subgraph: `ask` interrupts)) -> `finish`.
// `notes` is last-value at every level: each node returns the whole list, so a subgraph's output is not appended twice.
// ---------------------------------------------------------------------------

export const SubgraphHitlState = Annotation.Root({
  topic: Annotation<string>,
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  answer: Annotation<any>,
  notes: Annotation<string[]>,
});
type HitlState = typeof SubgraphHitlState.State;

const grandchildGraph = new StateGraph(SubgraphHitlState)
  .addNode("ask", (state: HitlState) => {
    const answer = interrupt({ question: `approve ${state.topic}?` });
    return { answer, notes: [...(state.notes ?? []), `answered: ${typeof answer === "string" ? answer : JSON.stringify(answer)}`] };
  })
  .addEdge(START, "ask")
  .addEdge("ask", END)
  .compile();

const childGraph = new StateGraph(SubgraphHitlState)
  .addNode("child_step", (state: HitlState) => ({ topic: `${state.topic}!`, notes: [...(state.notes ?? []), "child step"] }))
  .addNode("grandchild", grandchildGraph)
  .addEdge(START, "child_step")
  .addEdge("child_step", "grandchild")
  .addEdge("grandchild", END)
  .compile();

export const subgraphHitl = new StateGraph(SubgraphHitlState)
  .addNode("prepare", (state: HitlState) => ({ topic: state.topic ?? "plan", notes: ["prepared"] }))
  .addNode("child", childGraph)
  .addNode("finish", (state: HitlState) => ({ notes: [...(state.notes ?? []), `done: ${JSON.stringify(state.answer)}`] }))
  .addEdge(START, "prepare")
  .addEdge("prepare", "child")
  .addEdge("child", "finish")
  .addEdge("finish", END)
  .compile();
