// The order export against the test database: the file Excel is given (BOM, header, CRLF, yuan amounts,
// numbers kept as text), cells a spreadsheet would run as formulas defused, the list's filters applied,
// paging that neither repeats nor drops rows, the row limit, and who may download it.
import { eq, inArray } from "drizzle-orm";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/db";
import { courses, orders } from "@/db/schema";
import { signInAs } from "@/test/request-context";
import { createTestUser } from "@/test/users";
import { GET as exportOrders } from "@/app/api/v1/admin/orders/export/route";
import { csvCell, exportStream } from "./admin-export";
import { insertOrder } from "./create";

vi.mock("next/headers", () => import("@/test/request-context"));
vi.mock("next/cache", () => import("@/test/request-context"));

let buyer = 0;
let orderNos: string[] = [];
let orderAdmin = 0;

/** Three orders of one buyer whose name is a formula, on three China days, with a title holding a comma and a quote. */
beforeAll(async () => {
  orderAdmin = await createTestUser(["order_admin"]);
  buyer = await createTestUser([], "=HYPERLINK(\"http://evil\",\"x\")");
  const [course] = await db().select({ id: courses.id }).from(courses).limit(1);
  const days = ["2025-05-01T02:00:00Z", "2025-05-02T02:00:00Z", "2025-05-03T02:00:00Z"];
  orderNos = [];
  for (const [i, day] of days.entries()) {
    const order = await db().transaction((tx) =>
      insertOrder(tx, {
        userId: buyer,
        source: "cart",
        items: [{ kind: "course", courseId: course!.id, title: i === 0 ? '+Excel, "quoted" 课程' : `导出课程 ${i}`, listPriceFen: 19_900, priceFen: 19_900 }],
        couponId: null,
        discountFen: i === 0 ? 1_990 : 0,
        payBefore: new Date(Date.parse(day) + 1_800_000),
        now: new Date(day),
      }),
    );
    orderNos.push(order.orderNo);
  }
  await db().update(orders).set({ status: "paid", provider: "alipay", providerTradeNo: "-2025050122001", paidAt: new Date("2025-05-01T02:05:00Z") }).where(eq(orders.orderNo, orderNos[0]!));
  // insertOrder stamps created_at with `now`; make sure of it for the day filters.
  for (const [i, day] of days.entries()) await db().update(orders).set({ createdAt: new Date(day) }).where(eq(orders.orderNo, orderNos[i]!));
});

async function download(qs: string) {
  const res = await exportOrders(new Request(`http://localhost/api/v1/admin/orders/export?${qs}`), undefined);
  const bytes = new Uint8Array(await res.arrayBuffer());
  return { res, bytes, text: new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes) };
}

const readAll = async (stream: ReadableStream<Uint8Array>) => new TextDecoder("utf-8", { ignoreBOM: true }).decode(new Uint8Array(await new Response(stream).arrayBuffer()));

describe("csv cells", () => {
  it("quotes what RFC 4180 needs and defuses formula-looking text", () => {
    expect(csvCell("plain 中文")).toBe("plain 中文");
    expect(csvCell('a,b "c"')).toBe('"a,b ""c"""');
    expect(csvCell("line\nbreak")).toBe('"line\nbreak"');
    for (const danger of ["=1+2", "+1", "-1", "@SUM(A1)", "\tx", "\rx"]) expect(csvCell(danger).replace(/^"/, "")).toMatch(/^'/);
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvCell(null)).toBe("");
    expect(csvCell(42)).toBe("42");
  });
});

describe("GET /api/v1/admin/orders/export", () => {
  it("sends a UTF-8 CSV with a BOM, a header and the filtered rows, amounts in yuan, formulas defused", async () => {
    await signInAs(orderAdmin);
    const { res, bytes, text } = await download(`user=${buyer}&lang=en`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("content-disposition")).toMatch(/^attachment; filename="orders-\d{4}-\d{2}-\d{2}\.csv"$/);
    expect(res.headers.get("x-total-count")).toBe("3");
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = text.slice(1).split("\r\n");
    expect(lines.at(-1)).toBe("");
    expect(lines[0]).toBe("Order no,Created (UTC+8),Status,Learner id,Learner name,Email,Courses,Subtotal (CNY),Discount (CNY),Total (CNY),Refunded (CNY),Provider,Trade no,Paid at (UTC+8)");
    const rows = lines.slice(1, -1);
    // Newest first.
    expect(rows.map((r) => r.split(",")[0])).toEqual([...orderNos].reverse());
    const oldest = rows[2]!;
    expect(oldest).toContain(`${orderNos[0]},2025-05-01 10:00:00,paid,${buyer},"'=HYPERLINK(""http://evil"",""x"")",`);
    expect(oldest).toContain(`"'+Excel, ""quoted"" 课程",199.00,19.90,179.10,0.00,alipay,'-2025050122001,2025-05-01 10:05:00`);
    expect(rows[0]).toContain("导出课程 2,199.00,0.00,199.00,0.00,,,");
  });

  it("applies the day filters in China time, answers Chinese headers by default, and refuses bad filters", async () => {
    await signInAs(orderAdmin);
    const { text } = await download(`user=${buyer}&from=2025-05-02&to=2025-05-02`);
    const lines = text.slice(1).split("\r\n");
    expect(lines[0]!.startsWith("订单号,下单时间 (UTC+8),状态")).toBe(true);
    expect(lines.slice(1, -1).map((r) => r.split(",")[0])).toEqual([orderNos[1]]);
    const bad = await exportOrders(new Request("http://localhost/api/v1/admin/orders/export?from=2025-05-03&to=2025-05-01"), undefined);
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { code: string } }).error.code).toBe("BAD_REQUEST");
    expect((await exportOrders(new Request("http://localhost/api/v1/admin/orders/export?status=lost"), undefined)).status).toBe(400);
  });

  it("refuses a course admin", async () => {
    await signInAs(await createTestUser(["course_admin"]));
    expect((await exportOrders(new Request("http://localhost/api/v1/admin/orders/export"), undefined)).status).toBe(403);
  });
});

describe("the export stream", () => {
  it("pages by (created, id) without repeating or dropping rows, and stops at the row limit", async () => {
    const filter = { user: String(buyer) };
    const paged = (await readAll(exportStream(filter, "en", 100, 1))).split("\r\n").slice(1, -1);
    expect(paged.map((r) => r.split(",")[0])).toEqual([...orderNos].reverse());
    const limited = (await readAll(exportStream(filter, "en", 2, 1))).split("\r\n").slice(1, -1);
    expect(limited.map((r) => r.split(",")[0])).toEqual([orderNos[2], orderNos[1]]);
    // Same created_at for all three: the id breaks the tie and the pages still cover every row once.
    await db().update(orders).set({ createdAt: new Date("2025-05-04T00:00:00Z") }).where(inArray(orders.orderNo, orderNos));
    const tied = (await readAll(exportStream(filter, "en", 100, 2))).split("\r\n").slice(1, -1);
    expect(new Set(tied.map((r) => r.split(",")[0]))).toEqual(new Set(orderNos));
    expect(tied).toHaveLength(3);
  });
});
