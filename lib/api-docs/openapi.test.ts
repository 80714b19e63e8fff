// The OpenAPI document states what the server enforces: each body's size limit (from the route table the
// server hook and readJson use) with its 413, the sign-in code, and the one paging rule.
import { describe, expect, it } from "vitest";
import { BODY_LIMITS, ROUTES, bodyLimitOf } from "@/lib/http/routes";
import { openApiDocument, type OpenApiOperation } from "./openapi";

const doc = openApiDocument();
const operations = Object.entries(doc.paths).flatMap(([path, ops]) => Object.entries(ops).map(([method, op]) => ({ path, method, op: op as OpenApiOperation })));

describe("the OpenAPI document", () => {
  it("gives every operation with a body its limit and the 413 answer", () => {
    const withBody = operations.filter((o) => o.op.requestBody);
    expect(withBody.length).toBeGreaterThanOrEqual(6);
    for (const { path, method, op } of withBody) {
      const route = ROUTES[path.replace(/\{(\w+)\}/g, "[$1]")];
      expect(route, path).toBeDefined();
      expect(op["x-body-limit"], `${method} ${path}`).toBe(bodyLimitOf(route!));
      expect(op.responses["413"], `${method} ${path}`).toBeDefined();
      expect(op.requestBody!.description).toContain(`${bodyLimitOf(route!)} bytes`);
    }
    expect(doc.paths["/api/v1/tokens"]!.post!["x-body-limit"]).toBe(BODY_LIMITS.json);
  });

  it("documents paging the same way on every list", () => {
    for (const path of ["/api/v1/courses", "/api/v1/orders"]) {
      const perPage = doc.paths[path]!.get!.parameters!.find((p) => p.name === "per_page")!;
      expect(perPage.schema, path).toMatchObject({ type: "integer", minimum: 1, default: 20 });
      expect(perPage.description, path).toMatch(/above 100 is read as 100/);
    }
  });

  it("documents the sign-in code and what asks for it", () => {
    const tokens = doc.paths["/api/v1/tokens"]!.post!;
    expect(Object.keys((tokens.requestBody!.content["application/json"].schema as { properties: object }).properties)).toEqual(["login", "password", "code"]);
    expect(tokens.responses["401"]!.description).toContain("VERIFICATION_REQUIRED");
  });
});
