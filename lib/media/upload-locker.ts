// The tus upload lock, held in Redis so every web instance sees it. tus locks an upload for each request that
// touches it (HEAD, PATCH, DELETE); a client that resumes after a dropped connection often reaches another
// instance while the old PATCH is still half-open on the first one. The newcomer then asks the holder to let go
// (tus's "request release"), which ends the old request so the resumed one can continue.
//
// In Redis: `upload-lock:<id>` holds the holder's token with a short expiry that the holder renews while it works
// (so a crashed instance's lock lapses by itself); `upload-lock:<id>:release` is the newcomer's request, which
// the holder sees on its next renewal.
import "server-only";
import { randomUUID } from "node:crypto";
import { ERRORS, type Lock, type Locker, type RequestRelease } from "@tus/utils";
import { key, redis } from "@/lib/redis";

export interface RedisLockerOptions {
  /** How long a request waits for the lock before tus answers 500 "lock timeout". */
  acquireTimeoutMs?: number;
  /** How long a lock outlives its holder's last renewal. */
  leaseMs?: number;
  /** How often the holder renews and looks for a release request, and a waiter tries again. */
  pollMs?: number;
}

// Renews the lease only while the token is still ours: 0 lost, 1 renewed, 2 renewed and a waiter asks for it.
const RENEW = `if redis.call('get', KEYS[1]) ~= ARGV[1] then return 0 end
redis.call('pexpire', KEYS[1], ARGV[2])
if redis.call('exists', KEYS[2]) == 1 then return 2 end
return 1`;
// Deletes the lock and any release request only while the token is still ours.
const RELEASE = `if redis.call('get', KEYS[1]) == ARGV[1] then redis.call('del', KEYS[1], KEYS[2]) return 1 else return 0 end`;

export class RedisLocker implements Locker {
  readonly acquireTimeoutMs: number;
  readonly leaseMs: number;
  readonly pollMs: number;

  constructor(options: RedisLockerOptions = {}) {
    this.acquireTimeoutMs = options.acquireTimeoutMs ?? 30_000;
    this.leaseMs = options.leaseMs ?? 15_000;
    this.pollMs = options.pollMs ?? 100;
  }

  newLock(id: string): Lock {
    return new RedisLock(id, this);
  }
}

const sleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal.removeEventListener("abort", done);
      resolve();
    }
    signal.addEventListener("abort", done, { once: true });
  });

class RedisLock implements Lock {
  private readonly lockKey: string;
  private readonly releaseKey: string;
  private readonly token = randomUUID();
  private renewer: NodeJS.Timeout | undefined;

  constructor(
    id: string,
    private readonly locker: RedisLocker,
  ) {
    this.lockKey = key("upload-lock", id);
    this.releaseKey = key("upload-lock", id, "release");
  }

  async lock(stopSignal: AbortSignal, requestRelease: RequestRelease): Promise<void> {
    const { acquireTimeoutMs, leaseMs, pollMs } = this.locker;
    const deadline = Date.now() + acquireTimeoutMs;
    let asked = false;
    while (!stopSignal.aborted && Date.now() < deadline) {
      if ((await redis().set(this.lockKey, this.token, { nx: true, px: leaseMs })) === "OK") {
        // A release request left over from before we held the lock is not meant for us.
        await redis().del(this.releaseKey);
        this.hold(requestRelease);
        return;
      }
      if (!asked) {
        await redis().set(this.releaseKey, "1", { px: leaseMs });
        asked = true;
      }
      await sleep(pollMs, stopSignal);
    }
    throw ERRORS.ERR_LOCK_TIMEOUT;
  }

  async unlock(): Promise<void> {
    clearInterval(this.renewer);
    this.renewer = undefined;
    const released = await redis().eval(RELEASE, [this.lockKey, this.releaseKey], [this.token]);
    if (Number(released) !== 1) throw new Error("Releasing an upload lock that is not held");
  }

  /** While held: renew the lease, and pass a waiter's release request on to the request holding the lock. */
  private hold(requestRelease: RequestRelease) {
    const { leaseMs } = this.locker;
    let released = false;
    this.renewer = setInterval(
      () => {
        void (async () => {
          const state = Number(await redis().eval(RENEW, [this.lockKey, this.releaseKey], [this.token, String(leaseMs)]));
          if (state === 0) return clearInterval(this.renewer);
          if (state === 2 && !released) {
            released = true;
            await requestRelease?.();
          }
        })().catch(() => undefined); // Redis down: the lease lapses and the next request takes the lock
      },
      Math.max(this.locker.pollMs * 2, 50),
    );
    this.renewer.unref?.();
  }
}
