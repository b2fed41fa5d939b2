/** Words of sharing a summary with the guest threads (closing the loop, #20), Dutch and English. */
import type { Lang } from "../../../domain/format.ts";

export const SHARE_TEXT = {
  nl: {
    button: "Samenvatting delen",
    title: "Samenvatting voor de gasten",
    submit: "Delen",
    label: "Wat is er geconcludeerd? (in gewone taal)",
    hint: "Gasten zien alleen deze tekst, niet de interne bijdragen of conclusie. Namen van gasten noemt Duidbot niet.",
    empty: "Schrijf een korte samenvatting.",
    formLabel: "Samenvatting voor de gasten (bij vaststellen)",
    formHint: "Gasten zien de interne conclusie niet. Schrijft u hier in gewone taal wat er besloten is, dan krijgen de gastkanalen dit bij het vaststellen; leeg: alleen een bedankje.",
    thanks: (roles: string) => `Met dank aan de bijdragen vanuit: ${roles}.`,
  },
  en: {
    button: "Share summary",
    title: "Summary for the guests",
    submit: "Share",
    label: "What was concluded? (in plain words)",
    hint: "Guests see only this text, not the internal contributions or conclusion. Duidbot never names guests.",
    empty: "Write a short summary.",
    formLabel: "Summary for the guests (on adoption)",
    formHint: "Guests do not see the internal conclusion. What you write here in plain words goes to the guest channels on adoption; empty: a thank-you only.",
    thanks: (roles: string) => `With thanks for the contributions from: ${roles}.`,
  },
} as const satisfies Record<Lang, unknown>;
