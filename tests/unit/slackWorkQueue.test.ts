/**
 * Proves the Slack work queue runs jobs one at a time (or N), puts interactive work before waiting
 * background work, hands back each job's result or error, and lets timers and I/O run between jobs.
 */
import { describe, expect, it } from "vitest";
import { WorkQueue, WorkQueueStopped } from "../../adapters/slack/workQueue.ts";

const tick = () => new Promise<void>((resolve) => setImmediate(resolve));

describe("WorkQueue", () => {
  it("runs one job at a time and serves interactive work first", async () => {
    const queue = new WorkQueue(1);
    const order: string[] = [];
    let running = 0;
    let maxRunning = 0;
    const job = (name: string) => async () => {
      running++;
      maxRunning = Math.max(maxRunning, running);
      await tick();
      order.push(name);
      running--;
      return name;
    };
    const results = Promise.all([
      queue.run("background", job("b1")),
      queue.run("background", job("b2")),
      queue.run("interactive", job("i1")),
      queue.run("background", job("b3")),
    ]);
    expect(queue.waiting).toBe(3);
    expect(await results).toEqual(["b1", "b2", "i1", "b3"]);
    expect(order).toEqual(["b1", "i1", "b2", "b3"]);
    expect(maxRunning).toBe(1);
  });

  it("passes errors to the caller and keeps going", async () => {
    const queue = new WorkQueue();
    const failed = queue.run("background", () => Promise.reject(new Error("kapot")));
    const next = queue.run("background", async () => "verder");
    await expect(failed).rejects.toThrow("kapot");
    await expect(next).resolves.toBe("verder");
  });

  it("lets a macrotask run between two jobs that never yield to one", async () => {
    const queue = new WorkQueue();
    const seen: string[] = [];
    setImmediate(() => seen.push("io"));
    await Promise.all([queue.run("background", async () => void seen.push("job1")), queue.run("background", async () => void seen.push("job2"))]);
    expect(seen).toEqual(["job1", "io", "job2"]);
  });

  it("runs up to N jobs at once", async () => {
    const queue = new WorkQueue(3);
    let running = 0;
    let maxRunning = 0;
    await Promise.all(
      Array.from({ length: 9 }, () =>
        queue.run("background", async () => {
          maxRunning = Math.max(maxRunning, ++running);
          await tick();
          running--;
        }),
      ),
    );
    expect(maxRunning).toBe(3);
  });

  it("stops: waiting jobs reject with WorkQueueStopped, the running one finishes, later jobs are refused", async () => {
    const queue = new WorkQueue(1);
    let release = () => {};
    const running = queue.run("background", () => new Promise<string>((resolve) => (release = () => resolve("klaar"))));
    const waiting = queue.run("background", async () => "nooit");
    await tick();
    const stopped = queue.stop();
    await expect(waiting).rejects.toBeInstanceOf(WorkQueueStopped);
    release();
    await stopped;
    await expect(running).resolves.toBe("klaar");
    await expect(queue.run("interactive", async () => "te laat")).rejects.toBeInstanceOf(WorkQueueStopped);
  });
});
