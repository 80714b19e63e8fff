"use client";
// The items of an order, with the refund controls of a paid order: "Refund order" and a "Refund" per item
// open one confirmation dialog (a native <dialog>: focus moves into it and stays there, Esc closes it) that
// asks for the reason. The action (orders.refund) redirects back here with the result on success; a refusal
// (not refundable any more, already refunded, ...) is shown in the dialog.
import { useTranslations } from "next-intl";
import { useActionState, useEffect, useRef, useState, type FormEvent } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import tableStyles from "@/components/admin/admin-page.module.css";
import { refundOrder } from "@/lib/orders/admin-order-actions";
import { REFUND_REASON_MAX, refundInput, type RefundFormState } from "@/lib/orders/admin-refund-rules";
import styles from "./orders.module.css";

export interface PanelItem {
  id: number;
  kind: "course" | "membership";
  courseId: number | null;
  title: string;
  listPrice: string;
  price: string;
  paid: string;
  refunded: boolean;
  refundable: boolean;
  /** What a refund of the item gives back now (a membership term: its unused share). */
  refundableAmount: string;
}

interface Target {
  itemId?: number;
  title: string;
  amount: string;
}

const initial: RefundFormState = { ok: null };

export function OrderItemsPanel({ orderNo, items, canRefund, remaining }: { orderNo: string; items: PanelItem[]; canRefund: boolean; remaining: string }) {
  const t = useTranslations("AdminOrders");
  const [state, action, pending] = useActionState(refundOrder, initial);
  const [target, setTarget] = useState<Target | null>(null);
  const [reasonError, setReasonError] = useState<string | null>(null);
  // The answer on screen when the dialog was opened: a newer one belongs to this opening.
  const [openedWith, setOpenedWith] = useState<RefundFormState>(initial);
  const dialog = useRef<HTMLDialogElement>(null);
  const opener = useRef<HTMLElement | null>(null);

  useEffect(() => {
    const d = dialog.current;
    if (!d) return;
    if (target && !d.open) d.showModal();
    if (!target && d.open) d.close();
  }, [target]);

  const open = (next: Target, event: { currentTarget: HTMLElement }) => {
    opener.current = event.currentTarget;
    setReasonError(null);
    setOpenedWith(state);
    setTarget(next);
  };
  const close = () => {
    setTarget(null);
    opener.current?.focus();
  };
  const check = (event: FormEvent<HTMLFormElement>) => {
    const data = new FormData(event.currentTarget);
    const parsed = refundInput.safeParse({ orderNo, itemId: data.get("itemId") || undefined, reason: data.get("reason") });
    if (parsed.success) return setReasonError(null);
    event.preventDefault();
    const issue = parsed.error.issues.find((i) => i.path[0] === "reason")?.message;
    setReasonError(issue === "reason_too_long" ? t("refund.errors.reason_too_long") : t("refund.errors.reason_required"));
    event.currentTarget.querySelector<HTMLTextAreaElement>("textarea")?.focus();
  };
  const refusal = state.ok === false && state !== openedWith ? state : null;

  return (
    <div className={styles.form}>
      {canRefund ? (
        <div className={styles.row}>
          <Button type="button" variant="danger" size="sm" data-testid="refund-order" onClick={(e) => open({ title: t("refund.wholeOrder"), amount: remaining }, e)}>
            {t("refund.order")}
          </Button>
          <span className={styles.hint}>{t("refund.remaining", { amount: remaining })}</span>
        </div>
      ) : null}
      <div className={tableStyles.tableWrap}>
        <table className={tableStyles.table}>
          <thead>
            <tr>
              <th scope="col">{t("items")}</th>
              <th scope="col" className={tableStyles.num}>
                {t("detail.listPrice")}
              </th>
              <th scope="col" className={tableStyles.num}>
                {t("detail.price")}
              </th>
              <th scope="col" className={tableStyles.num}>
                {t("detail.paid")}
              </th>
              <th scope="col">{t("status")}</th>
              {canRefund ? <th scope="col">{t("detail.actions")}</th> : null}
            </tr>
          </thead>
          <tbody>
            {items.map((item) => (
              <tr key={item.id} data-testid={`order-item-${item.id}`}>
                <td>
                  {item.title}
                  {item.kind === "membership" ? (
                    <>
                      {" "}
                      <Badge tone="accent">{t("detail.kindMembership")}</Badge>
                    </>
                  ) : null}
                </td>
                <td className={tableStyles.num}>{item.listPrice}</td>
                <td className={tableStyles.num}>{item.price}</td>
                <td className={tableStyles.num}>{item.paid}</td>
                <td>{item.refunded ? <Badge tone="neutral">{t("detail.itemRefunded")}</Badge> : <Badge tone="success">{t("detail.itemActive")}</Badge>}</td>
                {canRefund ? (
                  <td>
                    {item.refundable ? (
                      <Button type="button" variant="secondary" size="sm" data-testid={`refund-item-${item.id}`} aria-label={t("refund.itemLabel", { title: item.title })} onClick={(e) => open({ itemId: item.id, title: item.title, amount: item.refundableAmount }, e)}>
                        {t("refund.item")}
                      </Button>
                    ) : null}
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <dialog ref={dialog} className={styles.dialog} aria-labelledby="refund-title" onClose={() => setTarget(null)} onCancel={close}>
        {target ? (
          <form action={action} onSubmit={check} className={styles.form} noValidate>
            <h2 id="refund-title" className={styles.sectionTitle}>
              {t("refund.confirmTitle")}
            </h2>
            <p id="refund-question">{t("refund.confirmText", { title: target.title, amount: target.amount })}</p>
            <input type="hidden" name="orderNo" value={orderNo} />
            {target.itemId ? <input type="hidden" name="itemId" value={target.itemId} /> : null}
            <label className={styles.form}>
              {t("refund.reason")}
              <textarea
                name="reason"
                className={styles.textarea}
                required
                maxLength={REFUND_REASON_MAX}
                data-testid="refund-reason"
                aria-invalid={reasonError ? true : undefined}
                aria-describedby={reasonError ? "refund-reason-error" : undefined}
                autoFocus
              />
            </label>
            <label className={styles.form}>
              {t("refund.amount", { amount: target.amount })}
              <input name="amount" inputMode="decimal" className={styles.input} placeholder={target.amount.replace(/[^\d.]/g, "")} data-testid="refund-amount" aria-describedby="refund-amount-hint" />
              <span id="refund-amount-hint" className={styles.hint}>
                {t("refund.amountHint")}
              </span>
            </label>
            {reasonError ? (
              <p id="refund-reason-error" role="alert" className={styles.error}>
                {reasonError}
              </p>
            ) : null}
            {refusal ? (
              <p role="alert" className={styles.error} data-testid="refund-error">
                {t(`refund.errors.${refusal.error}`)}
              </p>
            ) : null}
            <div className={styles.row}>
              <Button type="submit" variant="danger" loading={pending} data-testid="confirm-refund" aria-describedby="refund-question">
                {t("refund.confirm")}
              </Button>
              <Button type="button" variant="secondary" onClick={close} disabled={pending}>
                {t("refund.cancel")}
              </Button>
            </div>
          </form>
        ) : null}
      </dialog>
    </div>
  );
}
