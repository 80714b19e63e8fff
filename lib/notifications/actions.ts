"use server";
// Marking notifications read from the list page. The form sends only ids; the learner is the session's, and
// the update is scoped to their rows (lib/notifications/index.ts).
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { currentUserId } from "@/lib/auth/current-user";
import { markAllRead, markRead } from "./index";

const idSchema = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER);

async function requireUser(): Promise<number> {
  const userId = await currentUserId();
  if (userId === null) redirect("/sign-in?callbackUrl=/account/notifications");
  return userId;
}

export async function markReadAction(data: FormData): Promise<void> {
  const userId = await requireUser();
  const id = idSchema.safeParse(data.get("id"));
  if (!id.success) return;
  await markRead(userId, [id.data]);
  revalidatePath("/account/notifications");
}

export async function markAllReadAction(): Promise<void> {
  const userId = await requireUser();
  await markAllRead(userId);
  revalidatePath("/account/notifications");
}
