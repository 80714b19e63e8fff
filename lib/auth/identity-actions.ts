"use server";
// The Unlink button of the linked-providers list. The account comes from the session cookie, never the form;
// Next.js checks a server action's Origin against the host (CSRF).
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { logger } from "@/lib/log";
import { auth } from "./auth";
import { unlinkIdentity } from "./identities";
import { OAUTH_PROVIDER_IDS } from "./oauth/types";

export type UnlinkState = { error: "sign_in_required" | "not_linked" | "last_sign_in_method" | "unavailable" | null; done: boolean };

const form = z.object({ provider: z.enum(OAUTH_PROVIDER_IDS) });

export async function unlinkProviderAction(_prev: UnlinkState, data: FormData): Promise<UnlinkState> {
  const session = await auth();
  const userId = Number(session?.user?.id);
  if (!session || !Number.isInteger(userId) || userId <= 0) return { error: "sign_in_required", done: false };
  const parsed = form.safeParse({ provider: data.get("provider") });
  if (!parsed.success) return { error: "not_linked", done: false };
  try {
    const result = await unlinkIdentity(userId, parsed.data.provider);
    if (result !== "unlinked") return { error: result, done: false };
  } catch (error) {
    logger.error({ err: error, userId, provider: parsed.data.provider }, "unlinking a provider failed");
    return { error: "unavailable", done: false };
  }
  revalidatePath("/account");
  return { error: null, done: true };
}
