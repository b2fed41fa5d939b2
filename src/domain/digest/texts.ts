/** The weekly digest's words, Dutch (default) and English. */
import type { Lang } from "../format.ts";

const nl = {
  title: (date: string) => `Weekoverzicht ${date}`,
  summary: (parts: string[]) => `Weekoverzicht: ${parts.join(", ")}`,
  summaryFigures: (n: number) => (n === 1 ? "1 nieuw cijfer" : `${n} nieuwe cijfers`),
  summarySessions: (n: number) => (n === 1 ? "1 lopende duiding" : `${n} lopende duidingen`),
  summaryQuiet: "niets nieuws",
  stelsel: "Stelselindicatoren",
  figures: "Nieuwe en gecorrigeerde cijfers",
  others: (n: number) => (n === 1 ? "+ 1 andere wijziging zonder grote verschuiving" : `+ ${n} andere wijzigingen zonder grote verschuiving`),
  quietGoals: (changes: number, goals: number) =>
    `+ ${changes === 1 ? "1 kleinere wijziging" : `${changes} kleinere wijzigingen`} bij ${goals === 1 ? "1 ander doel" : `${goals} andere doelen`}`,
  corrected: "gecorrigeerd",
  late: "Cijfers die te laat zijn",
  lateLine: (name: string, period: string, days: number) => `${name}: ${period} verwacht, ${days === 1 ? "1 dag" : `${days} dagen`} te laat`,
  open: "Lopende duidingen",
  openLine: (title: string, question: string, days: number) => `${title} · vraag: ${question} · ${days === 1 ? "1 dag" : `${days} dagen`} open`,
  counts: (parts: string) => `bijdragen ${parts}`,
  noContributions: "nog geen bijdragen",
  waiting: "Wachten op conclusie of vaststelling",
  waitingConclusion: (title: string) => `${title}: conclusie nog te schrijven`,
  waitingAdoption: (title: string) => `${title}: conclusie wacht op vaststelling`,
  adopted: "Deze week vastgesteld",
  actions: "Verbeteracties (binnen twee weken of over tijd)",
  actionLine: (text: string, owner: string, due: string) => `${text} — ${owner}, uiterlijk ${due}`,
  overdue: "over tijd",
  report: "Op weg naar de DIN-rapportage",
  reportLine: (done: number, total: number, year: number) => `${done} van ${total} indicatoren hebben een vastgestelde duiding over hun nieuwste cijfer (rapportage ${year})`,
  more: (n: number) => `… en nog ${n}`,
  howTo: "Reageer in deze draad met het nummer van een onderwerp voorop (bijv. \"2: dit herkennen we\"), of met de knop Reageer: je bijdrage komt in de duiding van dat onderwerp.",
  howToGuest:
    "Wilt u meedoen? Dat kan hier. Schrijf een bericht in deze draad. Zet het nummer van de duiding ervoor, bijvoorbeeld: \"1: Dit herken ik.\" Uw bericht komt dan bij die duiding.",
  react: (n: number) => `Reageer ${n}`,
  reactPrompt: "Reageer op …",
  reactMissing: "Kies eerst een onderwerp.",
};

const en: typeof nl = {
  title: (date: string) => `Weekly digest ${date}`,
  summary: (parts: string[]) => `Weekly digest: ${parts.join(", ")}`,
  summaryFigures: (n: number) => (n === 1 ? "1 new figure" : `${n} new figures`),
  summarySessions: (n: number) => (n === 1 ? "1 open duiding" : `${n} open duidingen`),
  summaryQuiet: "nothing new",
  stelsel: "Headline indicators (stelselindicatoren)",
  figures: "New and corrected figures",
  others: (n: number) => (n === 1 ? "+ 1 other change without a large shift" : `+ ${n} other changes without a large shift`),
  quietGoals: (changes: number, goals: number) =>
    `+ ${changes === 1 ? "1 smaller change" : `${changes} smaller changes`} under ${goals === 1 ? "1 other goal" : `${goals} other goals`}`,
  corrected: "corrected",
  late: "Figures that are late",
  lateLine: (name: string, period: string, days: number) => `${name}: ${period} expected, ${days === 1 ? "1 day" : `${days} days`} late`,
  open: "Open duidingen",
  openLine: (title: string, question: string, days: number) => `${title} · question: ${question} · open ${days === 1 ? "1 day" : `${days} days`}`,
  counts: (parts: string) => `contributions ${parts}`,
  noContributions: "no contributions yet",
  waiting: "Waiting for a conclusion or adoption",
  waitingConclusion: (title: string) => `${title}: conclusion still to be written`,
  waitingAdoption: (title: string) => `${title}: conclusion waiting for adoption`,
  adopted: "Adopted this week",
  actions: "Verbeteracties (due within two weeks or overdue)",
  actionLine: (text: string, owner: string, due: string) => `${text} — ${owner}, due ${due}`,
  overdue: "overdue",
  report: "Toward the DIN report",
  reportLine: (done: number, total: number, year: number) => `${done} of ${total} indicators have an adopted duiding of their newest figure (report ${year})`,
  more: (n: number) => `… and ${n} more`,
  howTo: "Reply in this thread with a topic's number first (e.g. \"2: we recognise this\"), or use the Reageer button: your contribution goes to that topic's duiding.",
  howToGuest: "Want to take part? You can, right here. Write a message in this thread. Put the duiding's number first, for example: \"1: I recognise this.\" Your message then goes to that duiding.",
  react: (n: number) => `Reageer ${n}`,
  reactPrompt: "React to a topic …",
  reactMissing: "Choose a topic first.",
};

export function digestText(lang: Lang): typeof nl {
  return lang === "en" ? en : nl;
}
