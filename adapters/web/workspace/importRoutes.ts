/**
 * The import page's requests: upload → preview (nothing written; errors per line as the CLI gives
 * them) → confirm → the same use cases as `duidbot din import` / `measurements import`, announced as
 * from the CLI. Kept apart from router.ts because it is the workspace's only writing path.
 */
import path from "node:path";
import express, { type Request, type Response, type Router } from "express";
import { importDin } from "../../../src/app/din/importDin.ts";
import { previewDin } from "../../../src/app/din/previewDin.ts";
import { importAndAnnounce } from "../../../src/app/measurements/importAndAnnounce.ts";
import { importMeasurements } from "../../../src/app/measurements/importMeasurements.ts";
import type { DetailDeps } from "../../../src/app/workspace/indicatorDetail.ts";
import { decodeText, encodingNote } from "../../../src/domain/textEncoding.ts";
import type { Indicator } from "../../../src/domain/din.ts";
import type { Gate } from "./access.ts";
import { html, type Html } from "./html.ts";
import { changeList, donePage, importFormPage, importTexts, issuesPage, previewPage } from "./importPage.ts";
import type { PageContext } from "./layout.ts";
import { PendingUploads, type PendingUpload } from "./pendingUploads.ts";
import { CSRF_FIELD, csrfValid } from "./security.ts";
import { readUpload } from "./upload.ts";

export interface ImportRouteHelpers {
  gate: Gate;
  context(req: Request, res: Response): PageContext;
  send(res: Response, status: number, body: Html): void;
  /** Wakes the outbox after an import queued change posts. */
  kick(): void;
}

function kindOf(fileName: string): PendingUpload["kind"] | undefined {
  const ext = path.extname(fileName).toLowerCase();
  if (ext === ".yaml" || ext === ".yml") return "din";
  if (ext === ".csv" || ext === ".txt" || ext === ".json") return "figures";
  return undefined;
}

/** As the CLI reads a file: CSV and JSON both through the file parser, so errors name file and line alike. */
function source(upload: PendingUpload) {
  return { kind: "file" as const, text: upload.text, fileName: upload.fileName };
}

export function registerImportRoutes(router: Router, deps: DetailDeps, h: ImportRouteHelpers): void {
  const pending = new PendingUploads();
  const form = express.urlencoded({ extended: false, limit: "16kb", parameterLimit: 20 });

  router.get("/import", h.gate.require, async (req, res) => {
    h.send(res, 200, importFormPage(h.context(req, res), { gemeenten: await deps.dins.listDinSlugs() }));
  });

  router.post("/import", h.gate.require, async (req, res) => {
    const ctx = h.context(req, res);
    const t = importTexts(ctx);
    const gemeenten = await deps.dins.listDinSlugs();
    const upload = await readUpload(req);
    if (!upload.ok) return h.send(res, upload.reason === "too-large" ? 413 : 400, importFormPage(ctx, { gemeenten, message: upload.reason === "too-large" ? t.tooLarge : t.noFile }));
    if (!csrfValid(req, upload.fields.get(CSRF_FIELD))) return h.send(res, 403, importFormPage(ctx, { gemeenten, message: t.csrf }));
    if (!upload.file) return h.send(res, 400, importFormPage(ctx, { gemeenten, message: t.noFile }));
    const fileName = path.basename(upload.file.name);
    const kind = kindOf(fileName);
    if (!kind) return h.send(res, 400, importFormPage(ctx, { gemeenten, message: t.unknownKind(fileName) }));
    const decoded = decodeText(upload.file.bytes);
    const note = encodingNote(decoded.encoding, ctx.lang);
    const gemeente = upload.fields.get("gemeente") || undefined;
    const entry: PendingUpload = { kind, fileName, text: decoded.text, ...(gemeente ? { gemeente } : {}) };

    if (kind === "din") {
      const preview = await previewDin(deps, { text: entry.text, fileName });
      if (!preview.ok) return h.send(res, 422, issuesPage(ctx, fileName, preview.issues));
      const d = preview.definition;
      const name = (id: string) => d.indicators.find((i) => i.id === id)?.name ?? id;
      const summary = html`<p>${t.din(d.municipality, d.year)} ${preview.currentYear !== undefined ? t.dinCurrent(preview.currentYear) : t.dinNew}</p>
<p>${t.counts(d.opgaven.length, d.goals.length, d.indicators.length)}</p>
${preview.added.length > 0 && preview.currentYear !== undefined ? html`<h2>${t.added}</h2><ul>${preview.added.map((id) => html`<li>${name(id)}</li>`)}</ul>` : ""}
${preview.retired.length > 0 ? html`<h2>${t.retired}</h2><ul>${preview.retired.map((id) => html`<li>${id}</li>`)}</ul>` : ""}`;
      return h.send(res, 200, previewPage(ctx, { fileName, token: pending.put(entry), summary, warnings: preview.warnings }));
    }

    const result = await importMeasurements(deps, { source: source(entry), via: "web", ...(gemeente ? { dinSlug: gemeente } : {}), dryRun: true });
    if (!result.ok) return h.send(res, 422, issuesPage(ctx, fileName, result.issues));
    const indicators = await indicatorsOf(deps, result.dinSlug);
    const nothing = result.newCount + result.correctionCount + result.metadataCount + result.contextCount === 0;
    const summary = html`${note ? html`<p class="notice">${note}</p>` : ""}
<p>${t.figures(result.newCount, result.correctionCount, result.unchangedCount)}${result.metadataCount > 0 ? html` ${t.metadata(result.metadataCount)}` : ""}${result.contextCount > 0 ? html` ${t.context(result.contextCount)}` : ""}</p>
${nothing ? html`<p>${t.nothing}</p>` : changeList(ctx, result, indicators)}`;
    h.send(res, 200, previewPage(ctx, { fileName, ...(nothing ? {} : { token: pending.put(entry) }), summary, warnings: [] }));
  });

  router.post("/import/bevestigen", h.gate.require, form, async (req, res) => {
    const ctx = h.context(req, res);
    const t = importTexts(ctx);
    const body = (req.body ?? {}) as Record<string, unknown>;
    const gemeenten = await deps.dins.listDinSlugs();
    if (!csrfValid(req, body[CSRF_FIELD])) return h.send(res, 403, importFormPage(ctx, { gemeenten, message: t.csrf }));
    const entry = typeof body.token === "string" ? pending.take(body.token) : undefined;
    if (!entry) return h.send(res, 410, importFormPage(ctx, { gemeenten, message: t.expired }));

    if (entry.kind === "din") {
      const saved = await importDin(deps, { text: entry.text, fileName: entry.fileName });
      if (!saved.ok) return h.send(res, 422, issuesPage(ctx, entry.fileName, saved.issues));
      return h.send(res, 200, donePage(ctx, { summary: html`<p>${t.dinDone(saved.status)}</p>` }));
    }
    const result = await importAndAnnounce(deps, { source: source(entry), via: "web", ...(entry.gemeente ? { dinSlug: entry.gemeente } : {}) });
    // The figures may have changed since the preview (another import): the real result is what counts.
    if (!result.ok) return h.send(res, 422, issuesPage(ctx, entry.fileName, result.issues));
    h.kick();
    const indicators = await indicatorsOf(deps, result.dinSlug);
    const summary = html`<p>${t.figures(result.newCount, result.correctionCount, result.unchangedCount)}</p>
${result.changeCount > 0 ? html`<p>${t.announced}</p>` : ""}
${changeList(ctx, result, indicators)}`;
    h.send(res, 200, donePage(ctx, { summary }));
  });
}

async function indicatorsOf(deps: DetailDeps, slug: string): Promise<Map<string, Indicator>> {
  const din = await deps.dins.loadDin(slug);
  return new Map((din?.indicators ?? []).map((i) => [i.indicator.id, i.indicator]));
}
