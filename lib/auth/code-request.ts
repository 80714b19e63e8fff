// The body of POST /api/v1/auth/codes, shared by the route and the OpenAPI document.
import { z } from "zod";
import { codePurposes } from "./codes";
import { identifierSchema } from "./identifiers";

export const codeRequestSchema = z.object({
  purpose: z.enum(codePurposes, { error: "Purpose must be sign_up or reset_password." }),
  target: identifierSchema,
});
