/**
 * The browser tests (`npm run test:browser`): the DIN report in Debian's Chromium driven by
 * playwright-core, with axe-core. Their own run so `npm test` stays fast; .ci/run runs both.
 */
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/browser/**/*.browser.ts"],
    globalSetup: ["tests/support/globalSetup.ts"],
    setupFiles: ["tests/support/loopbackOnly.ts"],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: "forks",
    execArgv: ["--liftoff-only"],
  },
});
