import { openApiDocument } from "@/lib/api-docs/openapi";

/** GET → the OpenAPI 3.1 document of the public API. Built from the handlers' zod schemas at build time. */
export function GET(): Response {
  return Response.json(openApiDocument(), { headers: { "cache-control": "public, max-age=300" } });
}
