// The audit log's filters and paging against the test MariaDB. Each test writes its own rows under a target
// type of its own, so rows from other tests (the log is shared) never match.
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db";
import { auditLog, users } from "@/db/schema";
import { listAuditRows } from "./queries";

const targetType = `t${randomUUID().slice(0, 8)}`;
let alice: number;
let bob: number;
const aliceName = `审计甲${randomUUID().slice(0, 6)}`;
const bobName = `Auditor Bob ${randomUUID().slice(0, 6)}`;

const at = (iso: string) => new Date(iso);

beforeAll(async () => {
  const [a] = await db().insert(users).values({ name: aliceName, email: `audit-${randomUUID()}@example.com` }).$returningId();
  const [b] = await db().insert(users).values({ name: bobName, email: `audit-${randomUUID()}@example.com` }).$returningId();
  alice = Number(a!.id);
  bob = Number(b!.id);
  const row = (actorId: number, actorName: string, action: string, targetId: string, createdAt: Date, extra: Partial<typeof auditLog.$inferInsert> = {}) => ({
    actorId,
    actorName,
    action,
    targetType,
    targetId,
    summary: `${action} on ${targetId}`,
    createdAt,
    ...extra,
  });
  await db()
    .insert(auditLog)
    .values([
      row(alice, aliceName, "ACTION roles.create", "1", at("2031-03-01T08:00:00Z"), { after: { key: "a", note: "<script>alert(1)</script>" } }),
      row(alice, aliceName, "ACTION roles.setPermissions", "1", at("2031-03-02T23:59:59.999Z"), { before: { removed: [] }, after: { added: ["GET /admin/orders"] } }),
      row(bob, bobName, "ACTION roles.delete", "2", at("2031-03-03T00:00:00Z")),
      row(bob, bobName, "ACTION users.setDisabled", "7", at("2031-03-04T12:00:00Z")),
      row(bob, bobName, "ACTION rolesX.other", "3", at("2031-03-05T12:00:00Z")),
    ]);
});

const actions = (rows: { action: string }[]) => rows.map((r) => r.action);

describe("listAuditRows", () => {
  it("lists newest first and pages through the rest", async () => {
    const first = await listAuditRows({ targetType }, 1, 2);
    expect(first.total).toBe(5);
    expect(actions(first.rows)).toEqual(["ACTION rolesX.other", "ACTION users.setDisabled"]);
    const third = await listAuditRows({ targetType }, 3, 2);
    expect(actions(third.rows)).toEqual(["ACTION roles.create"]);
    expect((await listAuditRows({ targetType }, 4, 2)).rows).toEqual([]);
  });

  it("filters by actor id or part of the actor's name", async () => {
    expect((await listAuditRows({ targetType, actor: String(alice) }, 1, 10)).total).toBe(2);
    expect((await listAuditRows({ targetType, actor: bobName.slice(8) }, 1, 10)).total).toBe(3);
    expect((await listAuditRows({ targetType, actor: "审计甲" }, 1, 10)).total).toBe(2);
    // LIKE wildcards in the text are literal.
    expect((await listAuditRows({ targetType, actor: "%" }, 1, 10)).total).toBe(0);
  });

  it("filters by an exact action key, or by a prefix ending in '.' or '*'", async () => {
    expect(actions((await listAuditRows({ targetType, action: "ACTION roles.delete" }, 1, 10)).rows)).toEqual(["ACTION roles.delete"]);
    expect(actions((await listAuditRows({ targetType, action: "ACTION roles." }, 1, 10)).rows)).toEqual(["ACTION roles.delete", "ACTION roles.setPermissions", "ACTION roles.create"]);
    expect((await listAuditRows({ targetType, action: "ACTION roles*" }, 1, 10)).total).toBe(4);
    expect((await listAuditRows({ targetType, action: "ACTION roles" }, 1, 10)).total).toBe(0);
  });

  it("filters by target and by a date range whose days are both included (UTC)", async () => {
    expect((await listAuditRows({ targetType, targetId: "1" }, 1, 10)).total).toBe(2);
    expect((await listAuditRows({ targetType: `${targetType}-none`, targetId: "1" }, 1, 10)).total).toBe(0);
    expect(actions((await listAuditRows({ targetType, from: "2031-03-02", to: "2031-03-03" }, 1, 10)).rows)).toEqual(["ACTION roles.delete", "ACTION roles.setPermissions"]);
    expect((await listAuditRows({ targetType, from: "2031-03-04" }, 1, 10)).total).toBe(2);
    expect((await listAuditRows({ targetType, to: "2031-03-01" }, 1, 10)).total).toBe(1);
  });

  it("returns before and after as objects, untouched", async () => {
    const [row] = (await listAuditRows({ targetType, action: "ACTION roles.create" }, 1, 1)).rows;
    expect(row).toMatchObject({ actorId: alice, actorName: aliceName, before: null, after: { key: "a", note: "<script>alert(1)</script>" } });
  });
});
