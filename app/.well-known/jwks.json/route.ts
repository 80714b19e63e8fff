import { publicJwks } from "@/lib/auth/keys";

export const dynamic = "force-dynamic";

/** The public keys that verify Xuefu's session and API tokens (current and previous). */
export async function GET(): Promise<Response> {
  return Response.json(await publicJwks(), {
    headers: { "cache-control": "public, max-age=300", "content-type": "application/jwk-set+json" },
  });
}
