/**
 * The chat client of one platform for a one-off send outside `serve` (`duidbot digest --now`): the
 * adapter switched on by its environment variables (src/main/chatAdapters.ts) is loaded and built, but
 * neither mounted on an HTTP server nor started (no inbox replay, no guest checks): only its ChatPort
 * is used. Undefined when that platform is not configured here.
 */
import type { ChatPort } from "../app/chat.ts";
import type { ChartRenderer } from "../app/charts.ts";
import type { Config } from "./config.ts";
import type { Services } from "./services.ts";

export interface ChatClient {
  chat: ChatPort;
  close(): Promise<void>;
}

export async function openChatClient(
  config: Pick<Config, "adapters" | "lang">,
  services: Services,
  platform: string,
  charts: ChartRenderer,
): Promise<ChatClient | undefined> {
  const enabled = config.adapters.find((a) => a.name === platform);
  if (!enabled) return undefined;
  await enabled.load();
  const adapter = enabled.create({
    sessions: services,
    inbox: services.inbox,
    state: services.adapterState,
    charts,
    lang: config.lang,
    workConcurrency: 1,
    kick: () => {},
  });
  try {
    await adapter.ready;
  } catch (error) {
    await adapter.stop();
    throw error;
  }
  return { chat: adapter.chat, close: () => adapter.stop() };
}
