/** Synthetic DIN + figures for the benchmark: n indicators spread over opgaven/doelen, `years` yearly (or 52 weekly) values each. */

export type BenchFrequency = "jaarlijks" | "week";

export function syntheticDinYaml(n: number, year: number, frequency: BenchFrequency = "jaarlijks"): string {
  const opgaven = 3;
  const goalsPerOpgave = Math.max(1, Math.ceil(n / 60 / opgaven));
  const goalIds: string[] = [];
  const lines = [`municipality: Benchstad`, `year: ${year}`, `mission: "Synthetisch."`, `opgaven:`];
  for (let o = 0; o < opgaven; o++) {
    lines.push(`  - id: opgave-${o}`, `    name: Opgave ${o}`, `    goals:`);
    for (let g = 0; g < goalsPerOpgave; g++) {
      const id = `doel-${o}-${g}`;
      goalIds.push(id);
      lines.push(`      - id: ${id}`, `        name: Doel ${o}.${g}`);
    }
  }
  lines.push(`indicators:`);
  const directions = ["hoger-is-beter", "lager-is-beter", "neutraal"];
  for (let i = 0; i < n; i++) {
    lines.push(
      `  - id: indicator-${i}`,
      `    name: Indicator ${i}`,
      `    kind: effect`,
      `    goal: ${goalIds[i % goalIds.length]}`,
      `    unit: "${i % 4 === 0 ? "aantal" : "%"}"`,
      `    direction: ${directions[i % 3]}`,
      `    baseline: { period: 2015, value: 50 }`,
      `    target: { period: 2026, value: ${40 + (i % 20)} }`,
      `    frequency: ${frequency}`,
      `    visibility: openbaar`,
    );
  }
  return lines.join("\n") + "\n";
}

/** Dutch-style CSV (BOM, `;`, decimal comma) with `years` years of values per indicator (weekly: weeks 1–52). */
/**
 * `context`: every value gets one more row beside it (issue #21: 2× the rows): alternately Nederland's
 * value (a comparison) and a breakdown cell, so the import writes as many context rows as totals.
 */
export function syntheticCsv(n: number, firstYear: number, years: number, frequency: BenchFrequency = "jaarlijks", context = false): string {
  const rows = [context ? "\ufeffindicator;periode;waarde;bron;gebied;dimensie;categorie" : "\ufeffindicator;periode;waarde;bron"];
  let k = 0;
  let seed = 42;
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  for (let i = 0; i < n; i++) {
    let value = 30 + random() * 40;
    for (let y = 0; y < years; y++) {
      const periods = frequency === "week" ? Array.from({ length: 52 }, (_, w) => `${firstYear + y}-W${String(w + 1).padStart(2, "0")}`) : [String(firstYear + y)];
      for (const period of periods) {
        value = Math.min(95, Math.max(5, value + (random() - 0.5) * 6));
        const text = value.toFixed(1).replace(".", ",");
        if (!context) rows.push(`indicator-${i};${period};${text};Bench`);
        else {
          rows.push(`indicator-${i};${period};${text};Bench;;;`);
          rows.push(k++ % 2 === 0 ? `indicator-${i};${period};${text};Bench;Nederland;;` : `indicator-${i};${period};${text};Bench;;leeftijd;0-17`);
        }
      }
    }
  }
  return rows.join("\r\n") + "\r\n";
}
