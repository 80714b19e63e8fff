// One paging rule on the public and the admin API (lib/http/paging.ts): a per_page above 100 is read as 100
// and the answer says so; below 1, or not a whole number, it is refused.
import { describe, expect, it, vi } from "vitest";
import { signInAs } from "@/test/request-context";
import { createTestUser } from "@/test/users";
import { GET as adminCourses } from "@/app/api/v1/admin/courses/route";
import { GET as publicCourses } from "@/app/api/v1/courses/route";

vi.mock("next/headers", () => import("@/test/request-context"));
vi.mock("next/cache", () => import("@/test/request-context"));

type List = { data: unknown[]; meta: { page: number; per_page: number; total: number } };

const publicList = (qs: string) => publicCourses(new Request(`http://localhost/api/v1/courses${qs}`), {});
const adminList = (qs: string) => adminCourses(new Request(`http://localhost/api/v1/admin/courses${qs}`), undefined);

describe("per_page", () => {
  it("above 100 is read as 100 on the public API, and the answer says so", async () => {
    const res = await publicList("?per_page=500");
    expect(res.status).toBe(200);
    const body = (await res.json()) as List;
    expect(body.meta.per_page).toBe(100);
    expect(body.data).toHaveLength(Math.min(100, body.meta.total));
    expect(res.headers.get("link")).toContain("per_page=100");
  });

  it("above 100 is read as 100 on the admin API too", async () => {
    await signInAs(await createTestUser(["course_admin"]));
    const res = await adminList("?per_page=500");
    expect(res.status).toBe(200);
    const body = (await res.json()) as List;
    expect(body.meta).toMatchObject({ page: 1, per_page: 100 });
    expect(body.data).toHaveLength(Math.min(100, body.meta.total));
  });

  it("below 1 or not a whole number is refused on both, naming the parameter", async () => {
    await signInAs(await createTestUser(["course_admin"]));
    for (const qs of ["?per_page=0", "?per_page=-5", "?per_page=2.5", "?per_page=lots"]) {
      for (const [api, res] of [
        ["public", await publicList(qs)],
        ["admin", await adminList(qs)],
      ] as const) {
        expect(res.status, `${api} ${qs}`).toBeGreaterThanOrEqual(400);
        expect(res.status, `${api} ${qs}`).toBeLessThan(500);
        const body = (await res.json()) as { error: { details: Record<string, string[]> } };
        expect(Object.keys(body.error.details), `${api} ${qs}`).toEqual(["per_page"]);
      }
    }
  });

  it("defaults to 20 on both", async () => {
    await signInAs(await createTestUser(["course_admin"]));
    expect(((await (await publicList("")).json()) as List).meta.per_page).toBe(20);
    expect(((await (await adminList("")).json()) as List).meta.per_page).toBe(20);
  });
});
