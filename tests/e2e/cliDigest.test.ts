// Proves `duidbot digest`: with duidbot.yaml (DUIDBOT_CONFIG) read as serve reads it, a configured channel
// is previewed before serve ever ran; --now without the channel's platform configured here puts this
// week's digest in the outbox for serve once (a second --now is exit 1; cliDigestSlack.test.ts: it sends); an unknown channel is exit 1 naming the linked ones; wrong arguments exit 2.
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inMemoryDatabases, root, runDuidbotHere } from "../support/cli.ts";

let dir: string;
let env: Record<string, string>;
// A migrated test database in memory (the folder is incidental here: tests/support/cli.ts).
const kept = inMemoryDatabases();
const duidbot = (args: string[]) => runDuidbotHere(args, env, kept);

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "duidbot-cli-digest-"));
  const dataDir = path.join(dir, "data");
  await mkdir(dataDir);
  const config = path.join(dir, "duidbot.yaml");
  await writeFile(
    config,
    'channels:\n  - key: memory:weekoverzicht\n    name: "#weekoverzicht"\n    audience: digest\n    digest: "ma 09:00"\n  - key: memory:leerkring\n    name: "#leerkring"\n    audience: leerkring\n',
  );
  env = { DUIDBOT_DATA_DIR: dataDir, DUIDBOT_CONFIG: config };
  expect((await duidbot(["din", "import", path.join(root, "examples", "hilversum", "din.yaml")])).code).toBe(0);
  expect((await duidbot(["measurements", "import", path.join(root, "examples", "hilversum", "metingen.csv")])).code).toBe(0);
}, 120_000);
afterAll(async () => {
  await kept.close();
  await rm(dir, { recursive: true, force: true });
});

describe("duidbot digest", () => {
  it("previews a channel from duidbot.yaml, sends once with --now, refuses unknown channels and wrong arguments", { timeout: 120_000 }, async () => {
    const preview = await duidbot(["digest", "--channel", "memory:weekoverzicht", "--preview"]);
    expect(preview.code).toBe(0);
    expect(preview.stdout).toMatch(/^Weekoverzicht \d+ \w+ \d{4}\n/);
    expect(preview.stdout).toContain("Nieuwe en gecorrigeerde cijfers");
    // The example's stelselindicatoren head the digest, each with its arrow in words.
    expect(preview.stdout).toMatch(/Stelselindicatoren\n(?:.*\n)?[▲▼●] [^\n]+ — (gestegen|gedaald|gelijk gebleven)/);
    expect(preview.stdout).toContain("Op weg naar de DIN-rapportage");
    expect(preview.stderr).toContain("voorbeeld; gepland ma 09:00, volgende");

    const leerkring = await duidbot(["digest", "--channel", "memory:leerkring", "--preview", "--lang", "en"]);
    expect(leerkring.code).toBe(0);
    expect(leerkring.stderr).toContain("this channel gets no weekly digest");

    const sent = await duidbot(["digest", "--channel", "memory:weekoverzicht", "--now"]);
    expect(sent.code).toBe(0);
    expect(sent.stdout).toMatch(/Weekoverzicht \d{4}-W\d{2} voor memory:weekoverzicht staat klaar; duidbot serve verstuurt het \(memory staat hier niet aan\)\./);
    const again = await duidbot(["digest", "--channel", "memory:weekoverzicht", "--now"]);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain("is al verstuurd (of overgeslagen)");

    const unknown = await duidbot(["digest", "--channel", "memory:nergens", "--preview"]);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain("Gekoppelde kanalen: memory:weekoverzicht, memory:leerkring");
    expect((await duidbot(["digest", "--preview"])).code).toBe(2);
    expect((await duidbot(["digest", "--channel", "memory:weekoverzicht", "--preview", "--now"])).code).toBe(2);
  });
});
