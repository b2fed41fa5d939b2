/**
 * Proves the Slack work queue runs jobs one at a time (or N), puts interactive work before waiting
 * background work, hands back each job's result or error, and lets timers and I/O run between jobs;
 * and that background work holds off while requests keep arriving, but never past its maximum delay.
 */
import { afterEach, describe, expect, it, vi } from "vitest";
import { WorkQueue, WorkQueueStopped } from "../../src/app/workQueue.ts";

const tick = () => new Promise<void>((resolve) => setImmediate(resolve));

describe("WorkQueue", () => {
  it("runs one job at a time and serves interactive work first", async () => {
    const queue = new WorkQueue({ concurrency: 1 });
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
    const queue = new WorkQueue({ concurrency: 3 });
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
    const queue = new WorkQueue({ concurrency: 1 });
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

  describe("acks first", () => {
    afterEach(() => {
      vi.useRealTimers();
    });

    it("holds background work while requests arrive, runs it once they pause; interactive work never waits", async () => {
      vi.useFakeTimers();
      const queue = new WorkQueue({ quietMs: 20, maxDelayMs: 1_000, now: () => Date.now() });
      const done: string[] = [];
      queue.arrived();
      const background = queue.run("background", async () => void done.push("antwoord"));
      const interactive = queue.run("interactive", async () => void done.push("knop"));
      await interactive;
      expect(done).toEqual(["knop"]);
      // Requests keep arriving every 10 ms: the reply waits.
      for (let i = 0; i < 5; i++) {
        await vi.advanceTimersByTimeAsync(10);
        queue.arrived();
      }
      expect(done).toEqual(["knop"]);
      await vi.advanceTimersByTimeAsync(25);
      await background;
      expect(done).toEqual(["knop", "antwoord"]);
    });

    it("runs background work after maxDelayMs even when requests never pause", async () => {
      vi.useFakeTimers();
      const queue = new WorkQueue({ quietMs: 20, maxDelayMs: 100, now: () => Date.now() });
      let ran = false;
      queue.arrived();
      const job = queue.run("background", async () => void (ran = true));
      for (let t = 0; t < 90; t += 10) {
        await vi.advanceTimersByTimeAsync(10);
        queue.arrived();
      }
      expect(ran).toBe(false);
      await vi.advanceTimersByTimeAsync(20);
      await job;
      expect(ran).toBe(true);
    });

    it("with quietMs 0 (the default) background work starts at once", async () => {
      const queue = new WorkQueue();
      queue.arrived();
      await expect(queue.run("background", async () => "meteen")).resolves.toBe("meteen");
    });
  });
});
