// The resources found in the code (resources.generated.ts), indexed for the decision function.
import { RouteTable } from "./match";
import { RESOURCES } from "./resources.generated";
import type { Resource } from "./types";

export { RESOURCES };

const byKey = new Map(RESOURCES.map((r) => [r.key, r]));
const table = new RouteTable(RESOURCES);

export const ALL_RESOURCE_KEYS: readonly string[] = RESOURCES.map((r) => r.key);

export function resourceByKey(key: string): Resource | undefined {
  return byKey.get(key);
}

/** The resource a request is for: an action by name (`ACTION users.setDisabled`), a route by method and path. */
export function findResource(method: string, route: string): Resource | undefined {
  if (method === "ACTION") return byKey.get(`ACTION ${route}`);
  return byKey.get(`${method.toUpperCase()} ${route}`) ?? table.find(method, route);
}
