/**
 * The conclusions section of `duidbot indicator <id>`: per period, every session about the indicator
 * with its conclusion (status, who adopted it and when, revisions) and its open verbeteracties.
 */
import { actionStatusLabel, isOpenStatus } from "../domain/actionStatus.ts";
import { listIndicatorConclusions } from "../app/sessions/listIndicatorConclusions.ts";
import type { IndicatorConclusion, SessionStore } from "../app/sessions/ports.ts";
import type { Lang } from "../domain/format.ts";
import { formatDate } from "../domain/format.ts";
import { formatPeriodKey } from "../domain/period.ts";

const TEXT = {
  nl: {
    header: "Conclusies",
    none: "nog geen duidingssessies",
    session: (id: number) => `sessie ${id}`,
    running: "sessie loopt, nog geen conclusie",
    adopted: (who: string, when: string, version: number) => `vastgesteld door ${who} op ${when} (versie ${version})`,
    draft: (version: number) => `concept (versie ${version})`,
    lastAdopted: (who: string, when: string, version: number) => `eerder vastgesteld: versie ${version} door ${who} op ${when}`,
    actions: "Open verbeteracties",
    due: (date: string) => `uiterlijk ${date}`,
  },
  en: {
    header: "Conclusions",
    none: "no interpretation sessions yet",
    session: (id: number) => `session ${id}`,
    running: "session running, no conclusion yet",
    adopted: (who: string, when: string, version: number) => `adopted by ${who} on ${when} (version ${version})`,
    draft: (version: number) => `draft (version ${version})`,
    lastAdopted: (who: string, when: string, version: number) => `adopted earlier: version ${version} by ${who} on ${when}`,
    actions: "Open improvement actions",
    due: (date: string) => `by ${date}`,
  },
} as const;


function entryLines(entry: IndicatorConclusion, lang: Lang): string[] {
  const t = TEXT[lang];
  const lines = [`  ${formatPeriodKey(entry.period, lang)} — ${entry.title} (${t.session(entry.sessionId)})`];
  const conclusion = entry.conclusion;
  if (!conclusion) {
    lines.push(`    ${t.running}`);
  } else {
    const current = conclusion.current;
    if (conclusion.status === "adopted" && current.adoptedBy && current.adoptedAt) {
      lines.push(`    ${t.adopted(current.adoptedBy.name, formatDate(current.adoptedAt, lang), current.version)}`);
    } else {
      lines.push(`    ${t.draft(current.version)}`);
      const last = conclusion.revisions.filter((r) => r.adoptedAt && r.adoptedBy).at(-1);
      if (last?.adoptedBy && last.adoptedAt) lines.push(`    ${t.lastAdopted(last.adoptedBy.name, formatDate(last.adoptedAt, lang), last.version)}`);
    }
    lines.push(...current.texts.overall.split("\n").map((line) => `    ${line}`));
  }
  const open = entry.actions.filter((a) => isOpenStatus(a.status));
  if (open.length > 0) {
    lines.push(`    ${t.actions}:`);
    for (const a of open) lines.push(`      • ${a.id !== undefined ? `#${a.id} ` : ""}${a.text} — ${a.owner}${a.due ? `, ${t.due(a.due)}` : ""} (${actionStatusLabel(a.status, lang)})`);
  }
  return lines;
}

/** Lines for the indicator page; newest sessions first. */
export async function presentIndicatorConclusions(
  deps: { sessions: SessionStore },
  dinSlug: string,
  indicatorId: string,
  lang: Lang,
): Promise<string[]> {
  const entries = await listIndicatorConclusions(deps, { dinSlug, indicatorId });
  const t = TEXT[lang];
  if (entries.length === 0) return [`${t.header}: ${t.none}`];
  return [`${t.header}:`, ...entries.flatMap((e) => entryLines(e, lang))];
}
