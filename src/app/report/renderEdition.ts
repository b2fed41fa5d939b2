/**
 * Use case: the document of an edition variant. Published: the frozen bytes, exactly as stored
 * (later figures, corrections, DIN changes and revised conclusions never reach them). Otherwise the
 * draft, rendered now.
 */
import { composeEdition, type EditionRequest } from "./composeEdition.ts";
import type { ReportDeps } from "./ports.ts";

export type RenderEditionResult =
  | { status: "no-din" }
  | { status: "draft" | "published"; edition: number; dinSlug: string; html: Uint8Array; contentHash?: string };

export async function renderEdition(deps: ReportDeps, request: EditionRequest): Promise<RenderEditionResult> {
  const result = await composeEdition(deps, request);
  switch (result.status) {
    case "no-din":
      return result;
    case "published": {
      const e = result.edition;
      return { status: "published", edition: e.edition, dinSlug: e.dinSlug, html: e.html, contentHash: e.contentHash };
    }
    case "draft": {
      const html = new TextEncoder().encode(await deps.renderer.html(result.model, request.lang, "draft"));
      return { status: "draft", edition: result.model.edition, dinSlug: result.model.dinSlug, html };
    }
  }
}
