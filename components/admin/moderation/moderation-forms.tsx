"use client";
// The moderators' buttons: decide on an item (publish, hide, delete), mute its author for N days, and add or
// remove words of the admins' list. Plain forms that work before hydration; each outcome is announced.
import { useActionState, useId } from "react";
import { useTranslations } from "next-intl";
import { SubmitButton } from "@/components/account/submit-button";
import { decideAction, muteAction, wordAction, type ModerationState } from "@/lib/moderation/admin-actions";
import styles from "@/components/community/community.module.css";

const initial: ModerationState = { ok: false, message: null };

function Status({ state }: { state: ModerationState }) {
  const t = useTranslations("AdminModeration");
  return (
    <span role="status" className={state.ok ? styles.success : styles.error} data-testid="moderation-status">
      {state.message ? t(`messages.${state.message}` as "messages.approved") : null}
    </span>
  );
}

export function DecisionButtons({ type, id, status }: { type: "review" | "post"; id: number; status: string }) {
  const t = useTranslations("AdminModeration");
  const [state, action] = useActionState(decideAction, initial);
  return (
    <form action={action} className={styles.actions}>
      <input type="hidden" name="type" value={type} />
      <input type="hidden" name="id" value={id} />
      <SubmitButton size="sm" name="decision" value="publish" data-testid="moderation-approve">
        {status === "hidden" ? t("restore") : t("approve")}
      </SubmitButton>
      {status !== "hidden" ? (
        <SubmitButton size="sm" variant="secondary" name="decision" value="hide" data-testid="moderation-hide">
          {t("hide")}
        </SubmitButton>
      ) : null}
      <SubmitButton size="sm" variant="danger" name="decision" value="delete" data-testid="moderation-delete">
        {t("delete")}
      </SubmitButton>
      <Status state={state} />
    </form>
  );
}

export function MuteForm({ userId }: { userId: number }) {
  const t = useTranslations("AdminModeration");
  const [state, action] = useActionState(muteAction, initial);
  const id = useId();
  return (
    <form action={action} className={styles.actions}>
      <input type="hidden" name="userId" value={userId} />
      <label htmlFor={id}>{t("muteDays")}</label>
      <input id={id} name="days" type="number" min={1} max={365} defaultValue={7} style={{ width: "5rem" }} required />
      <SubmitButton size="sm" variant="secondary" data-testid="moderation-mute">
        {t("mute")}
      </SubmitButton>
      <Status state={state} />
    </form>
  );
}

export function AddWordForm() {
  const t = useTranslations("AdminModeration");
  const [state, action] = useActionState(wordAction, initial);
  const id = useId();
  return (
    <form action={action} className={styles.actions}>
      <input type="hidden" name="op" value="add" />
      <label htmlFor={id}>{t("wordField")}</label>
      <input id={id} name="word" maxLength={64} required data-testid="moderation-word" />
      <SubmitButton size="sm" data-testid="moderation-add-word">
        {t("addWord")}
      </SubmitButton>
      <Status state={state} />
    </form>
  );
}

export function RemoveWordButton({ id, word }: { id: number; word: string }) {
  const t = useTranslations("AdminModeration");
  const [state, action] = useActionState(wordAction, initial);
  return (
    <form action={action} className={styles.actions}>
      <input type="hidden" name="op" value="remove" />
      <input type="hidden" name="id" value={id} />
      <span>{word}</span>
      <SubmitButton size="sm" variant="ghost" aria-label={`${t("removeWord")} ${word}`}>
        {t("removeWord")}
      </SubmitButton>
      <Status state={state} />
    </form>
  );
}
