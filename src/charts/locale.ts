/**
 * Vega number and time locales for chart labels. They go into the spec's `config.locale`
 * (not vega's global formatDefaultLocale) so concurrent nl and en charts never interfere.
 * The minus is ASCII "-", like src/domain/format.ts, so chart labels match message texts.
 */
import type { Config } from "vega-lite";

type Locale = NonNullable<Config["locale"]>;

const NL: Locale = {
  number: { decimal: ",", thousands: ".", grouping: [3], currency: ["€\u00a0", ""], minus: "-" },
  time: {
    dateTime: "%a %e %B %Y %X",
    date: "%d-%m-%Y",
    time: "%H:%M:%S",
    periods: ["AM", "PM"],
    days: ["zondag", "maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag"],
    shortDays: ["zo", "ma", "di", "wo", "do", "vr", "za"],
    months: ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december"],
    shortMonths: ["jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec"],
  },
};

const EN: Locale = {
  number: { decimal: ".", thousands: ",", grouping: [3], currency: ["€", ""], minus: "-" },
  time: {
    dateTime: "%a %e %B %Y %X",
    date: "%d/%m/%Y",
    time: "%H:%M:%S",
    periods: ["AM", "PM"],
    days: ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"],
    shortDays: ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"],
    months: ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"],
    shortMonths: ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"],
  },
};

export function chartLocale(lang: "nl" | "en"): Locale {
  return lang === "nl" ? NL : EN;
}
