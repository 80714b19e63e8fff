// The tus upload lock against the test Redis. Two RedisLocker objects play two web instances: they share
// nothing but Redis. A request that wants a held upload asks the holder to let go and gets the lock once it
// has; a holder that never lets go makes the newcomer time out; a crashed holder's lease lapses by itself.
import { randomUUID } from "node:crypto";
import { ERRORS } from "@tus/utils";
import { describe, expect, it } from "vitest";
import { key, redis } from "@/lib/redis";
import { RedisLocker } from "./upload-locker";

const options = { acquireTimeoutMs: 2_000, leaseMs: 1_000, pollMs: 50 };
const uploadId = () => `test-${randomUUID()}`;
const never = () => new AbortController().signal;

describe("the upload lock shared by web instances", () => {
  it("lets the second instance in once the first, asked to, releases the upload", async () => {
    const id = uploadId();
    const first = new RedisLocker(options).newLock(id);
    const second = new RedisLocker(options).newLock(id);
    let asked = 0;
    await first.lock(never(), async () => {
      asked += 1;
      await first.unlock();
    });
    expect(await redis().exists(key("upload-lock", id))).toBe(1);

    const started = Date.now();
    await second.lock(never(), async () => undefined);
    expect(asked).toBe(1);
    expect(Date.now() - started).toBeLessThan(1_500);
    // The lock now carries the second holder's token: the first cannot release it again.
    await expect(first.unlock()).rejects.toThrow(/not held/);
    await second.unlock();
    expect(await redis().exists(key("upload-lock", id))).toBe(0);
    expect(await redis().exists(key("upload-lock", id, "release"))).toBe(0);
  });

  it("times out while a holder keeps working and does not let go", async () => {
    const id = uploadId();
    const holder = new RedisLocker(options).newLock(id);
    await holder.lock(never(), async () => undefined);
    const waiter = new RedisLocker({ ...options, acquireTimeoutMs: 1_500 }).newLock(id);
    // The holder renews its lease while it waits, so the lock outlives leaseMs.
    await expect(waiter.lock(never(), async () => undefined)).rejects.toBe(ERRORS.ERR_LOCK_TIMEOUT);
    await holder.unlock();
  });

  it("stops waiting as soon as the waiting request is cancelled", async () => {
    const id = uploadId();
    const holder = new RedisLocker(options).newLock(id);
    await holder.lock(never(), async () => undefined);
    const stop = new AbortController();
    setTimeout(() => stop.abort(), 150);
    const started = Date.now();
    await expect(new RedisLocker(options).newLock(id).lock(stop.signal, async () => undefined)).rejects.toBe(ERRORS.ERR_LOCK_TIMEOUT);
    expect(Date.now() - started).toBeLessThan(1_000);
    await holder.unlock();
  });

  it("takes over a lock whose holder died without releasing it, once its lease lapses", async () => {
    const id = uploadId();
    // A holder that crashed: its token is in Redis, nobody renews it.
    await redis().set(key("upload-lock", id), "dead-instance", { px: 400 });
    const lock = new RedisLocker(options).newLock(id);
    await lock.lock(never(), async () => undefined);
    expect(await redis().get(key("upload-lock", id))).not.toBe("dead-instance");
    await lock.unlock();
  });
});
