// The coupon editor: its rules (shared by the form and the server), and its actions as real signed-in
// marketing admins against the test database: codes stored upper-case and unique, yuan entered and fen
// stored, a limit never below the uses counted, disabling, the audit rows, and who may do it.
import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/db";
import { auditLog, coupons, courses } from "@/db/schema";
import { signInAs } from "@/test/request-context";
import { createTestUser } from "@/test/users";
import { createCouponAction, setCouponDisabledAction, updateCouponAction } from "./admin-coupon-actions";
import { chinaDateTimeValue, couponFieldErrors, couponInput, initialCouponFormState, parseChinaDateTime } from "./admin-coupon-rules";

vi.mock("next/headers", () => import("@/test/request-context"));
vi.mock("next/cache", () => import("@/test/request-context"));

const FORBIDDEN = { digest: "NEXT_HTTP_ERROR_FALLBACK;403" };
const window = { startsAt: "2026-01-01T00:00", endsAt: "2026-12-31T23:59" };
const errorsOf = (input: Record<string, unknown>) => {
  const parsed = couponInput.safeParse(input);
  return parsed.success ? {} : couponFieldErrors(parsed.error);
};

describe("coupon rules", () => {
  it("upper-cases the code and converts a fixed amount from yuan to fen, reading times as China time", () => {
    const parsed = couponInput.parse({ code: " welcome-50 ", kind: "fixed", value: "50.5", courseId: "", maxUses: "1000", ...window });
    expect(parsed).toMatchObject({ code: "WELCOME-50", kind: "fixed", value: 5050, courseId: null, maxUses: 1000, disabled: false });
    expect(parsed.startsAt.toISOString()).toBe("2025-12-31T16:00:00.000Z");
    expect(chinaDateTimeValue(parsed.startsAt)).toBe("2026-01-01T00:00");
    expect(couponInput.parse({ code: "X10", kind: "percent", value: "100", ...window, disabled: "on" })).toMatchObject({ value: 100, disabled: true });
  });

  it("names the field of each mistake", () => {
    expect(errorsOf({ code: "a", kind: "percent", value: "10", ...window })).toEqual({ code: "code_format" });
    expect(errorsOf({ code: "BAD CODE", kind: "percent", value: "10", ...window })).toEqual({ code: "code_format" });
    for (const value of ["0", "101", "10.5", ""]) expect(errorsOf({ code: "OK1", kind: "percent", value, ...window })).toEqual({ value: "percent_range" });
    for (const value of ["0", "0.00", "-5", "12.345", "abc"]) expect(errorsOf({ code: "OK1", kind: "fixed", value, ...window })).toEqual({ value: "fixed_invalid" });
    expect(errorsOf({ code: "OK1", kind: "other", value: "10", ...window })).toEqual({ kind: "kind_required" });
    expect(errorsOf({ code: "OK1", kind: "percent", value: "10", courseId: "abc", maxUses: "0", ...window })).toEqual({ courseId: "course_invalid", maxUses: "max_uses_invalid" });
    expect(errorsOf({ code: "OK1", kind: "percent", value: "10", startsAt: "2026-02-30T10:00", endsAt: "soon" })).toEqual({ startsAt: "time_invalid", endsAt: "time_invalid" });
    expect(errorsOf({ code: "OK1", kind: "percent", value: "10", startsAt: "2026-05-01T10:00", endsAt: "2026-05-01T10:00" })).toEqual({ endsAt: "window_order" });
    expect(parseChinaDateTime("2026-05-01T24:00")).toBeNull();
    // Every mistake of one submission at once.
    expect(errorsOf({ code: "", kind: "fixed", value: "", startsAt: "", endsAt: "" })).toEqual({ code: "code_format", value: "fixed_invalid", startsAt: "time_invalid", endsAt: "time_invalid" });
  });
});

const form = (fields: Record<string, string>) => {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) data.set(k, v);
  return data;
};

async function redirectOf(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  const digest = String((error as { digest?: unknown } | undefined)?.digest ?? "");
  expect(digest).toMatch(/^NEXT_REDIRECT;/);
  return digest.split(";")[2] ?? "";
}

const couponByCode = async (code: string) => (await db().select().from(coupons).where(eq(coupons.code, code)))[0];
const auditOf = (id: number) =>
  db()
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.targetType, "coupon"), eq(auditLog.targetId, String(id))))
    .orderBy(auditLog.id);

describe("coupon actions", () => {
  let marketing = 0;
  let courseId = 0;
  beforeAll(async () => {
    marketing = await createTestUser(["marketing_admin"]);
    courseId = (await db().select({ id: courses.id }).from(courses).limit(1))[0]!.id;
  });

  it("creates a coupon, refuses a taken code and an unknown course, and audits the creation", async () => {
    await signInAs(marketing);
    const code = `new${randomUUID().slice(0, 6)}`;
    const to = await redirectOf(createCouponAction(initialCouponFormState(), form({ code, kind: "fixed", value: "30", courseId: String(courseId), maxUses: "", ...window })));
    const row = await couponByCode(code.toUpperCase());
    expect(row).toMatchObject({ kind: "fixed", value: 3000, courseId, maxUses: null, usedCount: 0, disabled: false });
    expect(to).toBe(`/admin/coupons/${row!.id}?created=1`);
    const audit = await auditOf(row!.id);
    expect(audit.map((a) => [a.action, a.actorId])).toEqual([["ACTION coupons.create", marketing]]);

    const taken = await createCouponAction(initialCouponFormState(), form({ code: code.toUpperCase(), kind: "percent", value: "5", ...window }));
    expect(taken).toMatchObject({ fieldErrors: { code: "code_taken" }, done: false });
    const noCourse = await createCouponAction(initialCouponFormState(), form({ code: `${code}x`, kind: "percent", value: "5", courseId: "999999999", ...window }));
    expect(noCourse).toMatchObject({ fieldErrors: { courseId: "course_not_found" } });
    const invalid = await createCouponAction(initialCouponFormState(), form({ code: `${code}y`, kind: "percent", value: "150", ...window }));
    expect(invalid).toMatchObject({ fieldErrors: { value: "percent_range" }, values: { value: "150" } });
    expect(await couponByCode(`${code}x`.toUpperCase())).toBeUndefined();
    expect(await couponByCode(`${code}y`.toUpperCase())).toBeUndefined();
  });

  it("edits a coupon but never sets the limit below the uses counted, and disables and re-enables it", async () => {
    await signInAs(marketing);
    const code = `E${randomUUID().slice(0, 8).toUpperCase()}`;
    const [inserted] = await db()
      .insert(coupons)
      .values({ code, kind: "percent", value: 10, maxUses: 100, usedCount: 5, startsAt: new Date("2026-01-01T00:00:00Z"), endsAt: new Date("2026-06-01T00:00:00Z") })
      .$returningId();
    const id = Number(inserted!.id);
    const fields = { id: String(id), code, kind: "percent", value: "20", maxUses: "4", ...window };
    expect(await updateCouponAction(initialCouponFormState(), form(fields))).toMatchObject({ fieldErrors: { maxUses: "max_below_used" }, done: false });
    expect((await couponByCode(code))!.value).toBe(10);

    expect(await updateCouponAction(initialCouponFormState(), form({ ...fields, maxUses: "5" }))).toMatchObject({ done: true, fieldErrors: {} });
    expect(await couponByCode(code)).toMatchObject({ value: 20, maxUses: 5, usedCount: 5 });

    expect(await setCouponDisabledAction({ ok: null }, form({ id: String(id), disabled: "true" }))).toEqual({ ok: true, disabled: true });
    expect((await couponByCode(code))!.disabled).toBe(true);
    // An edit from a form opened before the coupon was disabled does not re-enable it.
    expect(await updateCouponAction(initialCouponFormState(), form({ ...fields, maxUses: "", disabled: "false" }))).toMatchObject({ done: true });
    expect(await couponByCode(code)).toMatchObject({ disabled: true, maxUses: null });
    expect(await setCouponDisabledAction({ ok: null }, form({ id: String(id), disabled: "false" }))).toEqual({ ok: true, disabled: false });
    expect(await setCouponDisabledAction({ ok: null }, form({ id: "999999999", disabled: "true" }))).toEqual({ ok: false, error: "not_found" });

    const audit = await auditOf(id);
    expect(audit.map((a) => a.action)).toEqual(["ACTION coupons.update", "ACTION coupons.setDisabled", "ACTION coupons.update", "ACTION coupons.setDisabled"]);
    expect(audit[0]!.before).toMatchObject({ value: 10, maxUses: 100 });
    expect(audit[0]!.after).toMatchObject({ value: 20, maxUses: 5 });
  });

  it("refuses an order admin", async () => {
    await signInAs(await createTestUser(["order_admin"]));
    await expect(createCouponAction(initialCouponFormState(), form({ code: "NOPE1", kind: "percent", value: "5", ...window }))).rejects.toMatchObject(FORBIDDEN);
    await expect(setCouponDisabledAction({ ok: null }, form({ id: "1", disabled: "true" }))).rejects.toMatchObject(FORBIDDEN);
    expect(await couponByCode("NOPE1")).toBeUndefined();
  });
});
