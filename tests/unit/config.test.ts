// Proves the environment is read strictly, with messages that say what a valid value is.
import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../../src/main/config.ts";

function problem(env: NodeJS.ProcessEnv): string {
  try {
    loadConfig(env, "/srv");
  } catch (error) {
    if (error instanceof ConfigError) return error.message;
    throw error;
  }
  throw new Error("accepted");
}

describe("loadConfig", () => {
  it("reads PORT 1-65535, 0 for a free port, 3000 by default", () => {
    expect(loadConfig({ PORT: "8080" }, "/srv").port).toBe(8080);
    expect(loadConfig({ PORT: "0" }, "/srv").port).toBe(0);
    expect(loadConfig({}, "/srv").port).toBe(3000);
  });

  it.each(["70000", "-1", "80.5", "http"])("refuses PORT=%s naming the valid range and the value", (port) => {
    const message = problem({ PORT: port });
    expect(message).toContain(`PORT: moet een poortnummer van 1 t/m 65535 zijn, niet "${port}"`);
    expect(message).toContain("must be a port number from 1 to 65535");
  });
});
