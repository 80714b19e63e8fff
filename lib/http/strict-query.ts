// Query strings for the public GET API, read with one strict zod schema: an unknown, repeated or malformed
// parameter (page=abc) is a 400; a well-formed value outside what is allowed (page=0, sortby=cheapest) is a
// 422. Both answer with field errors keyed by parameter name. (./query.ts answers 400 for everything.)
import "server-only";
import { z } from "zod";
import { ApiError, fieldErrors } from "./api";

export function parseStrictQuery<T extends z.ZodType>(request: Request, schema: T): z.infer<T> {
  const params = new URL(request.url).searchParams;
  const seen = new Set<string>();
  const repeated = new Map<string, string[]>();
  for (const name of params.keys()) {
    if (seen.has(name)) repeated.set(name, ["Give this parameter once."]);
    seen.add(name);
  }
  if (repeated.size) throw new ApiError(400, "BAD_REQUEST", "A query parameter was given more than once.", Object.fromEntries(repeated));

  // fromEntries defines own properties, so a parameter named __proto__ is just an unknown parameter; field
  // errors are gathered in a Map for the same reason.
  const raw = Object.fromEntries(params);
  const parsed = schema.safeParse(raw);
  if (parsed.success) return parsed.data;

  const malformed = new Map<string, string[]>();
  const add = (name: string, message: string) => malformed.set(name, [...(malformed.get(name) ?? []), message]);
  for (const issue of parsed.error.issues) {
    if (issue.code === "unrecognized_keys") for (const name of issue.keys) add(name, "Unknown parameter.");
    // A missing required parameter is a validation error (422), a present one of the wrong type is malformed.
    const name = issue.path.join(".") || "_";
    if (issue.code === "invalid_type" && Object.hasOwn(raw, name)) add(name, `Expected ${issue.expected === "int" ? "an integer" : `a ${issue.expected}`}.`);
  }
  if (malformed.size) throw new ApiError(400, "BAD_REQUEST", "Some query parameters are unknown or malformed.", Object.fromEntries(malformed));
  throw new ApiError(422, "VALIDATION_FAILED", "Some query parameters are invalid.", fieldErrors(parsed.error));
}
