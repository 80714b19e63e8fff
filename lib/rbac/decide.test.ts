// The decision function and route matching, with a made-up resource list.
import { describe, expect, it } from "vitest";
import { decide } from "./decide";
import { RouteTable } from "./match";
import { RESOURCES } from "./registry";
import type { Resource } from "./types";

const r = (method: Resource["method"], route: string, kind: Resource["kind"] = "page"): Resource => ({
  key: `${method} ${route}`,
  kind,
  method,
  route,
  category: "other",
  nameZh: route,
  nameEn: route,
  roles: ["course_admin"],
  file: "x",
});

describe("RouteTable", () => {
  const table = new RouteTable([r("GET", "/admin/roles"), r("GET", "/admin/roles/new"), r("GET", "/admin/roles/[id]"), r("DELETE", "/api/v1/admin/courses/[id]", "api"), r("GET", "/admin/files/[...path]")]);

  it("prefers a static segment to a dynamic one", () => {
    expect(table.find("GET", "/admin/roles/new")?.route).toBe("/admin/roles/new");
    expect(table.find("GET", "/admin/roles/42")?.route).toBe("/admin/roles/[id]");
  });

  it("matches by method, HEAD as GET, and a trailing slash", () => {
    expect(table.find("HEAD", "/admin/roles")?.route).toBe("/admin/roles");
    expect(table.find("GET", "/admin/roles/")?.route).toBe("/admin/roles");
    expect(table.find("DELETE", "/api/v1/admin/courses/7")?.key).toBe("DELETE /api/v1/admin/courses/[id]");
    expect(table.find("PUT", "/api/v1/admin/courses/7")).toBeUndefined();
  });

  it("does not let a dynamic segment span slashes, and matches catch-all segments", () => {
    expect(table.find("GET", "/admin/roles/1/2")).toBeUndefined();
    expect(table.find("GET", "/admin/files/a/b/c")?.route).toBe("/admin/files/[...path]");
  });

  it("finds nothing for paths that climb out or are malformed", () => {
    expect(table.find("GET", "/admin/roles/%2e%2e/secret")).toBeUndefined();
    expect(table.find("GET", "/admin/roles/%E0%A4%A")).toBeUndefined();
    expect(table.find("GET", "/admin/rolesX")).toBeUndefined();
  });
});

describe("decide", () => {
  const page = RESOURCES.find((x) => x.key === "GET /admin/courses")!;

  it("denies a visitor, an unknown route and a permission not held; allows a held one", () => {
    expect(decide(null, "GET", "/admin/courses")).toMatchObject({ outcome: "deny", reason: "unauthenticated" });
    expect(decide({ userId: 1, permissions: new Set([page.key]) }, "GET", "/admin/not-a-page")).toMatchObject({ outcome: "deny", reason: "unknown_resource" });
    expect(decide({ userId: 1, permissions: new Set() }, "GET", "/admin/courses")).toMatchObject({ outcome: "deny", reason: "not_granted" });
    expect(decide({ userId: 1, permissions: new Set([page.key]) }, "GET", "/admin/courses")).toMatchObject({ outcome: "allow", resource: page });
  });

  it("keeps methods apart: holding GET does not allow DELETE", () => {
    expect(decide({ userId: 1, permissions: new Set([page.key]) }, "DELETE", "/admin/courses").outcome).toBe("deny");
    expect(decide({ userId: 1, permissions: new Set([page.key]) }, "POST", "/api/v1/admin/courses").outcome).toBe("deny");
  });

  it("finds actions only by their exact name", () => {
    const action = RESOURCES.find((x) => x.kind === "action");
    if (!action) return expect(RESOURCES.some((x) => x.kind === "action")).toBe(false);
    expect(decide({ userId: 1, permissions: new Set([action.key]) }, "ACTION", action.route).outcome).toBe("allow");
    expect(decide({ userId: 1, permissions: new Set([action.key]) }, "ACTION", `${action.route}X`).outcome).toBe("deny");
    expect(decide({ userId: 1, permissions: new Set([action.key]) }, "GET", action.route).outcome).toBe("deny");
  });
});
