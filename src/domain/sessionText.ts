/**
 * The four questions in their published wording (NJI, Movisie, Divosa), each with one line of guidance,
 * and the perspectives, in Dutch (default) and English. The bot's other words are in src/app/sessions/texts/.
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
