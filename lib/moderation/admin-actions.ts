"use server";
// The moderators' decisions at /admin/moderation, each checked against its own permission and written to the
// audit log in the decision's transaction: publish (approve a held post, restore a hidden one), hide or delete
// a review or lesson post (through lib/reviews and lib/qa, which own them and keep ratings and answer counts
// right); mute an author for N days; add and remove words of the admins' list.
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { db } from "@/db";
import { userMutes } from "@/db/schema";
import { logger } from "@/lib/log";
import { setPostStatus } from "@/lib/qa/writes";
import { adminAction } from "@/lib/rbac/guard";
import { reviewStatusChanged, setReviewStatus } from "@/lib/reviews/writes";
import { resolveReports } from "./reports";
import { addWord, removeWord, wordListChanged } from "./word-list";

const log = logger.child({ component: "moderation-actions" });

export interface ModerationState {
  ok: boolean;
  /** A key under AdminModeration.messages. */
  message: string | null;
}

const id = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER);
const decisionInput = z.object({
  type: z.enum(["review", "post"]),
  id,
  decision: z.enum(["publish", "hide", "delete"]),
});
const muteInput = z.object({ userId: id, days: z.coerce.number().int().min(1).max(365), reason: z.string().trim().max(255).optional().default("") });
const wordInput = z.object({ op: z.enum(["add", "remove"]), word: z.string().trim().max(64).optional(), id: id.optional() });

const STATUS = { publish: "published", hide: "hidden", delete: "deleted" } as const;
const fields = (form: FormData) => Object.fromEntries(form.entries());

export const decideAction = adminAction(
  "moderation.decide",
  { category: "content", zh: "审核评价与问答", en: "Approve, hide or delete posts", roles: ["content_moderator", "content_admin"] },
  async (admin, _prev: ModerationState, form: FormData): Promise<ModerationState> => {
    const parsed = decisionInput.safeParse(fields(form));
    if (!parsed.success) return { ok: false, message: "invalid" };
    const { type, id: targetId, decision } = parsed.data;
    const status = STATUS[decision];
    const now = new Date();
    try {
      const before = await db().transaction(async (tx) => {
        const was = type === "review" ? await setReviewStatus(tx, targetId, status) : await setPostStatus(tx, targetId, status);
        if (!was) return null;
        await resolveReports(tx, type, targetId, now);
        await admin.audit(tx, {
          targetType: type === "review" ? "review" : "lesson_post",
          targetId,
          summary: `${decision} ${type} ${targetId} by user ${was.userId}: ${was.body.slice(0, 80)}`,
          before: { status: was.status },
          after: { status },
        });
        return was;
      });
      if (!before) return { ok: false, message: "not_found" };
      if (type === "review") await reviewStatusChanged(before.courseId);
      revalidatePath("/admin/moderation");
      return { ok: true, message: decision === "publish" ? "approved" : decision === "hide" ? "hidden" : "deleted" };
    } catch (error) {
      log.error({ err: error, type, targetId, decision }, "moderation decision failed");
      return { ok: false, message: "invalid" };
    }
  },
);

export const muteAction = adminAction(
  "moderation.mute",
  { category: "content", zh: "禁言作者", en: "Mute authors", roles: ["content_moderator", "content_admin"] },
  async (admin, _prev: ModerationState, form: FormData): Promise<ModerationState> => {
    const parsed = muteInput.safeParse(fields(form));
    if (!parsed.success) return { ok: false, message: "invalid" };
    const { userId, days, reason } = parsed.data;
    const until = new Date(Date.now() + days * 86_400_000);
    await db().transaction(async (tx) => {
      await tx.insert(userMutes).values({ userId, until, reason, createdBy: admin.userId }).onDuplicateKeyUpdate({ set: { until, reason, createdBy: admin.userId } });
      await admin.audit(tx, { targetType: "user", targetId: userId, summary: `Muted user ${userId} for ${days} days${reason ? `: ${reason}` : ""}`, after: { until: until.toISOString(), days } });
    });
    revalidatePath("/admin/moderation");
    return { ok: true, message: "muted" };
  },
);

export const wordAction = adminAction(
  "moderation.words",
  { category: "content", zh: "维护敏感词", en: "Edit the sensitive-word list", roles: ["content_moderator", "content_admin"] },
  async (admin, _prev: ModerationState, form: FormData): Promise<ModerationState> => {
    const parsed = wordInput.safeParse(fields(form));
    if (!parsed.success) return { ok: false, message: "invalid" };
    const { op, word, id: wordId } = parsed.data;
    if (op === "add") {
      if (!word) return { ok: false, message: "invalid" };
      const added = await db().transaction(async (tx) => {
        const result = await addWord(tx, word, admin.userId);
        if (result.added) await admin.audit(tx, { targetType: "moderation_word", targetId: result.word, summary: `Added the word “${result.word}”`, after: { word: result.word } });
        return result;
      });
      if (!added.word) return { ok: false, message: "invalid" };
      if (!added.added) return { ok: false, message: "wordExists" };
    } else {
      if (!wordId) return { ok: false, message: "invalid" };
      const removed = await db().transaction(async (tx) => {
        const was = await removeWord(tx, wordId);
        if (was) await admin.audit(tx, { targetType: "moderation_word", targetId: wordId, summary: `Removed the word “${was}”`, before: { word: was } });
        return was;
      });
      if (!removed) return { ok: false, message: "not_found" };
    }
    await wordListChanged();
    revalidatePath("/admin/moderation");
    return { ok: true, message: op === "add" ? "wordAdded" : "wordRemoved" };
  },
);
