import "server-only";
import { ApiError } from "@/lib/http/api";

/** A parameter given twice (?limit=5&limit=50) is ambiguous: 400 rather than picking one. */
export function rejectRepeated(request: Request): void {
  const names = [...new URL(request.url).searchParams.keys()];
  const repeated = names.filter((name, i) => names.indexOf(name) !== i);
  if (repeated.length) throw new ApiError(400, "BAD_REQUEST", "A query parameter was given more than once.", Object.fromEntries(repeated.map((n) => [n, ["Give this parameter once."]])));
}
