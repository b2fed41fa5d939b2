/**
 * Use case: publish (freeze) an edition variant. The document is rendered once, hashed (sha256) and
 * stored with its model; from then on it is served from the store, byte-identical. Publishing a
 * variant that exists changes nothing and says so. A draft never becomes an edition by itself:
 * only this use case writes one.
 */
import { createHash } from "node:crypto";
import { draftModel } from "./composeEdition.ts";
import type { Lang } from "../../domain/format.ts";
import type { ReportDeps } from "./ports.ts";

export type PublishEditionResult =
  | { status: "no-din" }
  | { status: "published"; edition: number; dinSlug: string; contentHash: string; publishedAt: Date; conclusions: number }
  | { status: "already-published"; edition: number; dinSlug: string; contentHash: string; publishedAt: Date };

export async function publishEdition(
  deps: ReportDeps,
  request: { dinSlug?: string; edition: number; lang: Lang; public: boolean },
): Promise<PublishEditionResult> {
  const state = await deps.dins.loadDin(request.dinSlug);
  if (!state) return { status: "no-din" };
  const key = { dinSlug: state.slug, edition: request.edition, lang: request.lang, public: request.public };
  const existing = await deps.reports.edition(key);
  const already = (e: { contentHash: string; publishedAt: Date }) =>
    ({ status: "already-published", edition: key.edition, dinSlug: key.dinSlug, contentHash: e.contentHash, publishedAt: e.publishedAt }) as const;
  if (existing) return already(existing);
  const published = await deps.reports.publishedEditions(state.slug);
  // The model's cutoff is the publication moment (or that of a variant published before).
  const model = await draftModel(deps, key, published);
  const html = new TextEncoder().encode(await deps.renderer.html(model, request.lang, "published"));
  const contentHash = createHash("sha256").update(html).digest("hex");
  // The first variant of an edition is published at its cutoff: that moment closes the edition's window.
  const first = !published.some((e) => e.edition === key.edition);
  const publishedAt = first ? new Date(model.cutoff) : deps.clock.now();
  if (!(await deps.reports.saveEdition({ ...key, contentHash, html, data: model, publishedAt }))) {
    // Someone published the same variant meanwhile: theirs stands.
    const theirs = await deps.reports.edition(key);
    if (!theirs) throw new Error(`edition ${key.edition} vanished after a conflicting insert`);
    return already(theirs);
  }
  return { status: "published", edition: key.edition, dinSlug: key.dinSlug, contentHash, publishedAt, conclusions: model.conclusions.length };
}
