/** What every Teams handler gets: the session use cases' dependencies plus the adapter's look-ups. */
import type { SessionDeps } from "../../../src/app/sessions/index.ts";
import type { WorkQueue } from "../../../src/app/workQueue.ts";
import type { Lang } from "../../../src/domain/format.ts";
import type { Connector } from "../connector.ts";
import type { ConversationBook } from "../conversations.ts";
import type { TeamsDirectory } from "../directory.ts";

export interface TeamsHandlerDeps {
  sessions: SessionDeps;
  directory: TeamsDirectory;
  connector: Connector;
  book: ConversationBook;
  /** Use cases run through it, one (or a few) at a time, so answers are never starved (see workQueue.ts). */
  queue: WorkQueue;
  lang: Lang;
  /** DUIDBOT_PUBLIC_URL: the base of the guest links "Gastlink maken" hands out (without it: an explanation). */
  publicUrl?: string;
  /** Wakes the outbox dispatcher after a use case may have enqueued messages (it also polls). */
  kick(): void;
  log(message: string, error?: unknown): void;
}
