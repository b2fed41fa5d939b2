/** The report's words in Dutch and English; the document's lang attribute follows the choice. */
import type { ActionStatus } from "../domain/actionStatus.ts";
import type { ConclusionPart } from "../domain/session.ts";
import type { Perspective } from "../domain/sessionRules.ts";
import type { TargetStatus } from "../domain/report/model.ts";
import type { Frequency, IndicatorKind } from "../domain/din.ts";

export interface ReportTexts {
  title: (municipality: string, edition: number) => string;
  draft: string;
  published: string;
  publicEdition: string;
  internalEdition: string;
  skip: string;
  voorblad: string;
  mission: string;
  dinVersion: (year: number) => string;
  effect: string;
  speerpunten: string;
  otherPrestatie: string;
  back: string;
  kind: Record<IndicatorKind, string>;
  frequency: Record<Frequency, string>;
  status: Record<TargetStatus, { symbol: string; text: string }>;
  hasDuiding: string;
  stelsel: string;
  /** A stelselindicator without an arrow (one value, or a hidden one); the arrow words: src/domain/stelsel.ts. */
  noArrow: string;
  noValue: string;
  latest: string;
  period: string;
  value: string;
  baseline: string;
  target: string;
  source: string;
  lastUpdate: string;
  values: (name: string) => string;
  notes: string;
  correction: (period: string, date: string, previous?: string) => string;
  late: string;
  duiding: string;
  noDuiding: string;
  earlier: (n: number) => string;
  goalDuiding: (goal: string) => string;
  comparison: (name: string) => string;
  municipalityColumn: (municipality: string) => string;
  breakdown: (dimension: string, period: string) => string;
  category: string;
  secondary: string;
  /** Above a breakdown's small multiples. */
  overTime: (dimension: string, from: string, to: string) => string;
  inSamenhang: string;
  doelDuiding: (goal: string) => string;
  indicatorsOfGoal: string;
  part: Record<ConclusionPart, string>;
  adopted: (date: string, role?: string) => string;
  revised: (version: number, date: string) => string;
  perspectives: string;
  perspective: Record<Perspective, string>;
  contributions: (count: string) => string;
  actions: string;
  action: string;
  owner: string;
  due: string;
  actionStatus: Record<ActionStatus, string>;
  footer: (cutoff: string, previous?: { edition: number; date: string }) => string;
}

export const TEXTS: Record<"nl" | "en", ReportTexts> = {
  nl: {
    title: (m, e) => `DIN-rapportage sociaal domein ${e} — ${m}`,
    draft: "Concept: deze editie is nog niet vastgesteld en verandert nog.",
    published: "Gepubliceerde editie",
    publicEdition: "Openbare editie",
    internalEdition: "Interne editie",
    skip: "Naar het voorblad",
    voorblad: "Voorblad",
    mission: "Missie",
    dinVersion: (y) => `Doelenboom: DIN ${y}`,
    effect: "Maatschappelijke effect-indicatoren",
    speerpunten: "Speerpunten en prestatie-indicatoren",
    otherPrestatie: "Overige prestatie-indicatoren",
    back: "Terug naar voorblad",
    kind: { effect: "maatschappelijk effect-indicator", prestatie: "prestatie-indicator" },
    frequency: { jaarlijks: "jaarlijks", kwartaal: "per kwartaal", maand: "per maand", week: "per week" },
    status: {
      "on-track": { symbol: "✓", text: "op koers" },
      "off-track": { symbol: "✗", text: "niet op koers" },
      "no-data": { symbol: "–", text: "geen gegevens" },
      "no-target": { symbol: "○", text: "geen streefwaarde" },
    },
    hasDuiding: "duiding vastgesteld",
    stelsel: "Stelselindicatoren",
    noArrow: "nog geen vergelijking",
    noValue: "geen waarde",
    latest: "laatste waarde",
    period: "Periode",
    value: "Waarde",
    baseline: "Referentiewaarde",
    target: "Streefwaarde",
    source: "Bron",
    lastUpdate: "Laatst bijgewerkt",
    values: (n) => `Waarden: ${n}`,
    notes: "Bij de cijfers",
    correction: (p, d, prev) => `De waarde over ${p} is op ${d} gecorrigeerd${prev ? ` (was ${prev})` : ""}.`,
    late: "Late gegevens",
    duiding: "Duiding",
    noDuiding: "Voor deze editie is geen duiding vastgesteld.",
    earlier: (n) => (n === 1 ? "Eén eerder vastgestelde duiding staat in een vorige editie." : `${n} eerder vastgestelde duidingen staan in vorige edities.`),
    goalDuiding: (g) => `In samenhang geduid bij het doel: ${g}`,
    comparison: (n) => `Vergelijking: ${n}`,
    municipalityColumn: (m) => m,
    breakdown: (d, p) => `Uitsplitsing naar ${d} (${p})`,
    category: "Categorie",
    secondary: "— niet getoond: een klein aantal, of nodig om een klein aantal te beschermen",
    overTime: (d, f, t) => `Per ${d} door de tijd, ${f} t/m ${t}, alle op dezelfde schaal`,
    inSamenhang: "Gelezen in samenhang",
    doelDuiding: (g) => `Duiding bij het doel: ${g}`,
    indicatorsOfGoal: "Indicatoren bij dit doel",
    part: { herkennen: "Herkennen", verklaren: "Verklaren", waarderen: "Waarderen", verbeteren: "Verbeteren", overall: "Conclusie" },
    adopted: (d, r) => `Vastgesteld op ${d}${r ? ` door een vaststeller (${r})` : ""}.`,
    revised: (v, d) => `Herzien: vervangt versie ${v}, vastgesteld op ${d}, uit een vorige editie.`,
    perspectives: "Bijdragen vanuit",
    perspective: { beleid: "beleid", uitvoering: "uitvoering", bedrijfsvoering: "bedrijfsvoering", ervaringsdeskundige: "ervaringsdeskundigen", adviesraad: "adviesraad", overig: "overig" },
    contributions: (c) => `${c} ${c === "1" ? "bijdrage" : "bijdragen"}`,
    actions: "Verbeteracties",
    action: "Actie",
    owner: "Eigenaar",
    due: "Uiterlijk",
    actionStatus: { open: "open", bezig: "bezig", gereed: "gereed", vervallen: "vervallen" },
    footer: (c, p) => `Conclusies vastgesteld tot en met ${c}${p ? `; nieuw sinds editie ${p.edition} (${p.date})` : ""}. Gemaakt met Duidbot.`,
  },
  en: {
    title: (m, e) => `DIN report social domain ${e} — ${m}`,
    draft: "Draft: this edition is not published yet and will still change.",
    published: "Published edition",
    publicEdition: "Public edition",
    internalEdition: "Internal edition",
    skip: "To the cover page",
    voorblad: "Cover page",
    mission: "Mission",
    dinVersion: (y) => `Goal tree: DIN ${y}`,
    effect: "Societal effect indicators",
    speerpunten: "Focus areas and performance indicators",
    otherPrestatie: "Other performance indicators",
    back: "Back to cover page",
    kind: { effect: "societal effect indicator", prestatie: "performance indicator" },
    frequency: { jaarlijks: "yearly", kwartaal: "quarterly", maand: "monthly", week: "weekly" },
    status: {
      "on-track": { symbol: "✓", text: "on track" },
      "off-track": { symbol: "✗", text: "not on track" },
      "no-data": { symbol: "–", text: "no data" },
      "no-target": { symbol: "○", text: "no target" },
    },
    hasDuiding: "interpretation adopted",
    stelsel: "Headline indicators",
    noArrow: "no comparison yet",
    noValue: "no value",
    latest: "latest value",
    period: "Period",
    value: "Value",
    baseline: "Baseline",
    target: "Target",
    source: "Source",
    lastUpdate: "Last updated",
    values: (n) => `Values: ${n}`,
    notes: "About the figures",
    correction: (p, d, prev) => `The value for ${p} was corrected on ${d}${prev ? ` (was ${prev})` : ""}.`,
    late: "Late data",
    duiding: "Interpretation",
    noDuiding: "No interpretation was adopted for this edition.",
    earlier: (n) => (n === 1 ? "One interpretation adopted earlier is in a previous edition." : `${n} interpretations adopted earlier are in previous editions.`),
    goalDuiding: (g) => `Interpreted together at the goal: ${g}`,
    comparison: (n) => `Comparison: ${n}`,
    municipalityColumn: (m) => m,
    breakdown: (d, p) => `Breakdown by ${d} (${p})`,
    category: "Category",
    secondary: "— not shown: a small number, or needed to protect one",
    overTime: (d, f, t) => `Per ${d} over time, ${f} to ${t}, all on the same scale`,
    inSamenhang: "Read together",
    doelDuiding: (g) => `Interpretation of the goal: ${g}`,
    indicatorsOfGoal: "Indicators of this goal",
    part: { herkennen: "Recognise", verklaren: "Explain", waarderen: "Value", verbeteren: "Improve", overall: "Conclusion" },
    adopted: (d, r) => `Adopted on ${d}${r ? ` by an adopter (${r})` : ""}.`,
    revised: (v, d) => `Revised: replaces version ${v}, adopted on ${d}, from a previous edition.`,
    perspectives: "Contributions from",
    perspective: { beleid: "policy", uitvoering: "operations", bedrijfsvoering: "business control", ervaringsdeskundige: "people with lived experience", adviesraad: "advisory council", overig: "other" },
    contributions: (c) => `${c} ${c === "1" ? "contribution" : "contributions"}`,
    actions: "Improvement actions",
    action: "Action",
    owner: "Owner",
    due: "Due",
    actionStatus: { open: "open", bezig: "in progress", gereed: "done", vervallen: "cancelled" },
    footer: (c, p) => `Conclusions adopted up to ${c}${p ? `; new since edition ${p.edition} (${p.date})` : ""}. Made with Duidbot.`,
  },
};
