// The OpenAPI 3.1 document of the public API (/api/v1/openapi.json, rendered at /api-docs), built from the
// same zod schemas the route handlers validate with (zod 4's toJSONSchema), so it cannot drift from them.
import "server-only";
import { z } from "zod";
import { tokenRequestSchema, API_TOKEN_TTL_SECONDS } from "@/lib/auth/api-tokens";
import { codeRequestSchema } from "@/lib/auth/code-request";
import {
  categoryTreeResponseSchema,
  courseDetailResponseSchema,
  courseListQuerySchema,
  courseListResponseSchema,
  errorResponseSchema,
  suggestionQuerySchema,
  suggestionResponseSchema,
} from "@/lib/catalogue/api-schemas";
import {
  coursesBoardResponseSchema,
  historyQuerySchema,
  historyResponseSchema,
  leaderboardQuerySchema,
  pointsBoardResponseSchema,
} from "@/lib/leaderboards/api-schemas";
import { BOARDS } from "@/lib/leaderboards/periods";
import {
  orderListResponseSchema,
  orderResponseSchema,
  orderTabSchema,
  paymentStartResponseSchema,
  placeOrderSchema,
  placePlanOrderSchema,
  placedOrderResponseSchema,
  planQuoteSchema,
  quoteResponseSchema,
  quoteSchema,
  startPaymentSchema,
} from "@/lib/orders/api-schemas";
import { pageParams } from "@/lib/http/paging";
import { BODY_LIMITS, ROUTES, bodyLimitOf, formatBytes } from "@/lib/http/routes";
import { progressInputSchema, progressResponseSchema } from "@/lib/progress/schemas";
import { answerInputSchema, questionInputSchema, questionListQuerySchema } from "@/lib/qa/schemas";
import { replyInputSchema, reportInputSchema, reviewInputSchema, reviewListQuerySchema } from "@/lib/reviews/schemas";

type JsonSchema = Record<string, unknown>;

export interface OpenApiParameter {
  name: string;
  in: "query" | "path" | "header";
  required: boolean;
  description?: string;
  schema: JsonSchema;
}

export interface OpenApiOperation {
  operationId: string;
  summary: string;
  description?: string;
  tags: string[];
  security?: Array<Record<string, string[]>>;
  parameters?: OpenApiParameter[];
  requestBody?: { required: boolean; description?: string; content: { "application/json": { schema: JsonSchema } } };
  /** The largest request body accepted, in bytes (413 PAYLOAD_TOO_LARGE beyond it, unread). */
  "x-body-limit"?: number;
  responses: Record<string, { description: string; headers?: Record<string, { description: string; schema: JsonSchema }>; content?: { "application/json": { schema: JsonSchema } } }>;
}

export interface OpenApiDocument {
  openapi: "3.1.0";
  info: { title: string; version: string; description: string };
  servers: Array<{ url: string }>;
  tags: Array<{ name: string; description: string }>;
  paths: Record<string, Partial<Record<"get" | "post" | "put" | "patch" | "delete", OpenApiOperation>>>;
  components: { schemas: Record<string, JsonSchema>; securitySchemes: Record<string, JsonSchema> };
}

/** A zod schema as JSON Schema for a document (no $schema key; input or output side). */
function schema(s: z.ZodType, io: "input" | "output" = "output"): JsonSchema {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(s, { io, unrepresentable: "any", target: "draft-2020-12" }) as JsonSchema;
  return rest;
}

/** Each property of an object schema's input side as a query parameter. */
function queryParameters(s: z.ZodType): OpenApiParameter[] {
  const json = schema(s, "input") as { properties?: Record<string, JsonSchema>; required?: string[] };
  return Object.entries(json.properties ?? {}).map(([name, prop]) => {
    const { description, ...rest } = prop as { description?: string };
    return { name, in: "query", required: json.required?.includes(name) ?? false, ...(description ? { description } : {}), schema: rest };
  });
}

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const json = (name: string) => ({ "application/json": { schema: ref(name) } });
const error = (description: string) => ({ description, content: json("Error") });
const cacheControl = { "Cache-Control": { description: "Public answers may be cached for 2 seconds.", schema: { type: "string" } } };

const lessonIdParameter: OpenApiParameter = { name: "lessonId", in: "path", required: true, schema: { type: "string", pattern: "^[1-9][0-9]{0,15}$" } };

/**
 * Every operation that takes a body states its limit, from the route table the server enforces it with
 * (lib/http/routes.ts): `x-body-limit`, a line in the body's description and the 413 answer.
 */
function withBodyLimits(paths: OpenApiDocument["paths"]): OpenApiDocument["paths"] {
  for (const [path, operations] of Object.entries(paths)) {
    const route = ROUTES[path.replace(/\{(\w+)\}/g, "[$1]")];
    const limit = route ? bodyLimitOf(route) : BODY_LIMITS.json;
    for (const operation of Object.values(operations)) {
      if (!operation?.requestBody) continue;
      operation["x-body-limit"] = limit;
      operation.requestBody.description = `At most ${formatBytes(limit)} (${limit} bytes); a larger body is refused with 413 before it is read.`;
      operation.responses["413"] ??= error(`The body is over ${formatBytes(limit)} (PAYLOAD_TOO_LARGE).`);
    }
  }
  return paths;
}

export function openApiDocument(): OpenApiDocument {
  return {
    openapi: "3.1.0",
    info: {
      title: "Xuefu API",
      version: "1.0.0",
      description:
        "The public catalogue of Xuefu (学府) and account access for other clients. JSON throughout; money is an integer number of fen (1/100 yuan). " +
        "Errors answer {\"error\": {\"code\", \"message\", \"details\"}}: 400 for unknown, repeated or malformed parameters, 422 for values that are not allowed (with field errors), 404 for unknown resources, " +
        "405 with an Allow header for a method a path does not take, 413 for a body over the operation's `x-body-limit` (bytes; the body is not read). " +
        "Lists page with `page` (from 1) and `per_page` (1 to 100, 20 by default; a larger value is read as 100 and meta.per_page says so).",
    },
    servers: [{ url: "/" }],
    tags: [
      { name: "Catalogue", description: "Courses, categories and search; public, no token needed." },
      { name: "Accounts", description: "API tokens, the signed-in account and its sessions." },
      { name: "Learning", description: "Progress in lessons, learning points and the leaderboards." },
      { name: "Orders", description: "Pricing a cart, placing and paying orders. Signed in (session cookie or bearer token); prices always come from the server." },
      { name: "Operations", description: "Health of the service." },
      { name: "Community", description: "Course reviews and lesson questions and answers (docs/reviews.md). Writes need a session cookie (sent as application/json) or a bearer token; muted authors get 403 MUTED, authors posting too often 429 RATE_LIMITED." },
    ],
    paths: withBodyLimits({
      "/api/v1/courses": {
        get: {
          operationId: "listCourses",
          summary: "List published courses",
          description: "Filter, search, sort and page the catalogue. The Link header names the first, previous, next and last pages.",
          tags: ["Catalogue"],
          parameters: queryParameters(courseListQuerySchema),
          responses: {
            "200": { description: "One page of courses.", headers: { ...cacheControl, Link: { description: "RFC 8288 page links.", schema: { type: "string" } } }, content: json("CourseList") },
            "400": error("An unknown, repeated or malformed parameter."),
            "422": error("A parameter value that is not allowed, or an unknown category."),
          },
        },
      },
      "/api/v1/courses/{idOrSlug}": {
        get: {
          operationId: "getCourse",
          summary: "One published course with its syllabus",
          tags: ["Catalogue"],
          parameters: [{ name: "idOrSlug", in: "path", required: true, description: "The course's numeric id or its slug.", schema: { type: "string", pattern: "^([1-9][0-9]{0,15}|[a-z0-9][a-z0-9-]{0,127})$" } }],
          responses: { "200": { description: "The course.", headers: cacheControl, content: json("CourseDetail") }, "404": error("No published course has this id or slug.") },
        },
      },
      "/api/v1/categories": {
        get: {
          operationId: "listCategories",
          summary: "The category tree",
          tags: ["Catalogue"],
          responses: { "200": { description: "Top-level categories with their subcategories.", headers: cacheControl, content: json("CategoryTree") }, "400": error("An unknown parameter.") },
        },
      },
      "/api/v1/search/suggestions": {
        get: {
          operationId: "suggest",
          summary: "Suggestions as one types",
          description: "Tags and course titles completing the text typed so far (its last word as a prefix).",
          tags: ["Catalogue"],
          parameters: queryParameters(suggestionQuerySchema),
          responses: {
            "200": { description: "Suggestions, tags first.", headers: cacheControl, content: json("Suggestions") },
            "400": error("An unknown, repeated or malformed parameter."),
            "422": error("A missing or too long q, or a limit out of range."),
          },
        },
      },
      "/api/v1/openapi.json": {
        get: { operationId: "openApiDocument", summary: "This document", tags: ["Operations"], responses: { "200": { description: "The OpenAPI 3.1 document." } } },
      },
      "/api/v1/tokens": {
        post: {
          operationId: "createToken",
          summary: "Get an API token",
          description:
            `Exchanges a login (email or mobile) and password for a bearer token valid ${API_TOKEN_TTL_SECONDS} seconds. Failed attempts are counted per account and address, per account and per address. ` +
            "After 10 failures for an account from one address in 15 minutes (or 100 from anywhere in an hour) the answer is 401 VERIFICATION_REQUIRED, and a 6-digit code goes to the account's email or mobile number if the password was right: send the password again with `code`. " +
            "After 60 failures from one address in 5 minutes, whatever the account, the address gets 429.",
          tags: ["Accounts"],
          requestBody: { required: true, content: { "application/json": { schema: schema(tokenRequestSchema, "input") } } },
          responses: {
            "201": { description: "The token.", content: json("Token") },
            "400": error("The body is not JSON."),
            "401": error("INVALID_CREDENTIALS: the login or the password is wrong. VERIFICATION_REQUIRED: send `code` too (see above). VERIFICATION_FAILED: the password or the code is wrong, or the code expired (a new one was sent)."),
            "403": error("The account is disabled."),
            "422": error("A missing or invalid field."),
            "429": error("Too many failed attempts from this address; see Retry-After."),
          },
        },
      },
      "/api/v1/me": {
        get: {
          operationId: "getMe",
          summary: "The account of the token's bearer",
          tags: ["Accounts"],
          security: [{ bearer: [] }],
          responses: { "200": { description: "The account.", content: json("Me") }, "401": error("No token, or an expired, revoked or forged one.") },
        },
      },
      "/api/v1/me/sessions": {
        delete: {
          operationId: "signOutEverywhere",
          summary: "Sign out everywhere",
          description: "Ends every browser session and API token of the account, this one included.",
          tags: ["Accounts"],
          security: [{ bearer: [] }],
          responses: { "204": { description: "Signed out everywhere." }, "401": error("No valid token.") },
        },
      },
      "/api/v1/me/progress/{lessonId}": {
        get: {
          operationId: "getLessonProgress",
          summary: "My progress in a lesson",
          description: "Zeros before the first report. With a bearer token, or the browser's session cookie.",
          tags: ["Learning"],
          security: [{ bearer: [] }],
          parameters: [lessonIdParameter],
          responses: { "200": { description: "The stored progress.", content: json("LessonProgress") }, "401": error("Not signed in."), "404": error("A lesson id that is not a number.") },
        },
        put: {
          operationId: "putLessonProgress",
          summary: "Report progress in a lesson",
          description:
            "For learners enrolled in the lesson's course. The position is replaced, the percent never falls, and completion stays. Completing a lesson awards its points, and the last lesson of a course the course's, exactly once however often the report arrives. Send Content-Type: application/json.",
          tags: ["Learning"],
          security: [{ bearer: [] }],
          parameters: [lessonIdParameter],
          requestBody: { required: true, content: { "application/json": { schema: schema(progressInputSchema, "input") } } },
          responses: {
            "200": { description: "The stored progress, the points this report earned and the course's progress.", content: json("ProgressRecorded") },
            "400": error("The body is not JSON."),
            "401": error("Not signed in, or an invalid token."),
            "403": error("Not enrolled in the course (NOT_ENROLLED)."),
            "404": error("No published lesson has this id."),
            "415": error("The body is not sent as application/json."),
            "422": error("A field out of range, an unknown field, or nothing to record."),
          },
        },
      },
      ...communityPaths(),
      "/api/v1/leaderboards/{board}": {
        get: {
          operationId: "getLeaderboard",
          summary: "A leaderboard",
          description:
            "points: learning points per learner; courses: new enrolments per course this week. Highest first; equal scores share a rank (1 + how many have strictly more) and are listed by ascending id. With a session or a bearer token, the points board adds `me`, the caller's own standing, even outside the top.",
          tags: ["Learning"],
          parameters: [{ name: "board", in: "path", required: true, schema: { type: "string", enum: [...BOARDS] } }, ...queryParameters(leaderboardQuerySchema)],
          responses: {
            "200": { description: "The top of the board.", content: { "application/json": { schema: { oneOf: [ref("PointsBoard"), ref("CoursesBoard")] } } } },
            "400": error("An unknown, repeated or malformed parameter, or a period the board does not have."),
            "401": error("An invalid bearer token."),
            "404": error("No such board."),
          },
        },
      },
      "/api/v1/leaderboards/{board}/history": {
        get: {
          operationId: "getPointsHistory",
          summary: "My points over a period",
          description: "Cumulative points earned in the period: per day for week and month, per month for all. Only the points board has a history.",
          tags: ["Learning"],
          security: [{ bearer: [] }],
          parameters: [{ name: "board", in: "path", required: true, schema: { type: "string", enum: ["points"] } }, ...queryParameters(historyQuerySchema)],
          responses: {
            "200": { description: "The caller's points over time.", content: json("PointsHistory") },
            "400": error("An unknown, repeated or malformed parameter."),
            "401": error("Not signed in."),
            "404": error("A board without a history."),
          },
        },
      },
      "/api/v1/cart/quote": {
        post: {
          operationId: "quoteCart",
          summary: "Price a cart",
          description: "Prices the given courses now for the caller (member prices for members; ownership and unpaid orders known when signed in) and checks a coupon. Orders nothing.",
          tags: ["Orders"],
          requestBody: { required: true, content: { "application/json": { schema: schema(quoteSchema, "input") } } },
          responses: { "200": { description: "The priced cart.", content: json("Quote") }, "400": error("The body is not JSON."), "422": error("Invalid course ids or coupon code.") },
        },
      },
      "/api/v1/orders": {
        get: {
          operationId: "listOrders",
          summary: "The caller's orders",
          tags: ["Orders"],
          security: [{ bearer: [] }],
          parameters: [
            ...queryParameters(z.object(pageParams)),
            ...queryParameters(z.object({ status: orderTabSchema })),
          ],
          responses: { "200": { description: "Newest first.", content: json("OrderList") }, "400": error("A malformed parameter or an unknown status."), "401": error("Not signed in.") },
        },
        post: {
          operationId: "placeOrder",
          summary: "Place an order",
          description:
            "Prices every course again and writes a pending order (paid at once when it costs nothing). `accept_terms` must be `true`: the learner agreed to the Terms of Service (/terms) and the Privacy Policy (/privacy). With `expectedTotalFen`, a different server total is refused with 409 PRICE_CHANGED and the new quote in `details.quote`.",
          tags: ["Orders"],
          security: [{ bearer: [] }],
          requestBody: { required: true, content: { "application/json": { schema: schema(placeOrderSchema, "input") } } },
          responses: {
            "201": { description: "Placed; Location names the order.", content: json("PlacedOrder") },
            "401": error("Not signed in."),
            "409": error("CART_CHANGED, ORDER_PENDING, COUPON_INVALID or PRICE_CHANGED, with the new quote."),
            "422": error("An empty or invalid cart, or `accept_terms` missing or not true (a field error on accept_terms)."),
          },
        },
      },
      "/api/v1/membership/plans": {
        get: {
          operationId: "listMembershipPlans",
          summary: "Membership plans on sale",
          description: "Each plan's price, length in days and monthly points bonus; with a session or bearer token, also the caller's membership (active, plan, end).",
          tags: ["Orders"],
          responses: { "200": { description: "The plans, monthly first." } },
        },
      },
      "/api/v1/membership/quote": {
        post: {
          operationId: "quoteMembershipPlan",
          summary: "Price a membership plan",
          description: "The plan's price for the caller with a coupon (only coupons open to plans apply), and where the new term would start and end if paid now: after the caller's current membership, or from now.",
          tags: ["Orders"],
          requestBody: { required: true, content: { "application/json": { schema: schema(planQuoteSchema, "input") } } },
          responses: { "200": { description: "The quote." }, "404": error("No such plan."), "422": error("An invalid plan id or coupon code.") },
        },
      },
      "/api/v1/membership/orders": {
        post: {
          operationId: "placeMembershipOrder",
          summary: "Buy a membership plan",
          description:
            "Writes a pending order for one plan, paid like any other order (POST /api/v1/orders/{orderNo}/payments). When paid, the term is added after the membership the learner holds then. Refused with 409: PLAN_UNAVAILABLE (not on sale), ORDER_PENDING (another membership order awaits payment), MEMBERSHIP_TOO_LONG (the end would be more than 5 years ahead), COUPON_INVALID, PRICE_CHANGED (with the new quote).",
          tags: ["Orders"],
          security: [{ bearer: [] }],
          requestBody: { required: true, content: { "application/json": { schema: schema(placePlanOrderSchema, "input") } } },
          responses: {
            "201": { description: "Placed; Location names the order.", content: json("PlacedOrder") },
            "401": error("Not signed in."),
            "404": error("No such plan."),
            "409": error("PLAN_UNAVAILABLE, ORDER_PENDING, MEMBERSHIP_TOO_LONG, COUPON_INVALID or PRICE_CHANGED."),
            "422": error("An invalid body, or `accept_terms` missing or not true."),
          },
        },
      },
      "/api/v1/orders/{orderNo}": {
        get: {
          operationId: "getOrder",
          summary: "One of the caller's orders",
          description: "With `refresh=1` on a pending order, the payment providers are asked whether it was paid (at most every 5 seconds per order).",
          tags: ["Orders"],
          security: [{ bearer: [] }],
          parameters: [
            { name: "orderNo", in: "path", required: true, schema: { type: "string", pattern: "^[1-9][0-9]{0,19}$" } },
            { name: "refresh", in: "query", required: false, schema: { type: "string", enum: ["1"] } },
          ],
          responses: { "200": { description: "The order.", content: json("Order") }, "401": error("Not signed in."), "404": error("No such order of the caller's.") },
        },
      },
      "/api/v1/orders/{orderNo}/payments": {
        post: {
          operationId: "startPayment",
          summary: "Start paying an order",
          description: "Answers how to pay: follow a URL (Alipay), post a form (UnionPay) or show a QR code of `codeUrl` (WeChat Pay Native).",
          tags: ["Orders"],
          security: [{ bearer: [] }],
          parameters: [{ name: "orderNo", in: "path", required: true, schema: { type: "string", pattern: "^[1-9][0-9]{0,19}$" } }],
          requestBody: { required: true, content: { "application/json": { schema: schema(startPaymentSchema, "input") } } },
          responses: {
            "201": { description: "How to pay.", content: json("PaymentStart") },
            "401": error("Not signed in."),
            "404": error("No such order of the caller's."),
            "409": error("ORDER_NOT_PAYABLE or ORDER_EXPIRED."),
            "422": error("An unknown or unavailable provider."),
            "429": error("Too many payment attempts; see Retry-After."),
          },
        },
      },
      "/api/v1/orders/{orderNo}/cancel": {
        post: {
          operationId: "cancelOrder",
          summary: "Cancel an unpaid order",
          tags: ["Orders"],
          security: [{ bearer: [] }],
          parameters: [{ name: "orderNo", in: "path", required: true, schema: { type: "string", pattern: "^[1-9][0-9]{0,19}$" } }],
          responses: { "200": { description: "Closed." }, "401": error("Not signed in."), "404": error("No such order of the caller's."), "409": error("Not pending, or a flash-sale order.") },
        },
      },
      "/api/v1/auth/codes": {
        post: {
          operationId: "sendCode",
          summary: "Send a verification code",
          description: "Sends a sign-up or password-reset code by SMS or email. The answer is the same whether or not an account exists.",
          tags: ["Accounts"],
          requestBody: { required: true, content: { "application/json": { schema: schema(codeRequestSchema, "input") } } },
          responses: {
            "202": { description: "Accepted for sending.", content: json("CodeSent") },
            "400": error("The body is not JSON."),
            "422": error("An unknown purpose or an invalid email or mobile number."),
            "429": error("Too many codes; see Retry-After."),
          },
        },
      },
      "/api/health": {
        get: {
          operationId: "health",
          summary: "Health check",
          tags: ["Operations"],
          responses: { "200": { description: "Everything answers.", content: json("Health") }, "503": { description: "A dependency is down.", content: json("Health") } },
        },
      },
    }),
    components: {
      schemas: {
        CourseList: schema(courseListResponseSchema),
        CourseDetail: schema(courseDetailResponseSchema),
        CategoryTree: schema(categoryTreeResponseSchema),
        Suggestions: schema(suggestionResponseSchema),
        Error: schema(errorResponseSchema),
        Token: schema(z.object({ access_token: z.string(), token_type: z.literal("Bearer"), expires_in: z.int() })),
        Me: schema(z.object({ id: z.int(), name: z.string(), roles: z.array(z.string()) })),
        CodeSent: schema(z.object({ sent: z.literal(true), expires_in: z.int() })),
        LessonProgress: schema(progressResponseSchema.pick({ lesson_id: true, position_seconds: true, percent: true, completed: true })),
        ProgressRecorded: schema(progressResponseSchema),
        PointsBoard: schema(pointsBoardResponseSchema),
        CoursesBoard: schema(coursesBoardResponseSchema),
        PointsHistory: schema(historyResponseSchema),
        Quote: schema(quoteResponseSchema),
        Order: schema(orderResponseSchema),
        OrderList: schema(orderListResponseSchema),
        PlacedOrder: schema(placedOrderResponseSchema),
        PaymentStart: schema(paymentStartResponseSchema),
        Health: schema(z.object({ status: z.enum(["ok", "degraded"]), db: z.enum(["ok", "down"]), redis: z.enum(["ok", "down"]) })),
      },
      securitySchemes: { bearer: { type: "http", scheme: "bearer", bearerFormat: "JWT" } },
    },
  };
}

/** Reviews and lesson Q&A. */
function communityPaths(): OpenApiDocument["paths"] {
  const idParam = (name: string): OpenApiParameter => ({ name, in: "path", required: true, schema: { type: "string", pattern: "^[1-9][0-9]{0,15}$" } });
  const body = (s: z.ZodType) => ({ required: true, content: { "application/json": { schema: schema(s, "input") } } });
  const tags = ["Community"];
  const security = [{ bearer: [] }];
  const courseParam: OpenApiParameter = { name: "idOrSlug", in: "path", required: true, schema: { type: "string" } };
  return {
    "/api/v1/courses/{idOrSlug}/reviews": {
      get: {
        operationId: "listReviews",
        summary: "A course's rating and reviews",
        description: "The damped rating ((10 × 4.0 + stars) / (10 + reviews)), the plain average, the count and the 5-to-1 distribution, and a page of ten published reviews.",
        tags,
        parameters: [courseParam, ...queryParameters(reviewListQuerySchema)],
        responses: { "200": { description: "{ summary, data, meta }." }, "404": error("No such published course.") },
      },
      post: {
        operationId: "createReview",
        summary: "Review a course",
        description: "One review per learner per course, for learners who hold it. A review with a listed word is saved as held for a moderator and left out of the rating until approved.",
        tags,
        security,
        parameters: [courseParam],
        requestBody: body(reviewInputSchema),
        responses: {
          "201": { description: "The review." },
          "401": error("Not signed in."),
          "403": error("NOT_ENROLLED: the course is not held; MUTED."),
          "409": error("ALREADY_REVIEWED."),
          "422": error("Stars outside 1–5, empty text or text over the limit (named in details)."),
          "429": error("RATE_LIMITED."),
        },
      },
    },
    "/api/v1/reviews/{id}": {
      get: { operationId: "getReview", summary: "A published review", tags, parameters: [idParam("id")], responses: { "200": { description: "The review." }, "404": error("No such published review.") } },
      patch: {
        operationId: "updateReview",
        summary: "Edit one's review",
        tags,
        security,
        parameters: [idParam("id")],
        requestBody: body(reviewInputSchema),
        responses: { "200": { description: "The review." }, "403": error("Someone else's review, or hidden by a moderator."), "404": error("Deleted or never there."), "422": error("Invalid stars or text.") },
      },
      delete: { operationId: "deleteReview", summary: "Delete one's review", tags, security, parameters: [idParam("id")], responses: { "204": { description: "Deleted; its stars leave the rating." }, "403": error("Someone else's review.") } },
    },
    "/api/v1/reviews/{id}/helpful": {
      put: { operationId: "markReviewHelpful", summary: "Mark a review helpful", description: "Once per learner; never one's own.", tags, security, parameters: [idParam("id")], responses: { "200": { description: "{ helpful, helpful_count }." }, "403": error("OWN_REVIEW.") } },
      delete: { operationId: "unmarkReviewHelpful", summary: "Take the mark back", tags, security, parameters: [idParam("id")], responses: { "200": { description: "{ helpful, helpful_count }." } } },
    },
    "/api/v1/reviews/{id}/reply": {
      put: {
        operationId: "replyToReview",
        summary: "The teacher's public reply",
        tags,
        security,
        parameters: [idParam("id")],
        requestBody: body(replyInputSchema),
        responses: { "200": { description: "The review with its reply." }, "403": error("NOT_TEACHER."), "404": error("The review was deleted or hidden.") },
      },
    },
    "/api/v1/reviews/{id}/reports": {
      post: { operationId: "reportReview", summary: "Report a review to the moderators", tags, security, parameters: [idParam("id")], requestBody: body(reportInputSchema), responses: { "202": { description: "Reported." }, "404": error("No such published review.") } },
    },
    "/api/v1/lessons/{lessonId}/questions": {
      get: {
        operationId: "listQuestions",
        summary: "A lesson's questions",
        description: "Newest first, ten per page, each with its answers; pass meta.next_before as `before` for the next page (keyset paging). For enrolled learners and staff.",
        tags,
        security,
        parameters: [idParam("lessonId"), ...queryParameters(questionListQuerySchema)],
        responses: { "200": { description: "{ data, meta.next_before }." }, "403": error("Not enrolled and not staff.") },
      },
      post: {
        operationId: "askQuestion",
        summary: "Ask a question under a lesson",
        tags,
        security,
        parameters: [idParam("lessonId")],
        requestBody: body(questionInputSchema),
        responses: { "201": { description: "{ data: { id, status } }." }, "403": error("Not enrolled and not staff; MUTED."), "404": error("No such lesson."), "422": error("Empty or over-long text.") },
      },
    },
    "/api/v1/questions/{id}/answers": {
      post: {
        operationId: "answerQuestion",
        summary: "Answer a question (or reply to an answer)",
        tags,
        security,
        parameters: [idParam("id")],
        requestBody: body(answerInputSchema),
        responses: { "201": { description: "{ data: { id, question_id, status } }." }, "404": error("The question (or the answer replied to) was deleted."), "422": error("Empty or over-long text; TOO_DEEP.") },
      },
    },
  };
}
