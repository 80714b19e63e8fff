// Paging, the same on every list the API answers (public and admin): `page` from 1, `per_page` from 1.
//
// A per_page above the largest page is read as the largest page, everywhere, rather than refused: the answer's
// meta.per_page (and the Link header where there is one) states the size used, so a client asking for "as
// many as you can" gets a working answer and pages on correctly, and the public API has always done so, so
// no published client breaks. A per_page below 1 or not a whole number is still a mistake and refused.
// Pure zod, free of server imports: the public schemas (lib/catalogue/api-schemas.ts) and the OpenAPI document use it.
import { z } from "zod";

export const MAX_PER_PAGE = 100;
export const DEFAULT_PER_PAGE = 20;
export const MAX_PAGE = 100_000;

export const pageParams = {
  page: z.coerce.number().int().min(1).max(MAX_PAGE).default(1).describe("Page number, from 1."),
  per_page: z.coerce
    .number()
    .int()
    .min(1)
    .default(DEFAULT_PER_PAGE)
    .transform((n) => Math.min(n, MAX_PER_PAGE))
    .describe(`Items per page, ${DEFAULT_PER_PAGE} by default; a value above ${MAX_PER_PAGE} is read as ${MAX_PER_PAGE} (meta.per_page says which was used).`),
};
