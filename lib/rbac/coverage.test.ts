// No admin route left unguarded by omission. The scanner enumerates every admin page, API route and server
// action from the source; this file checks that the enumeration is complete and current, that a new
// unguarded one is caught, and then tries every resource for real: a learner is denied each one, and a user
// holding only one of its intended roles is let through.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { GENERATED_FILE, renderGenerated, scan, urlPattern } from "@/scripts/rbac/scanner";
import { signInAs, signOutOfRequest } from "@/test/request-context";
import { createTestUser } from "@/test/users";
import { RESOURCES } from "./registry";
import { requirePage } from "./guard";
import type { Resource } from "./types";

vi.mock("next/headers", () => import("@/test/request-context"));
vi.mock("next/cache", () => import("@/test/request-context"));

const root = process.cwd();
const DENIED = "NEXT_HTTP_ERROR_FALLBACK;403";
const UNAUTHENTICATED = "NEXT_HTTP_ERROR_FALLBACK;401";

function listFiles(dir: string, out: string[] = []): string[] {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) listFiles(full, out);
    else out.push(full);
  }
  return out;
}

/** Runs a guarded call and says how the guard answered. */
async function outcome(run: () => Promise<unknown>): Promise<"allowed" | "forbidden" | "unauthenticated" | "redirect"> {
  try {
    await run();
    return "allowed";
  } catch (error) {
    const digest = (error as { digest?: string }).digest ?? "";
    if (digest === DENIED) return "forbidden";
    if (digest === UNAUTHENTICATED) return "unauthenticated";
    if (digest.startsWith("NEXT_REDIRECT")) return "redirect";
    // Any other error came from past the guard (bad input, missing record): the guard let it in.
    return "allowed";
  }
}

describe("the resource list", () => {
  it("is found in the code without errors and the generated file is current", () => {
    const result = scan(root);
    expect(result.errors).toEqual([]);
    expect(fs.readFileSync(path.join(root, GENERATED_FILE), "utf8")).toBe(renderGenerated(result.resources));
    expect(RESOURCES.map((r) => r.key)).toEqual(result.resources.map((r) => r.key));
  });

  it("holds every page and route handler under /admin and /api/v1/admin", () => {
    const appDir = path.join(root, "app");
    const adminFiles = listFiles(appDir)
      .map((file) => ({ file, url: urlPattern(path.relative(appDir, file)), base: path.basename(file) }))
      .filter(({ url, base }) => /^(page|route)\.tsx?$/.test(base) && (url === "/admin" || url.startsWith("/admin/") || url.startsWith("/api/v1/admin")));
    expect(adminFiles.length).toBeGreaterThanOrEqual(5);
    for (const { file, url, base } of adminFiles) {
      const declared = RESOURCES.filter((r) => r.route === url && r.kind === (base.startsWith("page") ? "page" : "api"));
      expect(declared.length, `${path.relative(root, file)} has no resource`).toBeGreaterThan(0);
    }
  });

  it("holds every export of every admin action module", async () => {
    const modules = listFiles(path.join(root, "lib")).filter((f) => /(^|\/)admin-[^/]*\.ts$/.test(f) && !f.endsWith(".test.ts") && fs.readFileSync(f, "utf8").startsWith('"use server"'));
    for (const file of modules) {
      const rel = path.relative(root, file);
      const mod = (await import(/* @vite-ignore */ file)) as Record<string, unknown>;
      for (const name of Object.keys(mod)) {
        expect(RESOURCES.some((r) => r.kind === "action" && r.file === rel && r.symbol === name), `${rel} exports ${name} without a resource`).toBe(true);
      }
    }
  });

  describe("catches a newcomer without a permission", () => {
    let tmp: string;
    beforeAll(() => {
      tmp = fs.mkdtempSync(path.join(os.tmpdir(), "xuefu-rbac-"));
      const write = (rel: string, text: string) => {
        fs.mkdirSync(path.dirname(path.join(tmp, rel)), { recursive: true });
        fs.writeFileSync(path.join(tmp, rel), text);
      };
      write("app/(admin)/admin/reports/page.tsx", "export default async function Reports() { return null; }\n");
      write("app/api/v1/admin/reports/route.ts", 'import { apiRoute } from "@/lib/http/api";\nexport const GET = apiRoute(async () => Response.json({}));\n');
      write("lib/reports/admin-actions.ts", '"use server";\nexport async function deleteReport(id: number) { return id; }\nexport const wipe = async () => 1;\n');
      write("app/(admin)/admin/ok/page.tsx", 'export default adminPage("/admin/wrong", { category: "other", zh: "好", en: "OK", roles: ["course_admin"] }, async function P() { return null; });\n');
      write("components/admin/sneaky.tsx", 'import { updateProfile } from "@/lib/profile/actions";\nexport const x = updateProfile;\n');
      write("lib/profile/actions.ts", '"use server";\nexport async function updateProfile() {}\n');
    });
    afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

    it("reports each unguarded page, handler, action and import", () => {
      const { errors, resources } = scan(tmp);
      expect(resources).toEqual([]);
      const text = errors.join("\n");
      expect(text).toMatch(/admin\/reports\/page\.tsx: an admin page must be/);
      expect(text).toMatch(/admin\/reports\/route\.ts: GET must be `export const GET = adminApi/);
      expect(text).toMatch(/admin-actions\.ts: deleteReport must be/);
      expect(text).toMatch(/admin-actions\.ts: wipe is exported from an admin action module without adminAction/);
      expect(text).toMatch(/adminPage names "\/admin\/wrong" but the file serves "\/admin\/ok"/);
      expect(text).toMatch(/sneaky\.tsx: imports server actions from lib\/profile\/actions\.ts/);
    });
  });
});

describe("every resource, tried for real", () => {
  let learner: number;
  const byRole = new Map<string, number>();

  beforeAll(async () => {
    learner = await createTestUser([]);
    for (const role of new Set(RESOURCES.flatMap((r) => r.roles))) byRole.set(role, await createTestUser([role]));
  });

  const concrete = (route: string) => route.replace(/\[\.\.\.[^\]]+\]/g, "1/2").replace(/\[[^\]]+\]/g, "1");

  async function attempt(resource: Resource): Promise<string> {
    if (resource.kind === "page") return outcome(() => requirePage(resource.route));
    if (resource.kind === "api") {
      const mod = (await import(/* @vite-ignore */ path.join(root, resource.file))) as Record<string, (req: Request, ctx: unknown) => Promise<Response>>;
      const handler = mod[resource.method]!;
      const res = await handler(new Request(`http://localhost${concrete(resource.route)}`, { method: resource.method, headers: { "content-type": "application/json" }, body: resource.method === "GET" ? undefined : "{}" }), { params: Promise.resolve({ id: "1" }) });
      return res.status === 403 ? "forbidden" : res.status === 401 ? "unauthenticated" : "allowed";
    }
    const mod = (await import(/* @vite-ignore */ path.join(root, resource.file))) as Record<string, (...args: unknown[]) => Promise<unknown>>;
    return outcome(() => mod[resource.symbol!]!());
  }

  it("there is something to try", () => {
    expect(RESOURCES.filter((r) => r.kind === "page").length).toBeGreaterThanOrEqual(3);
    expect(RESOURCES.filter((r) => r.kind === "api").length).toBeGreaterThanOrEqual(2);
  });

  for (const resource of RESOURCES) {
    it(`${resource.key}: refuses a visitor and a learner, admits ${resource.roles.join(", ")}`, async () => {
      signOutOfRequest();
      expect(await attempt(resource)).toMatch(resource.kind === "page" ? /^redirect$/ : /^unauthenticated$/);
      await signInAs(learner);
      expect(await attempt(resource)).toBe("forbidden");
      for (const role of resource.roles) {
        await signInAs(byRole.get(role)!);
        expect(await attempt(resource), `as ${role}`).toBe("allowed");
      }
    });
  }
});
