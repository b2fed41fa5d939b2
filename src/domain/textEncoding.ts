/**
 * Decoding uploaded files. Excel on Dutch Windows writes "CSV" in Windows-1252 and "Unicode-tekst"
 * in UTF-16 LE with a BOM; other tools write UTF-8 with or without a BOM. Reading those bytes as
 * UTF-8 stores "S�dwest-Frysl�n" or misses every column, so the encoding is detected here:
 * a BOM decides; otherwise UTF-8 when the bytes are valid UTF-8, else Windows-1252.
 * Pure: TextDecoder is part of the language runtime, no I/O.
 */

export type TextEncoding = "utf-8" | "utf-8-bom" | "utf-16le" | "utf-16be" | "windows-1252";

export interface DecodedText {
  /** The text without its byte order mark. */
  text: string;
  encoding: TextEncoding;
}

function decode(label: string, bytes: Uint8Array, fatal = false): string {
  // ignoreBOM false (the default): the decoder drops a leading BOM of its own encoding.
  return new TextDecoder(label, { fatal }).decode(bytes);
}

export function decodeText(bytes: Uint8Array): DecodedText {
  const [a, b, c] = bytes;
  if (a === 0xef && b === 0xbb && c === 0xbf) return { text: decode("utf-8", bytes), encoding: "utf-8-bom" };
  if (a === 0xff && b === 0xfe) return { text: decode("utf-16le", bytes), encoding: "utf-16le" };
  if (a === 0xfe && b === 0xff) return { text: decode("utf-16be", bytes), encoding: "utf-16be" };
  try {
    return { text: decode("utf-8", bytes, true), encoding: "utf-8" };
  } catch {
    // Not valid UTF-8: what Excel's plain "CSV" writes on Windows (€ is 0x80, ü is 0xFC).
    return { text: decode("windows-1252", bytes), encoding: "windows-1252" };
  }
}

const ENCODING_NAMES: Record<TextEncoding, { nl: string; en: string }> = {
  "utf-8": { nl: "UTF-8", en: "UTF-8" },
  "utf-8-bom": { nl: "UTF-8 (met BOM)", en: "UTF-8 (with BOM)" },
  "utf-16le": { nl: "UTF-16 LE (Excel: Unicode-tekst)", en: "UTF-16 LE (Excel: Unicode text)" },
  "utf-16be": { nl: "UTF-16 BE", en: "UTF-16 BE" },
  "windows-1252": {
    nl: "Windows-1252 (Excel: CSV met lijstscheidingsteken); sla bij voorkeur op als CSV UTF-8",
    en: "Windows-1252 (Excel: plain CSV); prefer saving as CSV UTF-8",
  },
};

/** "Tekenset: Windows-1252 …" for anything but UTF-8, so the user sees how the file was read. */
export function encodingNote(encoding: TextEncoding, lang: "nl" | "en"): string | undefined {
  if (encoding === "utf-8" || encoding === "utf-8-bom") return undefined;
  const name = ENCODING_NAMES[encoding][lang];
  return lang === "en" ? `Encoding: read as ${name}.` : `Tekenset: gelezen als ${name}.`;
}

/** The message for a NUL character (U+0000), which no text column can store. */
export const NUL_PROBLEM = {
  nl: 'bevat een NUL-teken (\\0), dat niet opgeslagen kan worden: een onzichtbaar teken. Haal het weg; in een bestand betekent het meestal dat het geen gewone tekst is (sla het in Excel op als "CSV UTF-8")',
  en: 'contains a NUL character (\\0), which cannot be stored: an invisible character. Remove it; in a file it usually means the file is not plain text (save it from Excel as "CSV UTF-8")',
} as const;

/** 1-based numbers of the lines (split at CR, LF or CRLF) that hold a NUL character. */
export function linesWithNul(text: string): number[] {
  if (!text.includes("\0")) return [];
  const out: number[] = [];
  text.split(/\r\n|\r|\n/).forEach((line, i) => {
    if (line.includes("\0")) out.push(i + 1);
  });
  return out;
}
