/** Loads the bundled example DIN and figures into an empty database, so `npm start` shows something real. */
import { readFile } from "node:fs/promises";
import path from "node:path";
import { importDin } from "../app/din/importDin.ts";
import { importAndAnnounce } from "../app/measurements/importAndAnnounce.ts";
import { formatIssue } from "../domain/validation.ts";
import type { Services } from "./services.ts";

export const EXAMPLE_DIR = path.join(import.meta.dirname, "..", "..", "examples", "hilversum");

export async function loadExampleIfEmpty(services: Services): Promise<"loaded" | "not-empty"> {
  if (!(await services.measurements.isEmpty())) return "not-empty";
  const dinFile = path.join(EXAMPLE_DIR, "din.yaml");
  const din = await importDin(services, { text: await readFile(dinFile, "utf8"), fileName: "examples/hilversum/din.yaml" });
  // The bundled files are tested; a failure here is a bug, not user input.
  if (!din.ok) throw new Error(`example DIN is invalid:\n${din.issues.map((i) => formatIssue(i)).join("\n")}`);
  const csv = path.join(EXAMPLE_DIR, "metingen.csv");
  const figures = await importAndAnnounce(services, {
    source: { kind: "file", text: await readFile(csv, "utf8"), fileName: "examples/hilversum/metingen.csv" },
    via: "example",
  });
  if (!figures.ok) throw new Error(`example figures are invalid:\n${figures.issues.map((i) => formatIssue(i)).join("\n")}`);
  return "loaded";
}
