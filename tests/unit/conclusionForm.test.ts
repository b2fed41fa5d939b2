// The conclusion form read back: a due date must exist in the calendar (2024-02-30 rolled over to March before).
import { describe, expect, it } from "vitest";
import { parseConclusionForm } from "../../src/app/sessions/conclusionForm.ts";

describe("reading the conclusion form", () => {
  const base = { "conclusion.overall": "Meer inzet op vroegsignalering.", "action.1.text": "Huisbezoeken", "action.1.owner": "Team schulden" };

  it("takes a real due date and refuses one that does not exist, naming the field", () => {
    const ok = parseConclusionForm({ ...base, "action.1.due": "2024-02-29" });
    expect(ok).toMatchObject({ ok: true, actions: [{ text: "Huisbezoeken", owner: "Team schulden", due: "2024-02-29", status: "open" }] });
    for (const due of ["2024-02-30", "2025-02-29", "2025-13-01", "31-03-2026"]) {
      expect(parseConclusionForm({ ...base, "action.1.due": due })).toEqual({
        ok: false,
        issues: [{ field: "action.1.due", message: "Gebruik een datum als 2026-03-31.", messageEn: "Use a date like 2026-03-31." }],
      });
    }
  });
});
