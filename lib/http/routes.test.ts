// The route table (methods and body limits) must say what the route files under app/ export, and the body
// limits the handlers read with must be the table's; otherwise the server hook would refuse a method a route
// takes, or cut off a body the route accepts.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { BODY_LIMITS, ROUTES, allowedMethods, findRoute, formatBytes } from "./routes";

const root = path.resolve(__dirname, "../..");

function routeFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return routeFiles(full);
    return entry.name === "route.ts" ? [full] : [];
  });
}

/** "/api/v1/courses/[idOrSlug]" from app/api/v1/courses/[idOrSlug]/route.ts (route groups dropped). */
const patternOf = (file: string) =>
  "/" +
  path
    .relative(path.join(root, "app"), path.dirname(file))
    .split(path.sep)
    .filter((part) => !/^\(.*\)$/.test(part))
    .join("/");

function exportedMethods(source: string): string[] {
  const found = new Set<string>();
  for (const m of source.matchAll(/export\s+(?:const|async\s+function|function)\s+(GET|HEAD|OPTIONS|POST|PUT|PATCH|DELETE)\b/g)) found.add(m[1]!);
  for (const m of source.matchAll(/export\s+(?:const\s*)?\{([^}]*)\}/g)) {
    for (const name of m[1]!.split(",").map((n) => n.trim().split(/\s+as\s+/).pop()!)) if (/^(GET|HEAD|OPTIONS|POST|PUT|PATCH|DELETE)$/.test(name)) found.add(name);
  }
  return [...found].sort();
}

describe("the route table", () => {
  const files = routeFiles(path.join(root, "app"));

  it("lists every route handler under app/ with exactly the methods it exports", () => {
    const scanned = Object.fromEntries(files.map((file) => [patternOf(file), exportedMethods(fs.readFileSync(file, "utf8"))]));
    const table = Object.fromEntries(Object.entries(ROUTES).map(([pattern, spec]) => [pattern, [...spec.methods].sort()]));
    expect(table).toEqual(scanned);
  });

  it("gives each route the body limit its handler reads with", () => {
    for (const file of files) {
      const source = fs.readFileSync(file, "utf8");
      const named = [...source.matchAll(/BODY_LIMITS\.(\w+)/g)].map((m) => m[1]!);
      const spec = ROUTES[patternOf(file)]!;
      for (const name of named) expect(spec.bodyLimit ?? BODY_LIMITS.json, `${patternOf(file)} reads with BODY_LIMITS.${name}`).toBe(BODY_LIMITS[name as keyof typeof BODY_LIMITS]);
    }
  });

  it("states the same server-action limit as next.config.js", () => {
    const config = fs.readFileSync(path.join(root, "next.config.js"), "utf8");
    const limit = /bodySizeLimit:\s*"(\d+)mb"/i.exec(config)?.[1];
    expect(Number(limit) * 1024 * 1024).toBe(BODY_LIMITS.serverAction);
  });

  it("matches paths as Next.js does: static segments before parameters before catch-alls", () => {
    expect(findRoute("/api/v1/seckill/bench/baseline")?.pattern).toBe("/api/v1/seckill/bench/baseline");
    expect(findRoute("/api/v1/seckill/42")?.pattern).toBe("/api/v1/seckill/[id]");
    expect(findRoute("/api/v1/seckill/bench")?.pattern).toBe("/api/v1/seckill/[id]");
    expect(findRoute("/api/v1/seckill/42/orders/")?.pattern).toBe("/api/v1/seckill/[id]/orders");
    expect(findRoute("/api/auth/oauth/qq/callback")?.pattern).toBe("/api/auth/oauth/[provider]/callback");
    expect(findRoute("/api/auth/callback/credentials")?.pattern).toBe("/api/auth/[...nextauth]");
    expect(findRoute("/uploads/images/2026/11/a.png")?.pattern).toBe("/uploads/[...key]");
    expect(findRoute("/uploads")).toBeNull();
    expect(findRoute("/api/v1/nothing")).toBeNull();
    expect(findRoute("/api/v1/courses/a/b")).toBeNull();
    expect(findRoute(["", "api", "v1", "courses", "a/b"])?.pattern).toBe("/api/v1/courses/[idOrSlug]");
  });

  it("allows HEAD with GET, and OPTIONS everywhere", () => {
    expect(allowedMethods({ methods: ["GET"] })).toEqual(["GET", "HEAD", "OPTIONS"]);
    expect(allowedMethods({ methods: ["POST"] })).toEqual(["OPTIONS", "POST"]);
    expect(allowedMethods({ methods: ["GET", "PUT", "PATCH", "DELETE"] })).toEqual(["GET", "HEAD", "OPTIONS", "PUT", "PATCH", "DELETE"]);
  });

  it("writes limits readably", () => {
    expect(formatBytes(BODY_LIMITS.json)).toBe("16 kB");
    expect(formatBytes(BODY_LIMITS.course)).toBe("2 MB");
    expect(formatBytes(BODY_LIMITS.imageUpload)).toBe("5.1 MB");
  });
});
