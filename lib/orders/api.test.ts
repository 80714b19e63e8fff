// The cart and orders API through its route handlers, signed in with a real session: status codes, the
// error shape, and answers matching the schemas the OpenAPI document publishes.
import { and, eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/db";
import { courses } from "@/db/schema";
import { signInAs, signOutOfRequest } from "@/test/request-context";
import { createTestUser } from "@/test/users";
import { POST as quoteRoute } from "@/app/api/v1/cart/quote/route";
import { GET as listRoute, POST as placeRoute } from "@/app/api/v1/orders/route";
import { GET as orderRoute } from "@/app/api/v1/orders/[orderNo]/route";
import { POST as cancelRoute } from "@/app/api/v1/orders/[orderNo]/cancel/route";
import { POST as payRoute } from "@/app/api/v1/orders/[orderNo]/payments/route";
import { GET as openApiRoute } from "@/app/api/v1/openapi.json/route";
import { orderListResponseSchema, orderResponseSchema, paymentStartResponseSchema, placedOrderResponseSchema, quoteResponseSchema } from "./api-schemas";

vi.mock("next/headers", () => import("@/test/request-context"));

const base = "http://localhost";
const jsonPost = (path: string, body: unknown) => new Request(`${base}${path}`, { method: "POST", headers: { "content-type": "application/json" }, body: typeof body === "string" ? body : JSON.stringify(body) });
const ctx = (orderNo: string) => ({ params: Promise.resolve({ orderNo }) });

let courseId = 0;
beforeAll(async () => {
  const [row] = await db()
    .select({ id: courses.id })
    .from(courses)
    .where(and(eq(courses.status, "published"), sql`${courses.priceFen} > 0`))
    .orderBy(sql`${courses.id} DESC`)
    .limit(1)
    .offset(6);
  courseId = row!.id;
});

/** The error's code; `details` varies by error (field errors for 422, the new quote for 409, ...). */
async function errorCode(res: Response): Promise<string> {
  const body = (await res.json()) as { error: { code: string; message: string } };
  expect(typeof body.error.message).toBe("string");
  return body.error.code;
}

describe("orders API", () => {
  it("refuses visitors with 401, and malformed or invalid bodies with 400 and 422", async () => {
    signOutOfRequest();
    const visitor = await placeRoute(jsonPost("/api/v1/orders", { courseIds: [courseId], accept_terms: true }), {});
    expect(visitor.status).toBe(401);
    expect(await errorCode(visitor)).toBe("UNAUTHORIZED");
    expect((await listRoute(new Request(`${base}/api/v1/orders`), {})).status).toBe(401);
    await signInAs(await createTestUser());
    expect((await placeRoute(jsonPost("/api/v1/orders", "{nope"), {})).status).toBe(400);
    for (const body of [{}, { courseIds: [], accept_terms: true }, { courseIds: ["1"], accept_terms: true }, { courseIds: [courseId], priceFen: 1, coupon: "bad code!", accept_terms: true }]) {
      const res = await placeRoute(jsonPost("/api/v1/orders", body), {});
      expect(res.status, JSON.stringify(body)).toBe(422);
    }
  });

  it("refuses an order without the learner's agreement to the terms, with a field error, and writes nothing", async () => {
    const learner = await createTestUser();
    await signInAs(learner);
    for (const consent of [undefined, false, "true", 1]) {
      const res = await placeRoute(jsonPost("/api/v1/orders", { courseIds: [courseId], ...(consent === undefined ? {} : { accept_terms: consent }) }), {});
      expect(res.status, String(consent)).toBe(422);
      const body = (await res.json()) as { error: { code: string; details: Record<string, string[]> } };
      expect(body.error.code).toBe("VALIDATION_FAILED");
      expect(body.error.details.accept_terms?.[0]).toMatch(/Terms of Service/);
    }
    const list = orderListResponseSchema.parse(await (await listRoute(new Request(`${base}/api/v1/orders`), {})).json());
    expect(list.meta.total).toBe(0);
  });

  it("quotes, places, lists, shows, starts paying and cancels an order, with answers as documented", async () => {
    const learner = await createTestUser();
    await signInAs(learner);
    const quote = quoteResponseSchema.parse(await (await quoteRoute(jsonPost("/api/v1/cart/quote", { courseIds: [courseId, 999_999_999] }), {})).json());
    expect(quote.data.lines.map((l) => l.status)).toEqual(["ok", "not_found"]);
    // What the cart line shows: the teacher, the cover's category, and the member price for everyone.
    const [course] = await db().select({ memberPriceFen: courses.memberPriceFen, priceFen: courses.priceFen }).from(courses).where(eq(courses.id, courseId));
    expect(quote.data.lines[0]).toMatchObject({ teacherName: expect.any(String), categoryRootId: expect.any(Number), memberPrice: false });
    expect(quote.data.lines[0]!.memberPriceFen).toBe(course!.memberPriceFen !== null && course!.memberPriceFen < course!.priceFen ? course!.memberPriceFen : null);
    expect(quote.data.lines[1]).toMatchObject({ teacherName: null, categoryRootId: null, memberPriceFen: null });

    const placed = await placeRoute(jsonPost("/api/v1/orders", { courseIds: [courseId], expectedTotalFen: quote.data.totalFen, accept_terms: true }), {});
    expect(placed.status).toBe(201);
    const { data: order } = placedOrderResponseSchema.parse(await placed.json());
    expect(placed.headers.get("location")).toBe(`/api/v1/orders/${order.orderNo}`);
    expect(order).toMatchObject({ status: "pending", totalFen: quote.data.totalFen });

    const list = orderListResponseSchema.parse(await (await listRoute(new Request(`${base}/api/v1/orders?per_page=5`), {})).json());
    expect(list.data.map((o) => o.orderNo)).toEqual([order.orderNo]);
    expect(list.meta).toEqual({ page: 1, per_page: 5, total: 1 });
    // One paging rule on every list (lib/http/paging.ts): above 100 is read as 100.
    expect(orderListResponseSchema.parse(await (await listRoute(new Request(`${base}/api/v1/orders?per_page=500`), {})).json()).meta.per_page).toBe(100);
    // The status filter: the tabs of "My orders"; an unknown status is the client's mistake.
    const unpaid = orderListResponseSchema.parse(await (await listRoute(new Request(`${base}/api/v1/orders?status=unpaid`), {})).json());
    expect(unpaid.data.map((o) => o.orderNo)).toEqual([order.orderNo]);
    const paid = orderListResponseSchema.parse(await (await listRoute(new Request(`${base}/api/v1/orders?status=paid`), {})).json());
    expect(paid.meta.total).toBe(0);
    expect((await listRoute(new Request(`${base}/api/v1/orders?status=shipped`), {})).status).toBe(400);

    const shown = orderResponseSchema.parse(await (await orderRoute(new Request(`${base}/api/v1/orders/${order.orderNo}`), ctx(order.orderNo))).json());
    expect(shown.data.items).toHaveLength(1);

    const badProvider = await payRoute(jsonPost(`/api/v1/orders/${order.orderNo}/payments`, { provider: "paypal" }), ctx(order.orderNo));
    expect(badProvider.status).toBe(422);
    const started = await payRoute(jsonPost(`/api/v1/orders/${order.orderNo}/payments`, { provider: "wechat" }), ctx(order.orderNo));
    expect(started.status).toBe(201);
    expect(paymentStartResponseSchema.parse(await started.json()).data.kind).toBe("qr");

    expect((await cancelRoute(new Request(`${base}/x`, { method: "POST" }), ctx(order.orderNo))).status).toBe(200);
    const again = await cancelRoute(new Request(`${base}/x`, { method: "POST" }), ctx(order.orderNo));
    expect(again.status).toBe(409);
    const payClosed = await payRoute(jsonPost(`/api/v1/orders/${order.orderNo}/payments`, { provider: "alipay" }), ctx(order.orderNo));
    expect(payClosed.status).toBe(409);
    expect(await errorCode(payClosed)).toBe("ORDER_NOT_PAYABLE");
  });

  it("hides other learners' orders behind 404, as it does unknown and malformed numbers", async () => {
    const owner = await createTestUser();
    await signInAs(owner);
    const { data: order } = placedOrderResponseSchema.parse(await (await placeRoute(jsonPost("/api/v1/orders", { courseIds: [courseId], accept_terms: true }), {})).json());
    await signInAs(await createTestUser());
    for (const no of [order.orderNo, "123", "abc", "0123"]) {
      expect((await orderRoute(new Request(`${base}/api/v1/orders/${no}`), ctx(no))).status, no).toBe(404);
      expect((await cancelRoute(new Request(`${base}/x`, { method: "POST" }), ctx(no))).status, no).toBe(404);
    }
    const pay = await payRoute(jsonPost(`/api/v1/orders/${order.orderNo}/payments`, { provider: "wechat" }), ctx(order.orderNo));
    expect(pay.status).toBe(404);
  });
});

describe("the OpenAPI document of the orders API", () => {
  it("requires accept_terms: true to place an order and documents the list's status filter", async () => {
    type Operation = { requestBody?: { content: { "application/json": { schema: { required?: string[]; properties: Record<string, { const?: unknown }> } } } }; parameters?: Array<{ name: string; schema: { enum?: string[] } }> };
    const doc = (await openApiRoute().json()) as { paths: Record<string, Record<string, Operation>>; components: { schemas: Record<string, unknown> } };
    const place = doc.paths["/api/v1/orders"]!.post!.requestBody!.content["application/json"].schema;
    expect(place.required).toContain("accept_terms");
    expect(place.properties.accept_terms?.const).toBe(true);
    const status = doc.paths["/api/v1/orders"]!.get!.parameters!.find((p) => p.name === "status");
    expect(status?.schema.enum).toEqual(["all", "unpaid", "paid", "refunded"]);
    expect(JSON.stringify(doc.components.schemas.Quote)).toContain("memberPriceFen");
  });
});
