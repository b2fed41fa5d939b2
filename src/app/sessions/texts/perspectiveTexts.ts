/** The question a guest gets on their first contribution: from which perspective do they speak? */
import type { Lang } from "../../../domain/format.ts";

export const PERSPECTIVE_TEXT = {
  nl: {
    ask: "Dank voor uw bijdrage. Vanuit welk perspectief spreekt u? Duidbot labelt bijdragen van gasten alleen zo, nooit met een naam. Eén keer kiezen is genoeg (of typ `ik ben ervaringsdeskundige`).",
    button: { ervaringsdeskundige: "Ervaringsdeskundige", adviesraad: "Adviesraad", overig: "Anders" },
  },
  en: {
    ask: "Thank you for your contribution. From which perspective do you speak? Duidbot labels guests' contributions only this way, never by name. Choosing once is enough (or type `ik ben ervaringsdeskundige`).",
    button: { ervaringsdeskundige: "Lived experience", adviesraad: "Advisory council", overig: "Other" },
  },
} as const satisfies Record<Lang, unknown>;
