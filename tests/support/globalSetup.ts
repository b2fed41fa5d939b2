/** Global test setup: refuse to run on an old Node, and in CI refuse to skip PostgreSQL silently. */
export default function setup(): void {
  const major = Number(process.versions.node.split(".")[0]);
  if (major < 22) throw new Error(`Tests need Node >= 22 (got ${process.versions.node}); run them with npm test`);
  if (process.env.CI === "true" && !process.env.TEST_DATABASE_URL) {
    throw new Error("CI=true but TEST_DATABASE_URL is not set: the PostgreSQL store tests would not run");
  }
}
