// The leaderboards against the real MariaDB and Redis: order, ties, the caller's standing outside the top,
// the API's validation, and a rebuild from MySQL after the boards' keys are deleted (only this feature's keys:
// other tests share the Redis).
import { randomUUID } from "node:crypto";
import { inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/db";
import { pointsLedger, users } from "@/db/schema";
import { key, redis } from "@/lib/redis";
import { signInAs, signOutOfRequest } from "@/test/request-context";
import { GET } from "@/app/api/v1/leaderboards/[board]/route";
import { GET as HISTORY } from "@/app/api/v1/leaderboards/[board]/history/route";
import { periodLabel, periodStart } from "./periods";
import { pointsHistory } from "./read";
import { rebuildAll, rebuildBoard } from "./rebuild";
import { addPoints, boardKey, competitionRanks, readBoard } from "./store";

vi.mock("next/headers", () => import("@/test/request-context"));
vi.mock("next/cache", () => import("@/test/request-context"));

const created: number[] = [];
/** Scores far above anything the seed or other tests give, so these learners are the top of every board. */
const BASE = 50_000_000;
let top: number, second: number, tied: number, fourth: number;

async function learnerWith(points: number, name: string): Promise<number> {
  const [row] = await db().insert(users).values({ name, email: `lb-${randomUUID()}@example.com` }).$returningId();
  const id = Number(row!.id);
  created.push(id);
  await db().insert(pointsLedger).values({ userId: id, reason: "course_completed", refId: id, points });
  return id;
}

async function deleteBoardKeys(): Promise<number> {
  const keys = await redis().keys(key("lb", "*"));
  if (keys.length) await redis().del(...keys);
  return keys.length;
}

async function board(path: string): Promise<{ status: number; body: Record<string, unknown> }> {
  const url = new URL(`http://localhost/api/v1/leaderboards/${path}`);
  const res = await GET(new Request(url), { params: Promise.resolve({ board: url.pathname.split("/").pop()! }) });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

beforeAll(async () => {
  top = await learnerWith(BASE + 3_000, "榜首");
  second = await learnerWith(BASE + 2_000, "并列甲");
  tied = await learnerWith(BASE + 2_000, "并列乙");
  fourth = await learnerWith(BASE + 1_000, "第四");
  await rebuildAll();
});

afterAll(async () => {
  signOutOfRequest();
  await db().delete(users).where(inArray(users.id, created));
  await rebuildAll();
});

describe("periods", () => {
  it("start weeks on Monday and months on the 1st, in UTC", () => {
    const sunday = new Date("2026-11-22T23:30:00Z");
    expect(periodStart("week", sunday)?.toISOString()).toBe("2026-11-16T00:00:00.000Z");
    expect(periodStart("week", new Date("2026-11-16T00:00:00Z"))?.toISOString()).toBe("2026-11-16T00:00:00.000Z");
    expect(periodStart("month", sunday)?.toISOString()).toBe("2026-11-01T00:00:00.000Z");
    expect(periodLabel("week", sunday)).toBe("2026-11-16");
    expect(periodLabel("all", sunday)).toBe("all");
  });

  it("give equal scores the rank of the first of them", () => {
    expect(competitionRanks([9, 7, 7, 7, 5, 5, 1])).toEqual([1, 2, 2, 2, 5, 5, 7]);
  });
});

describe("points board", () => {
  it("ranks by score, shares the rank on a tie and lists the lower id first", async () => {
    for (const period of ["week", "month", "all"] as const) {
      const { entries } = await readBoard("points", period, 4);
      expect(entries).toEqual([
        { rank: 1, id: top, score: BASE + 3_000 },
        { rank: 2, id: second, score: BASE + 2_000 },
        { rank: 2, id: tied, score: BASE + 2_000 },
        { rank: 4, id: fourth, score: BASE + 1_000 },
      ]);
    }
  });

  it("answers the API with names, and `me` for a learner outside the top N", async () => {
    await signInAs(fourth);
    const { status, body } = await board("points?period=all&limit=2");
    expect(status).toBe(200);
    expect(body).toEqual({
      data: [
        { rank: 1, user: { id: top, name: "榜首" }, score: BASE + 3_000 },
        { rank: 2, user: { id: second, name: "并列甲" }, score: BASE + 2_000 },
      ],
      me: { rank: 4, score: BASE + 1_000 },
    });
    await signInAs(tied);
    expect((await board("points?period=month&limit=1")).body.me).toEqual({ rank: 2, score: BASE + 2_000 });
  });

  it("gives a visitor no `me`, and a learner without points a null rank", async () => {
    signOutOfRequest();
    const anonymous = await board("points");
    expect(anonymous.status).toBe(200);
    expect(anonymous.body).not.toHaveProperty("me");
    expect((anonymous.body.data as unknown[]).length).toBeLessThanOrEqual(10);
    const [row] = await db().insert(users).values({ name: "无分", email: `lb-${randomUUID()}@example.com` }).$returningId();
    created.push(Number(row!.id));
    await signInAs(Number(row!.id));
    expect((await board("points?period=week&limit=1")).body.me).toEqual({ rank: null, score: 0 });
  });

  it("refuses bad parameters with 400 and unknown boards with 404", async () => {
    for (const query of ["period=year", "limit=0", "limit=101", "limit=abc", "limit=2.5", "page=2", "limit=5&limit=6"]) {
      const { status, body } = await board(`points?${query}`);
      expect(status, query).toBe(400);
      expect((body.error as { code: string }).code).toBe("BAD_REQUEST");
    }
    expect((await board("courses?period=month")).status).toBe(400);
    expect((await board("badges")).status).toBe(404);
    expect((await board("courses?period=week&limit=3")).status).toBe(200);
  });
});

describe("rebuild", () => {
  it("restores the same ranking after the boards' keys are deleted", async () => {
    const before = await Promise.all((["week", "month", "all"] as const).map((p) => readBoard("points", p, 20, fourth)));
    const courses = await readBoard("courses", "week", 20);
    expect(await deleteBoardKeys()).toBeGreaterThan(0);
    expect((await readBoard("points", "all", 5)).entries).toEqual([]);
    await rebuildAll();
    const after = await Promise.all((["week", "month", "all"] as const).map((p) => readBoard("points", p, 20, fourth)));
    expect(after).toEqual(before);
    expect(await readBoard("courses", "week", 20)).toEqual(courses);
    expect(await redis().ttl(boardKey("points", "week"))).toBeGreaterThan(0);
    expect(await redis().ttl(boardKey("points", "all"))).toBe(-1);
  });

  it("corrects drift and leaves no temporary keys behind", async () => {
    await addPoints(fourth, 10_000);
    expect((await readBoard("points", "all", 1, fourth)).me).toEqual({ rank: 1, score: BASE + 11_000 });
    await rebuildBoard("points", "all");
    expect((await readBoard("points", "all", 1, fourth)).me).toEqual({ rank: 4, score: BASE + 1_000 });
    expect(await redis().keys(`${boardKey("points", "all")}:build:*`)).toEqual([]);
  });
});

describe("points history", () => {
  it("adds up the learner's points per day of the week, and answers only the signed-in learner", async () => {
    const history = await pointsHistory(top, "week");
    expect(history.data[0]?.date).toBe(periodLabel("week"));
    expect(history.data.at(-1)).toEqual({ date: new Date().toISOString().slice(0, 10), points: BASE + 3_000 });
    signOutOfRequest();
    const call = (path: string, board = "points") => HISTORY(new Request(`http://localhost/api/v1/leaderboards/${board}/history${path}`), { params: Promise.resolve({ board }) });
    expect((await call("?period=week")).status).toBe(401);
    await signInAs(top);
    expect((await call("?period=decade")).status).toBe(400);
    expect((await call("", "courses")).status).toBe(404);
    const monthly = (await (await call("?period=all")).json()) as { data: Array<{ date: string; points: number }> };
    expect(monthly.data.at(-1)).toEqual({ date: new Date().toISOString().slice(0, 7), points: BASE + 3_000 });
  });
});
