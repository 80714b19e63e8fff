// Every namespace a client component reads must reach the browser on every page that renders it. The test
// follows each route file's imports (app/**/page.tsx and the boundary files) to the "use client" files it
// renders, reads the namespaces those use (useTranslations("X"), or "X." prefixes under useTranslations()),
// and checks them against what the page is given: the base namespaces of the root layout plus every
// <ClientMessages namespaces={[...]}> in the page and in the layouts above it.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import zh from "./messages/zh-CN.json";
import { BASE_NAMESPACES, pickMessages } from "./client-messages";

const root = process.cwd();
const read = (file: string) => fs.readFileSync(file, "utf8");

function resolveImport(from: string, spec: string): string | null {
  let base: string;
  if (spec.startsWith("@/")) base = path.join(root, spec.slice(2));
  else if (spec.startsWith(".")) base = path.resolve(path.dirname(from), spec);
  else return null; // a package
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, path.join(base, "index.ts"), path.join(base, "index.tsx")]) {
    if (fs.existsSync(candidate) && fs.statSync(candidate).isFile() && /\.tsx?$/.test(candidate)) return candidate;
  }
  return null;
}

function importsOf(file: string): string[] {
  const text = read(file);
  const specs = [...text.matchAll(/(?:import|export)\s[^;]*?from\s+["']([^"']+)["']/g), ...text.matchAll(/import\(\s*["']([^"']+)["']\s*\)/g)].map((m) => m[1]!);
  return specs.map((spec) => resolveImport(file, spec)).filter((f): f is string => f !== null);
}

const isClient = (text: string) => /^\s*(\/\/[^\n]*\n\s*)*["']use client["']/.test(text);

/** Namespaces the client files reachable from `entry` read, each with one file that reads it. */
function clientNamespaces(entry: string): Map<string, string> {
  const found = new Map<string, string>();
  const seen = new Set<string>();
  const queue = [entry];
  while (queue.length) {
    const file = queue.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    const text = read(file);
    if (isClient(text)) {
      for (const m of text.matchAll(/useTranslations\(\s*["']([A-Za-z]+)/g)) if (!found.has(m[1]!)) found.set(m[1]!, file);
      if (/useTranslations\(\s*\)/.test(text)) for (const m of text.matchAll(/\bt\(\s*["'`]([A-Z][A-Za-z]+)\./g)) if (!found.has(m[1]!)) found.set(m[1]!, file);
    }
    queue.push(...importsOf(file));
  }
  return found;
}

/** The namespaces a file declares with <ClientMessages namespaces={[...]}>. */
function declared(file: string): string[] {
  if (!fs.existsSync(file)) return [];
  return [...read(file).matchAll(/<ClientMessages\s+namespaces=\{\[([^\]]*)\]\}/g)].flatMap((m) => [...m[1]!.matchAll(/["']([A-Za-z]+)["']/g)].map((n) => n[1]!));
}

function routeFiles(dir: string, out: string[] = []): string[] {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) routeFiles(full, out);
    else if (/^(page|layout|error|not-found|forbidden|unauthorized|loading|global-not-found|global-error)\.tsx$/.test(entry.name)) out.push(full);
  }
  return out;
}

/** What a route file is given: the base set, its own declarations, and those of the layouts above it. */
function provided(file: string): Set<string> {
  const names = new Set<string>([...BASE_NAMESPACES, ...declared(file)]);
  const appDir = path.join(root, "app");
  // A layout's boundary files (error, not-found, ...) render inside that same layout, so start at its folder.
  for (let dir = path.dirname(file); dir.startsWith(appDir); dir = path.dirname(dir)) {
    for (const name of declared(path.join(dir, "layout.tsx"))) names.add(name);
  }
  return names;
}

describe("client messages", () => {
  const files = routeFiles(path.join(root, "app"));

  it("finds the route files and the client components they render", () => {
    expect(files.length).toBeGreaterThan(30);
    const cart = files.find((f) => f.endsWith(path.join("cart", "page.tsx")))!;
    expect([...clientNamespaces(cart).keys()]).toContain("Cart");
  });

  it("give every page the namespaces its client components read", () => {
    const missing: string[] = [];
    for (const file of files) {
      const given = provided(file);
      for (const [ns, reader] of clientNamespaces(file)) {
        if (!given.has(ns)) missing.push(`${path.relative(root, file)}: "${ns}" (read by ${path.relative(root, reader)})`);
      }
    }
    expect(missing).toEqual([]);
  });

  it("declare only namespaces that exist, and pick just those", () => {
    const all = new Set([...BASE_NAMESPACES, ...files.flatMap(declared)]);
    for (const ns of all) expect(zh).toHaveProperty(ns);
    expect(Object.keys(pickMessages(zh, BASE_NAMESPACES)).sort()).toEqual([...BASE_NAMESPACES].sort());
  });
});
