"use server";
// Saving the learner's notification channels from /account/notifications/settings: one checkbox per kind and
// channel (`<kind>:<channel>`), every kind saved, so an unchecked box is a choice too.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { currentUserId } from "@/lib/auth/current-user";
import { logger } from "@/lib/log";
import { savePreferences } from "./index";
import { CHANNELS, NOTIFICATION_KINDS, type Channels, type NotificationKind } from "./kinds";

const log = logger.child({ component: "notifications" });

export interface PreferencesState {
  ok: boolean | null;
}

export async function savePreferencesAction(_previous: PreferencesState, data: FormData): Promise<PreferencesState> {
  const userId = await currentUserId();
  if (userId === null) redirect("/sign-in?callbackUrl=/account/notifications/settings");
  const prefs = Object.fromEntries(
    NOTIFICATION_KINDS.map((kind) => [kind, Object.fromEntries(CHANNELS.map((channel) => [channel, data.get(`${kind}:${channel}`) === "on"])) as Channels]),
  ) as Record<NotificationKind, Channels>;
  try {
    await savePreferences(userId, prefs);
  } catch (error) {
    log.error({ err: error, userId }, "saving notification preferences failed");
    return { ok: false };
  }
  revalidatePath("/account/notifications/settings");
  return { ok: true };
}
