/**
 * Every text the bot writes in a duidingssessie, in Dutch (default) and English. Written for policy
 * advisers and ervaringsdeskundigen: short sentences, plain words (B1), "u" towards guests.
 * The four questions keep their published wording (NJI, Movisie, Divosa); each has one line of guidance.
 */
import type { Question } from "./session.ts";
import type { Perspective } from "./sessionRules.ts";
import type { Lang } from "./format.ts";

export interface QuestionText {
  label: string;
  /** The published wording (nl); a faithful translation (en). */
  wording: string;
  guidance: string;
}

const QUESTION_TEXT: Record<Lang, Record<Question, QuestionText>> = {
  nl: {
    herkennen: {
      label: "Herkennen",
      wording: "Herkennen we het beeld dat uit de cijfers naar voren komt?",
      guidance: "Past dit bij wat u in de praktijk ziet? En kloppen de cijfers volgens u?",
    },
    verklaren: {
      label: "Verklaren",
      wording: "Kunnen we het beeld verklaren?",
      guidance: "Wat zit erachter: ons beleid, de samenleving, de registratie of het seizoen?",
    },
    waarderen: {
      label: "Waarderen",
      wording: "Wat vinden we van dit beeld?",
      guidance: "Is dit goed of niet goed, als we kijken naar ons doel en de streefwaarde?",
    },
    verbeteren: {
      label: "Verbeteren",
      wording: "Waar liggen verbetermogelijkheden en -acties?",
      guidance: "Wat gaan we doen? Noem een actie, wie die oppakt en wanneer.",
    },
  },
  en: {
    herkennen: {
      label: "Recognise",
      wording: "Do we recognise the picture the figures show?",
      guidance: "Does this match what you see in practice? Are the figures right, in your view?",
    },
    verklaren: {
      label: "Explain",
      wording: "Can we explain the picture?",
      guidance: "What is behind it: our policy, society, the way it is registered, or the season?",
    },
    waarderen: {
      label: "Value",
      wording: "What do we think of this picture?",
      guidance: "Is this good or not, measured against our goal and the target?",
    },
    verbeteren: {
      label: "Improve",
      wording: "Where are the opportunities and actions for improvement?",
      guidance: "What will we do? Name an action, who takes it on and when.",
    },
  },
};

export function questionText(question: Question, lang: Lang): QuestionText {
  return QUESTION_TEXT[lang][question];
}

const PERSPECTIVE_LABEL: Record<Lang, Record<Perspective, string>> = {
  nl: {
    beleid: "beleid",
    uitvoering: "uitvoering",
    bedrijfsvoering: "bedrijfsvoering",
    ervaringsdeskundige: "ervaringsdeskundige",
    adviesraad: "adviesraad",
    overig: "overig",
  },
  en: {
    beleid: "policy",
    uitvoering: "operations",
    bedrijfsvoering: "business control",
    ervaringsdeskundige: "expert by experience",
    adviesraad: "advisory council",
    overig: "other",
  },
};

export function perspectiveLabel(perspective: Perspective, lang: Lang): string {
  return PERSPECTIVE_LABEL[lang][perspective];
}

/** Texts of the messages, buttons and the conclusion form. */
export const SESSION_TEXT = {
  nl: {
    sessionTitle: (title: string) => `Duiding: ${title}`,
    sessionSummary: (title: string, question: string) => `Duiding ${title}: vraag ${question}`,
    questionOf: (n: number, total: number, label: string) => `Vraag ${n} van ${total} · ${label}`,
    intro: "Reageer in deze draad. Elk bericht telt mee bij de vraag die nu open staat. Begin met #verklaren (of #1 t/m #4) om bij een andere vraag te reageren.",
    guestNotice:
      "Wat u hier schrijft, nemen we mee in de duiding van deze cijfers. Uw naam komt niet in de rapportage, alleen uw rol (bijvoorbeeld ervaringsdeskundige). Gesprekken van medewerkers ziet u hier niet.",
    autoAdvance: (days: number) => `Na ${days} ${days === 1 ? "dag" : "dagen"} gaat de sessie vanzelf naar de volgende vraag.`,
    movedOn: "We gaan door naar de volgende vraag.",
    movedBack: "We gaan terug naar een eerdere vraag.",
    movedAuto: (days: number) => `Deze vraag stond ${days} ${days === 1 ? "dag" : "dagen"} open. We gaan door naar de volgende vraag.`,
    statusOpen: "Open",
    statusClosed: "Afgerond",
    conclusionDraft: "Conclusie: concept",
    conclusionAdopted: (who: string, when: string) => `Conclusie vastgesteld door ${who} op ${when}`,
    conclusionSaved: (version: number) => `De conclusie is opgeslagen als concept (versie ${version}). Iemand met de rol vaststeller kan hem nu vaststellen.`,
    adoptedHeader: "Conclusie vastgesteld",
    adoptedIntro: (who: string, when: string) => `${who} heeft de conclusie op ${when} vastgesteld.`,
    guestAdopted: "De duiding van deze cijfers is afgerond. Dank voor uw bijdrage.",
    summaryHeader: "Samenvatting van het gesprek",
    overall: "Conclusie",
    actionsHeader: "Verbeteracties",
    actionLine: (text: string, owner: string, due: string | undefined) => `${text} — ${owner}${due ? `, uiterlijk ${due}` : ""}`,
    indicators: "Indicatoren",
    period: "Periode",
    question: "Vraag",
    contributions: "Bijdragen",
    noOpenSessions: "Er lopen hier geen duidingssessies.",
    openSessions: "Lopende duidingssessies",
    changeHeader: (goal: string) => `Nieuwe cijfers: ${goal}`,
    changeSummary: (goal: string, n: number) => `Nieuwe cijfers voor ${goal} (${n} ${n === 1 ? "indicator" : "indicatoren"})`,
    changeIntro: "Er zijn nieuwe cijfers. Bespreek ze samen: wat zien we, en wat betekent het?",
    button: { start: "Start duiding", next: "Volgende vraag", conclude: "Conclusie schrijven", adopt: "Vaststellen", contributeOther: "Bijdrage bij andere vraag" },
    form: {
      title: "Conclusie schrijven",
      submit: "Opslaan als concept",
      part: (label: string) => `Conclusie: ${label}`,
      overall: "Conclusie in het kort",
      overallHint: "Wat is het belangrijkste dat we zien en gaan doen? Dit komt in de DIN-rapportage.",
      action: (n: number) => `Verbeteractie ${n}`,
      owner: (n: number) => `Wie pakt actie ${n} op?`,
      due: (n: number) => `Actie ${n} klaar op`,
      draftHint: "Dit is een opzet met de bijdragen. Maak er een korte conclusie van.",
    },
    draft: {
      none: "Nog geen bijdragen.",
      count: (n: number) => `${n} ${n === 1 ? "bijdrage" : "bijdragen"}:`,
      more: (n: number) => `… en nog ${n} ${n === 1 ? "bijdrage" : "bijdragen"}.`,
      guest: (perspective: string) => `${perspective} (gast)`,
    },
  },
  en: {
    sessionTitle: (title: string) => `Interpretation: ${title}`,
    sessionSummary: (title: string, question: string) => `Interpretation ${title}: question ${question}`,
    questionOf: (n: number, total: number, label: string) => `Question ${n} of ${total} · ${label}`,
    intro: "Reply in this thread. Each message counts for the question that is open now. Start with #explain (or #1 to #4) to reply to another question.",
    guestNotice:
      "What you write here is used to interpret these figures. Your name is not in the report, only your role (for example expert by experience). You do not see staff discussions here.",
    autoAdvance: (days: number) => `After ${days} ${days === 1 ? "day" : "days"} the session moves to the next question by itself.`,
    movedOn: "We move on to the next question.",
    movedBack: "We go back to an earlier question.",
    movedAuto: (days: number) => `This question was open for ${days} ${days === 1 ? "day" : "days"}. We move on to the next question.`,
    statusOpen: "Open",
    statusClosed: "Finished",
    conclusionDraft: "Conclusion: draft",
    conclusionAdopted: (who: string, when: string) => `Conclusion adopted by ${who} on ${when}`,
    conclusionSaved: (version: number) => `The conclusion was saved as a draft (version ${version}). Someone with the adopter role can now adopt it.`,
    adoptedHeader: "Conclusion adopted",
    adoptedIntro: (who: string, when: string) => `${who} adopted the conclusion on ${when}.`,
    guestAdopted: "The interpretation of these figures is finished. Thank you for your contribution.",
    summaryHeader: "Summary of the discussion",
    overall: "Conclusion",
    actionsHeader: "Improvement actions",
    actionLine: (text: string, owner: string, due: string | undefined) => `${text} — ${owner}${due ? `, by ${due}` : ""}`,
    indicators: "Indicators",
    period: "Period",
    question: "Question",
    contributions: "Contributions",
    noOpenSessions: "No interpretation sessions are running here.",
    openSessions: "Running interpretation sessions",
    changeHeader: (goal: string) => `New figures: ${goal}`,
    changeSummary: (goal: string, n: number) => `New figures for ${goal} (${n} ${n === 1 ? "indicator" : "indicators"})`,
    changeIntro: "There are new figures. Discuss them together: what do we see, and what does it mean?",
    button: { start: "Start interpretation", next: "Next question", conclude: "Write conclusion", adopt: "Adopt", contributeOther: "Contribute to another question" },
    form: {
      title: "Write conclusion",
      submit: "Save as draft",
      part: (label: string) => `Conclusion: ${label}`,
      overall: "Conclusion in short",
      overallHint: "What is the main thing we see and will do? This goes into the DIN report.",
      action: (n: number) => `Improvement action ${n}`,
      owner: (n: number) => `Who takes on action ${n}?`,
      due: (n: number) => `Action ${n} done by`,
      draftHint: "This is a start with the contributions. Turn it into a short conclusion.",
    },
    draft: {
      none: "No contributions yet.",
      count: (n: number) => `${n} ${n === 1 ? "contribution" : "contributions"}:`,
      more: (n: number) => `… and ${n} more ${n === 1 ? "contribution" : "contributions"}.`,
      guest: (perspective: string) => `${perspective} (guest)`,
    },
  },
} as const;

export type SessionTexts = (typeof SESSION_TEXT)[Lang];

export function sessionText(lang: Lang): SessionTexts {
  return SESSION_TEXT[lang];
}

/**
 * One line per use-case outcome, keyed "status" or "status:reason|code|action". resultText (app)
 * picks the most specific key and fills in "{question}" (the label of the result's question).
 * Refusals say what to do instead, where there is something to do.
 */
export const RESULT_TEXT: Record<Lang, Record<string, string>> = {
  nl: {
    recorded: "Uw bijdrage is genoteerd.",
    updated: "De bijdrage is bijgewerkt.",
    withdrawn: "De bijdrage is ingetrokken.",
    reassigned: "De bijdrage hoort nu bij een andere vraag.",
    ignored: "Dit bericht telt niet mee in een duidingssessie.",
    "ignored:duplicate": "Dit bericht is al verwerkt.",
    started: "De duidingssessie is gestart.",
    "already-open": "Over deze cijfers loopt al een duidingssessie.",
    "unknown-subject": "Die indicator of dat doel kennen we niet. Controleer de naam in de DIN.",
    "no-figures": "Hiervoor zijn nog geen cijfers. Een sessie kan pas starten als er cijfers zijn.",
    moved: "De sessie is naar een andere vraag gegaan.",
    "already-moved": "De sessie is al verder: nu bij {question}.",
    "refused:at-last-question": "Dit is al de laatste vraag. Schrijf nu de conclusie.",
    "refused:at-first-question": "Dit is al de eerste vraag.",
    "refused:closed": "Deze sessie is afgerond.",
    "refused:no-conclusion": "Er is nog geen conclusie. Schrijf eerst een conclusie.",
    "refused:already-adopted": "Deze conclusie is al vastgesteld.",
    "refused:no-guest-threads": "Deze sessie loopt niet in een gastkanaal.",
    "refused:empty": "De tekst is leeg.",
    saved: "De conclusie is opgeslagen als concept.",
    adopted: "De conclusie is vastgesteld.",
    shared: "De samenvatting is gedeeld met de gastkanalen.",
    linked: "Het kanaal is gekoppeld.",
    invalid: "Niet alles is goed ingevuld.",
    duplicate: "Dit is al verwerkt.",
    "not-found": "Deze duidingssessie bestaat niet (meer).",
    "unknown-form": "Dit formulier kennen we niet (meer); er is niets opgeslagen. Open het opnieuw vanuit de draad.",
    "channel-not-linked": "Dit kanaal is nog niet gekoppeld aan Duidbot. Vraag een beheerder om het te koppelen.",
    "forbidden:guest-channel": "In een gastkanaal kunt u alleen reageren. Een medewerker van de gemeente leidt de sessie.",
    "forbidden:move": "Alleen de gespreksleider kan naar een andere vraag gaan.",
    "forbidden:conclude": "Alleen de gespreksleider kan de conclusie schrijven.",
    "forbidden:adopt": "Alleen iemand met de rol vaststeller kan de conclusie vaststellen.",
    "forbidden:share": "Alleen de gespreksleider kan een samenvatting delen.",
    "forbidden:configure": "Alleen een beheerder kan dit instellen.",
    "forbidden:contribute": "Alleen de schrijver kan een bijdrage bij een andere vraag zetten.",
    forbidden: "Dat mag u hier niet doen.",
  },
  en: {
    recorded: "Your contribution has been noted.",
    updated: "The contribution has been updated.",
    withdrawn: "The contribution has been withdrawn.",
    reassigned: "The contribution now belongs to another question.",
    ignored: "This message does not count in an interpretation session.",
    "ignored:duplicate": "This message was processed already.",
    started: "The interpretation session has started.",
    "already-open": "An interpretation session about these figures is running already.",
    "unknown-subject": "We do not know that indicator or goal. Check the name in the DIN.",
    "no-figures": "There are no figures for this yet. A session can only start when there are figures.",
    moved: "The session moved to another question.",
    "already-moved": "The session has already moved on: now at {question}.",
    "refused:at-last-question": "This is the last question already. Write the conclusion now.",
    "refused:at-first-question": "This is the first question already.",
    "refused:closed": "This session is finished.",
    "refused:no-conclusion": "There is no conclusion yet. Write a conclusion first.",
    "refused:already-adopted": "This conclusion has been adopted already.",
    "refused:no-guest-threads": "This session does not run in a guest channel.",
    "refused:empty": "The text is empty.",
    saved: "The conclusion was saved as a draft.",
    adopted: "The conclusion has been adopted.",
    shared: "The summary was shared with the guest channels.",
    linked: "The channel has been linked.",
    invalid: "Not everything was filled in correctly.",
    duplicate: "This was processed already.",
    "not-found": "This interpretation session does not exist (any more).",
    "unknown-form": "We do not know this form (any more); nothing was saved. Open it again from the thread.",
    "channel-not-linked": "This channel is not linked to Duidbot yet. Ask an admin to link it.",
    "forbidden:guest-channel": "In a guest channel you can only reply. A member of staff leads the session.",
    "forbidden:move": "Only the facilitator can move to another question.",
    "forbidden:conclude": "Only the facilitator can write the conclusion.",
    "forbidden:adopt": "Only someone with the adopter role can adopt the conclusion.",
    "forbidden:share": "Only the facilitator can share a summary.",
    "forbidden:configure": "Only an admin can set this up.",
    "forbidden:contribute": "Only the author can move a contribution to another question.",
    forbidden: "You cannot do that here.",
  },
};
