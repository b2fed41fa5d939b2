/** `duidbot acties [--open] [--eigenaar <naam>]`: the verbeteracties with status, owner, due date and subject. */
import { actionListLines, listActions } from "../app/sessions/index.ts";
import type { SessionDeps } from "../app/sessions/index.ts";
import type { Lang } from "../domain/format.ts";

export const ACTIES_USAGE = `  acties [--open] [--eigenaar <naam>]  verbeteracties met status / improvement actions
                                     (--open: open en bezig; --eigenaar: deel van de naam)`;

export async function presentActions(
  deps: Pick<SessionDeps, "sessions" | "clock">,
  options: { openOnly: boolean; owner?: string; dinSlug?: string; lang: Lang },
): Promise<string> {
  const actions = await listActions(deps, {
    openOnly: options.openOnly,
    ...(options.owner !== undefined ? { owner: options.owner } : {}),
    ...(options.dinSlug !== undefined ? { dinSlug: options.dinSlug } : {}),
  });
  return actionListLines(actions, options.lang, { openOnly: options.openOnly }).join("\n");
}
