// Every namespace a client component reads must reach the browser: scan the "use client" files for
// useTranslations("X") and, for useTranslations() without a namespace, the "X." prefixes of their keys.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import zh from "./messages/zh-CN.json";
import { CLIENT_NAMESPACES, clientMessages } from "./client-messages";

function sources(dir: string, out: string[] = []): string[] {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) sources(full, out);
    else if (/\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name)) out.push(full);
  }
  return out;
}

describe("client messages", () => {
  it("include every namespace a client component reads", () => {
    const needed = new Set<string>();
    const clientFiles = ["app", "components", "lib"].flatMap((d) => sources(path.join(process.cwd(), d))).filter((f) => /^\s*["']use client["']/.test(fs.readFileSync(f, "utf8")));
    expect(clientFiles.length).toBeGreaterThan(10);
    for (const file of clientFiles) {
      const text = fs.readFileSync(file, "utf8");
      for (const m of text.matchAll(/useTranslations\(\s*["']([A-Za-z]+)/g)) needed.add(m[1]!);
      if (/useTranslations\(\s*\)/.test(text)) for (const m of text.matchAll(/\bt\(\s*["'`]([A-Z][A-Za-z]+)\./g)) needed.add(m[1]!);
    }
    expect([...needed].filter((ns) => !(CLIENT_NAMESPACES as readonly string[]).includes(ns))).toEqual([]);
  });

  it("name only namespaces that exist, and pick just those", () => {
    for (const ns of CLIENT_NAMESPACES) expect(zh).toHaveProperty(ns);
    expect(Object.keys(clientMessages(zh)).sort()).toEqual([...CLIENT_NAMESPACES].sort());
  });
});
