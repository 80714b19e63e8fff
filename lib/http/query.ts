// Reading query strings with a zod schema: a parameter that does not parse is the client's mistake (400),
// with the offending parameters named in `details`.
import "server-only";
import { z } from "zod";
import { ApiError, fieldErrors } from "./api";

export { pageParams } from "./paging";

export function parseQuery<T extends z.ZodType>(url: string | URL, schema: T): z.infer<T> {
  const params = new URL(url).searchParams;
  const raw: Record<string, string> = {};
  for (const [k, v] of params) if (v !== "") raw[k] = v;
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw new ApiError(400, "BAD_REQUEST", "Some query parameters are not valid.", fieldErrors(parsed.error));
  return parsed.data;
}

export const pageMeta = (page: number, perPage: number, total: number) => ({ page, per_page: perPage, total });
