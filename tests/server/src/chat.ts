// Graph `chat`: a MessagesAnnotation agent whose scripted chat model streams token by token. The first turn (any
// non-tool last message) makes one tool call get_weather({city:"Paris"}) with id call_N (N = the number of human messages) in two tool-call chunks; after the tool result it
// streams "It", " is", " sunny", "." (usage_metadata 12/4/16 on the last token). Used by the IChatClient tests.
import { END, MessagesAnnotation, START, StateGraph, type LangGraphRunnableConfig } from "@langchain/langgraph";
import { ToolNode } from "@langchain/langgraph/prebuilt";
import { tool } from "@langchain/core/tools";
import { BaseChatModel } from "@langchain/core/language_models/chat_models";
import { AIMessage, AIMessageChunk, type BaseMessage } from "@langchain/core/messages";
import { ChatGenerationChunk, type ChatResult } from "@langchain/core/outputs";
import { z } from "zod";

/** Streams a scripted list of chunks: text token by token, or tool-call chunks. */
class ScriptedChatModel extends BaseChatModel {
  constructor(private readonly chunks: AIMessageChunk[]) { super({}); }
  _llmType() { return "scripted"; }
  async _generate(): Promise<ChatResult> {
    let merged = this.chunks[0];
    for (const c of this.chunks.slice(1)) merged = merged.concat(c);
    return { generations: [{ message: new AIMessage({ content: merged.content, tool_calls: merged.tool_calls, usage_metadata: merged.usage_metadata }), text: "" }] };
  }
  async *_streamResponseChunks(_m: BaseMessage[], _o: this["ParsedCallOptions"], runManager?: any) {
    for (const c of this.chunks) {
      const cg = new ChatGenerationChunk({ message: c, text: typeof c.content === "string" ? c.content : "" });
      yield cg;
      await runManager?.handleLLMNewToken(cg.text, undefined, undefined, undefined, undefined, { chunk: cg });
    }
  }
}

const getWeather = tool(async ({ city }: { city: string }) => JSON.stringify({ city, forecast: "sunny" }), {
  name: "get_weather",
  description: "Weather for a city",
  schema: z.object({ city: z.string() }),
});

const agent = async (state: typeof MessagesAnnotation.State, config: LangGraphRunnableConfig) => {
  const last = state.messages[state.messages.length - 1] as any;
  const type = last?.getType?.() ?? last?._getType?.();
  // One call id per turn (call_1, call_2, ...): ToolNode skips a call id that already has a tool message.
  const turn = state.messages.filter((m: any) => (m?.getType?.() ?? m?._getType?.()) === "human").length;
  const chunks = type === "tool"
    ? ["It", " is", " sunny", "."].map((t, i, all) => new AIMessageChunk({ content: t, ...(i === all.length - 1 ? { usage_metadata: { input_tokens: 12, output_tokens: 4, total_tokens: 16 } } : {}) }))
    : [
        new AIMessageChunk({ content: "", tool_call_chunks: [{ id: `call_${turn}`, name: "get_weather", args: "{\"city\":", index: 0, type: "tool_call_chunk" }] }),
        new AIMessageChunk({ content: "", tool_call_chunks: [{ args: "\"Paris\"}", index: 0, type: "tool_call_chunk" }] }),
      ];
  const response = await new ScriptedChatModel(chunks).invoke(state.messages, config);
  return { messages: [response] };
};

const route = (state: typeof MessagesAnnotation.State) => {
  const last = state.messages[state.messages.length - 1] as any;
  return last?.tool_calls?.length ? "tools" : END;
};

export const chat = new StateGraph(MessagesAnnotation)
  .addNode("agent", agent)
  .addNode("tools", new ToolNode([getWeather]))
  .addEdge(START, "agent")
  .addConditionalEdges("agent", route, ["tools", END])
  .addEdge("tools", "agent")
  .compile();

