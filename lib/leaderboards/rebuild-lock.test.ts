// One leaderboard rebuild at a time (lib/leaderboards/rebuild.ts), and a schedule that does not fire a second
// rebuild beside the one every worker start queues (lib/jobs/worker.ts). The first `npm run dev` of a fresh
// clone ran two at once and MariaDB failed one ("Failed to read auto-increment value from storage engine").
import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { QUEUES, closeQueues, queue } from "@/lib/jobs/queues";
import { LEADERBOARDS_REBUILD_SCHEDULE } from "@/lib/jobs/worker";
import { key, redis } from "@/lib/redis";
import { rebuildAll } from "./rebuild";

const LOCK = () => key("lb", "rebuild-lock");

afterAll(async () => {
  await closeQueues();
});

describe("the rebuild lock", () => {
  it("runs one of two rebuilds started at once and skips the other, without an error", async () => {
    const results = await Promise.allSettled([rebuildAll(new Date(), { ifBusy: "skip" }), rebuildAll(new Date(), { ifBusy: "skip" })]);
    expect(results.map((r) => r.status)).toEqual(["fulfilled", "fulfilled"]);
    const values = results.map((r) => (r as PromiseFulfilledResult<Awaited<ReturnType<typeof rebuildAll>>>).value);
    expect(values.filter((v) => v.skipped)).toHaveLength(1);
    const ran = values.find((v) => !v.skipped)!;
    expect(ran.skipped).toBe(false);
    expect(Object.keys((ran as { sizes: Record<string, number> }).sizes)).toContain("points:all");
    // Released afterwards: the next one runs.
    expect(await redis().get(LOCK())).toBeNull();
    expect((await rebuildAll(new Date(), { ifBusy: "skip" })).skipped).toBe(false);
  });

  it("makes a rebuild that may wait start only once the other has finished", async () => {
    const other = randomUUID();
    await redis().set(LOCK(), other, { px: 60_000 });
    expect((await rebuildAll(new Date(), { ifBusy: "skip" })).skipped).toBe(true);
    let releasedAt = 0;
    const release = new Promise<void>((resolve) =>
      setTimeout(() => {
        releasedAt = Date.now();
        void redis()
          .del(LOCK())
          .then(() => resolve());
      }, 600),
    );
    const result = await rebuildAll();
    const finishedAt = Date.now();
    await release;
    expect(result.skipped).toBe(false);
    expect(finishedAt).toBeGreaterThanOrEqual(releasedAt);
    // Its lock was its own and is gone; the other holder's token was never deleted by it.
    expect(await redis().get(LOCK())).toBeNull();
  });

  it("never releases a lock another rebuild has taken since its own expired", async () => {
    const first = rebuildAll(new Date(), { ifBusy: "skip" });
    // Once it holds the lock: simulate its lock expiring and another process taking it meanwhile.
    while ((await redis().get(LOCK())) === null) await new Promise((resolve) => setTimeout(resolve, 5));
    const stranger = randomUUID();
    await redis().set(LOCK(), stranger, { px: 60_000 });
    await first;
    expect(await redis().get(LOCK())).toBe(stranger);
    await redis().del(LOCK());
  });
});

describe("the rebuild schedule", () => {
  it("does not run at once when it is set up, so it cannot race the start-up rebuild", async () => {
    const maintenance = queue(QUEUES.maintenance);
    const id = `leaderboards-rebuild-test-${randomUUID()}`;
    const before = Date.now();
    try {
      // Set up as a fresh Redis does, then again as the next worker start does: never due at once. (A scheduler
      // with `every` was: its first job, and another at each upsert, ran beside the start-up rebuild.)
      for (let start = 0; start < 2; start++) {
        await maintenance.upsertJobScheduler(id, LEADERBOARDS_REBUILD_SCHEDULE, { name: "no-op", data: {} });
        const next = (await maintenance.getJobScheduler(id))!.next!;
        expect(next).toBeGreaterThan(before);
        expect(next % (15 * 60_000)).toBe(0);
      }
      expect(await maintenance.getJobCounts("waiting", "prioritized")).toMatchObject({ waiting: 0, prioritized: 0 });
    } finally {
      await maintenance.removeJobScheduler(id);
    }
  });
});
