/**
 * A session world with an adopted duiding, for the report tests: the sessionWorld DIN and figures,
 * a doel session opened by the import, contributions from staff and a guest, a conclusion with a
 * verbeteractie adopted on 10 March 2025. Named people are there so tests can prove no name leaks.
 */
import { adoptConclusion, postChanges, recordContribution, submitConclusion } from "../../src/app/sessions/index.ts";
import type { ReportDeps } from "../../src/app/report/ports.ts";
import type { ChartRenderer } from "../../src/app/charts.ts";
import { vegaChartRenderer } from "../../src/charts/index.ts";
import { htmlReportRenderer } from "../../src/report/index.ts";
import { actor, GAST, importFigures, LEERKRING, PEOPLE, type World } from "./sessionWorld.ts";

export const CONCLUSION = {
  "conclusion.herkennen": "We herkennen de stijging uit de praktijk.",
  "conclusion.verklaren": "Meer aanmeldingen na de campagne.",
  "conclusion.waarderen": "Niet goed: we willen minder jeugdhulp.",
  "conclusion.verbeteren": "Eerder inzetten op lichte hulp.",
  "conclusion.overall": "De stijging komt door de campagne; we zetten eerder lichte hulp in.",
  "action.1.text": "Lichte opvoedhulp in elke wijk",
  "action.1.owner": "Team Jeugd",
  "action.1.due": "2025-12-31",
};

export const NAMES = Object.values(PEOPLE).map((p) => p.name);

/** Real charts by default (the browser tests look at them); tests about the text pass tests/support/cheapCharts.ts. */
export function reportDeps(w: World, charts: ChartRenderer = vegaChartRenderer): ReportDeps {
  return { ...w.s, renderer: htmlReportRenderer(charts) };
}

let counter = 0;

/** Import, the doel session, two contributions, a conclusion adopted at 2025-03-10. Returns the session id. */
export async function adoptedDuiding(w: World, clock: { set(iso: string): void }): Promise<number> {
  const imported = await importFigures(w.s);
  const posted = await postChanges(w.s, { key: `import:${imported.importId}`, changes: imported.changes });
  if (posted.status !== "posted") throw new Error(posted.status);
  await w.dispatch();
  const sessionId = posted.sessions[0]!.sessionId;
  const say = (channel: string, user: { key: string; name: string }, text: string) =>
    recordContribution(w.s, { eventId: `R${++counter}`, channel, threadId: w.rootIn(channel), messageId: `rm${counter}`, user: { ...user }, text, at: new Date() });
  await say(LEERKRING, PEOPLE.colleague, "Herkenbaar.");
  await say(GAST, PEOPLE.guest, "Wij horen dit ook van ouders.");
  const session = { sessionId };
  const saved = await submitConclusion(w.s, { actor: actor(PEOPLE.facilitator, LEERKRING), session, values: CONCLUSION });
  if (saved.status !== "saved") throw new Error(saved.status);
  clock.set("2025-03-10T14:00:00Z");
  const adopted = await adoptConclusion(w.s, { actor: actor(PEOPLE.adopter, LEERKRING), session });
  if (adopted.status !== "adopted") throw new Error(adopted.status);
  return sessionId;
}

/** A revised conclusion, adopted at `at`. */
export async function reviseDuiding(w: World, clock: { set(iso: string): void }, sessionId: number, at: string, overall: string): Promise<void> {
  clock.set(at);
  const session = { sessionId };
  await submitConclusion(w.s, { actor: actor(PEOPLE.facilitator, LEERKRING), session, values: { ...CONCLUSION, "conclusion.overall": overall } });
  await adoptConclusion(w.s, { actor: actor(PEOPLE.adopter, LEERKRING), session });
}
