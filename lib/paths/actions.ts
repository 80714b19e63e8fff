"use server";
// Following and unfollowing a course or a learning path from its page or the account's list. The form sends
// only the target; the learner is the session's.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { currentUserId } from "@/lib/auth/current-user";
import { follow, unfollow } from "./follows";

const targetSchema = z.object({
  type: z.enum(["course", "path"]),
  id: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER),
  follow: z.enum(["1", "0"]),
  back: z.string().regex(/^\/(courses|paths|account)(\/[\w\-%.]*)*$/).max(300),
});

export async function followAction(data: FormData): Promise<void> {
  const parsed = targetSchema.safeParse({ type: data.get("type"), id: data.get("id"), follow: data.get("follow"), back: data.get("back") });
  if (!parsed.success) return;
  const { type, id, back } = parsed.data;
  const userId = await currentUserId();
  if (userId === null) redirect(`/sign-in?callbackUrl=${encodeURIComponent(back)}`);
  if (parsed.data.follow === "1") await follow(userId, type, id);
  else await unfollow(userId, type, id);
  revalidatePath(back);
  revalidatePath("/account/following");
}
