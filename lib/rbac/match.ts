// Finds the resource a request is for: method + concrete path against the route patterns of the resources.
// `[id]` matches one path segment, `[...rest]` one or more. Static segments win over dynamic ones, so
// `/admin/roles/new` is its own resource and not `/admin/roles/[id]`.
import type { Resource } from "./types";

interface Compiled {
  resource: Resource;
  regex: RegExp;
  /** Higher is more specific: counts static segments, used to order candidates. */
  weight: number;
}

function compile(resource: Resource): Compiled {
  const segments = resource.route.split("/").filter(Boolean);
  let weight = 0;
  const parts = segments.map((segment) => {
    if (/^\[\.\.\.[^\]]+\]$/.test(segment)) return "(?:/[^/]+)+";
    if (/^\[[^\]]+\]$/.test(segment)) return "/[^/]+";
    weight += 1;
    return `/${segment.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`;
  });
  return { resource, regex: new RegExp(`^${parts.join("")}/?$`), weight: weight * 1000 + segments.length };
}

export class RouteTable {
  private readonly byMethod = new Map<string, Compiled[]>();

  constructor(resources: readonly Resource[]) {
    for (const resource of resources) {
      if (resource.kind === "action") continue;
      const list = this.byMethod.get(resource.method) ?? [];
      list.push(compile(resource));
      this.byMethod.set(resource.method, list);
    }
    for (const list of this.byMethod.values()) list.sort((a, b) => b.weight - a.weight);
  }

  /** The resource for `method path`; HEAD counts as GET. Undefined when nothing is declared for it. */
  find(method: string, path: string): Resource | undefined {
    const m = method.toUpperCase() === "HEAD" ? "GET" : method.toUpperCase();
    let decoded: string;
    try {
      decoded = decodeURIComponent(path);
    } catch {
      return undefined;
    }
    if (decoded.includes("/../") || decoded.endsWith("/..")) return undefined;
    return this.byMethod.get(m)?.find((c) => c.regex.test(path))?.resource;
  }
}
