/**
 * Proves the helper that keeps text the database refuses out of it: NUL goes, lone surrogates become
 * U+FFFD, clean text comes back as it was; in JSON text only real `\u0000` and lone-surrogate escapes
 * change, never an escaped backslash followed by "u0000" (which is text a person typed).
 */
import { describe, expect, it } from "vitest";
import { storableJson, storableText } from "../../src/domain/storableText.ts";

describe("storableText", () => {
  it("strips NUL, repairs lone surrogates, keeps pairs and clean text", () => {
    expect(storableText("a\u0000b\u0000")).toBe("ab");
    expect(storableText("x\ud800y\udc00z")).toBe("x\ufffdy\ufffdz");
    expect(storableText("emoji 😀 en €")).toBe("emoji 😀 en €");
    const clean = "Gewoon een bericht.";
    expect(storableText(clean)).toBe(clean);
  });
});

describe("storableJson", () => {
  it("drops \\u0000 escapes and makes lone-surrogate escapes \\ufffd, as JSON.stringify writes them", () => {
    const value = { text: "a\u0000b\ud800c 😀", typed: "C:\\u0000 en \\\\\u0000", n: 1 };
    const out = storableJson(JSON.stringify(value));
    expect(JSON.parse(out)).toEqual({ text: "ab\ufffdc 😀", typed: "C:\\u0000 en \\\\", n: 1 });
    expect(out).not.toMatch(/(?<!\\)(?:\\\\)*\\u0000/);
  });

  it("returns JSON without escapes as it was", () => {
    const json = JSON.stringify({ text: "geen escapes" });
    expect(storableJson(json)).toBe(json);
  });
});
