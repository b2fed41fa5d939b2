/** What every Slack handler gets: the session use cases' dependencies plus Slack look-ups and texts. */
import type { SessionDeps } from "../../../src/app/sessions/index.ts";
import type { Lang } from "../../../src/domain/format.ts";
import type { SlackDirectory } from "../directory.ts";
import type { WorkQueue } from "../../../src/app/workQueue.ts";

export interface SlackHandlerDeps {
  sessions: SessionDeps;
  directory: SlackDirectory;
  /** Use cases run through it, one (or a few) at a time, so acks are never starved (see workQueue.ts). */
  queue: WorkQueue;
  /** Language of the adapter's own texts and of result lines shown to one person. */
  lang: Lang;
  /** DUIDBOT_PUBLIC_URL: the base of the guest links "Gastlink maken" hands out (without it: an explanation). */
  publicUrl?: string;
  /** Wakes the outbox dispatcher after a use case may have enqueued messages (it also polls). */
  kick(): void;
  log(message: string, error?: unknown): void;
}
