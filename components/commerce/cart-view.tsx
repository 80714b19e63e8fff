"use client";
// The cart page. The items come from the browser's cart (lib/cart/store.ts), so the page works offline with
// what was last seen; online, the server prices them (POST /api/v1/cart/quote) for this learner, and the page
// shows what changed since. Placing the order sends ids only, with the total the learner saw: if the server's
// total differs, nothing is ordered and the new prices are shown.
import Link from "next/link";
import { useRouter, useSearchParams } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { useEffect, useMemo, useRef, useState, useSyncExternalStore } from "react";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Input } from "@/components/ui/input";
import { LinkButton } from "@/components/ui/link-button";
import { useCartStore, useHydrated } from "@/lib/cart/store";
import { formatFen } from "@/lib/catalogue/format";
import { CartLine } from "./cart-line";
import { CartReview } from "./cart-review";
import styles from "./cart.module.css";
import commerce from "./commerce.module.css";
import type { Quote } from "./quote-types";

function subscribeOnline(callback: () => void) {
  window.addEventListener("online", callback);
  window.addEventListener("offline", callback);
  return () => {
    window.removeEventListener("online", callback);
    window.removeEventListener("offline", callback);
  };
}
const useOnline = () =>
  useSyncExternalStore(
    subscribeOnline,
    () => navigator.onLine,
    () => true,
  );

/** The review step lives in the address (?step=review), so the browser's back button returns to the cart. */
const REVIEW_STEP = "review";

export function CartView({ signedIn, buyCourseId }: { signedIn: boolean; buyCourseId: number | null }) {
  const t = useTranslations("Cart");
  const locale = useLocale();
  const router = useRouter();
  const searchParams = useSearchParams();
  const hydrated = useHydrated();
  const online = useOnline();
  const items = useCartStore((s) => s.items);
  const { add, remove, removeMany, remember } = useCartStore.getState();
  const [couponInput, setCouponInput] = useState("");
  const [coupon, setCoupon] = useState<string | null>(null);
  const [notice, setNotice] = useState<{ tone: "notice" | "error"; text: string; orderNo?: string } | null>(null);
  const [placing, setPlacing] = useState(false);
  // Whether this page put the review step into the history (then "back to the cart" is the browser's back).
  const pushedReview = useRef(false);
  // What each item cost when the cart was last priced, before this visit's quote (to say what changed).
  const [seenBefore] = useState(() => new Map(useCartStore.getState().items.map((i) => [i.courseId, i.seenPriceFen])));

  // "Buy now" from a course page: put the course in the cart first.
  useEffect(() => {
    if (hydrated && buyCourseId !== null) add(buyCourseId);
  }, [hydrated, buyCourseId, add]);

  const ids = useMemo(() => items.map((i) => i.courseId), [items]);
  const requestKey = `${ids.join(",")}|${coupon ?? ""}`;
  const [result, setResult] = useState<{ key: string; quote: Quote | null; error: boolean } | null>(null);
  const [lastQuote, setLastQuote] = useState<Quote | null>(null);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    if (!hydrated || !online || ids.length === 0) return;
    let live = true;
    const key = requestKey;
    const request = JSON.stringify({ courseIds: ids, coupon: coupon ?? undefined });
    void (async () => {
      // A request sent the moment the connection comes back, or one that meets a restarting server, may fail:
      // try again a little later, three times, before saying the prices could not be loaded.
      for (let tries = 0; live; tries++) {
        try {
          const res = await fetch("/api/v1/cart/quote", { method: "POST", headers: { "content-type": "application/json" }, body: request });
          if (res.status >= 500) throw new Error(String(res.status));
          const body = res.ok ? ((await res.json()) as { data: Quote }) : null;
          if (!live) return;
          if (!body) return void setResult({ key, quote: null, error: true });
          setResult({ key, quote: body.data, error: false });
          setLastQuote(body.data);
          remember(
            body.data.lines
              .filter((l) => l.title)
              .map((l) => ({
                courseId: l.courseId,
                title: l.title ?? undefined,
                slug: l.slug ?? undefined,
                seenPriceFen: l.priceFen,
                teacherName: l.teacherName ?? undefined,
                categoryRootId: l.categoryRootId ?? undefined,
              })),
          );
          return;
        } catch {
          if (!live) return;
          if (tries >= 3) return void setResult({ key, quote: null, error: true });
          await new Promise((resolve) => setTimeout(resolve, 1_000 * 2 ** tries));
        }
      }
    })();
    return () => {
      live = false;
    };
    // requestKey stands for ids and coupon; attempt re-runs it on "retry".
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [hydrated, online, requestKey, attempt, remember]);

  const loading = online && ids.length > 0 && result?.key !== requestKey;
  const quote = ids.length === 0 ? null : lastQuote;
  const quoteError = online && result?.key === requestKey && result.error;
  const setQuote = (q: Quote) => {
    setResult({ key: requestKey, quote: q, error: false });
    setLastQuote(q);
  };

  if (!hydrated) return <p className={commerce.muted}>{t("loadingPrices")}</p>;

  if (items.length === 0) {
    return <EmptyState title={t("empty")} description={t("emptyHint")} action={<LinkButton href="/courses">{t("browse")}</LinkButton>} />;
  }

  const lineFor = (courseId: number) => quote?.lines.find((l) => l.courseId === courseId);
  const blocked = quote?.lines.filter((l) => l.status !== "ok" && l.status !== "pending") ?? [];
  const buyable = quote?.lines.filter((l) => l.status === "ok") ?? [];
  const money = (fen: number) => formatFen(fen, locale);
  const canCheckout = signedIn && online && quote !== null && buyable.length > 0 && !loading;
  // The review step shows only what the server has just priced; anything else sends the learner to the cart.
  const reviewing = searchParams.get("step") === REVIEW_STEP && canCheckout;

  function openReview() {
    setNotice(null);
    pushedReview.current = true;
    window.history.pushState(null, "", `/cart?step=${REVIEW_STEP}`);
    window.scrollTo({ top: 0 });
  }

  function backToCart() {
    if (pushedReview.current) {
      pushedReview.current = false;
      window.history.back();
    } else window.history.replaceState(null, "", "/cart");
  }

  async function placeOrder() {
    if (!quote) return;
    setPlacing(true);
    setNotice(null);
    try {
      const res = await fetch("/api/v1/orders", {
        method: "POST",
        headers: { "content-type": "application/json" },
        // The learner ticked the box on the review step; the server refuses an order without it.
        body: JSON.stringify({ courseIds: buyable.map((l) => l.courseId), coupon: coupon ?? undefined, expectedTotalFen: quote.totalFen, accept_terms: true }),
      });
      const body = (await res.json().catch(() => null)) as { data?: { orderNo: string; status: string }; error?: { code: string; message: string; details?: { quote?: Quote; orderNo?: string } } } | null;
      if (res.status === 201 && body?.data) {
        removeMany(buyable.map((l) => l.courseId));
        router.replace(body.data.status === "paid" ? `/orders/${body.data.orderNo}` : `/orders/${body.data.orderNo}/pay`);
        return;
      }
      if (res.status === 401) {
        router.push(`/sign-in?callbackUrl=${encodeURIComponent("/cart")}`);
        return;
      }
      if (body?.error?.details?.quote) setQuote(body.error.details.quote);
      const changed = ["ORDER_PENDING", "PRICE_CHANGED", "CART_CHANGED", "COUPON_INVALID"].includes(body?.error?.code ?? "");
      if (body?.error?.code === "ORDER_PENDING") setNotice({ tone: "notice", text: t("orderPendingNotice"), orderNo: body.error.details?.orderNo });
      else if (changed) setNotice({ tone: "notice", text: t("changedNotice") });
      else setNotice({ tone: "error", text: t("checkoutFailed", { message: body?.error?.message ?? String(res.status) }) });
      // What changed is shown on the cart's lines: go back there to see it.
      if (changed) backToCart();
    } catch {
      setNotice({ tone: "error", text: t("checkoutFailed", { message: "network" }) });
    } finally {
      setPlacing(false);
    }
  }

  const noticeView = notice ? (
    <p className={notice.tone === "error" ? commerce.error : commerce.notice} role="alert" data-testid="cart-notice">
      {notice.text}
      {notice.orderNo ? (
        <>
          {" "}
          <Link href={`/orders/${notice.orderNo}/pay`}>{t("payPending")}</Link>
        </>
      ) : null}
    </p>
  ) : null;

  if (reviewing && quote) return <CartReview quote={quote} placing={placing} notice={noticeView} onPlace={() => void placeOrder()} onBack={backToCart} />;

  return (
    <div className={styles.layout}>
      <div className={styles.main}>
        {!online ? (
          <p className={commerce.notice} role="status" data-testid="cart-offline">
            {t("offline")}
          </p>
        ) : null}
        {online && quoteError ? (
          <p className={commerce.error} role="alert">
            {t("pricesFailed")}{" "}
            <Button variant="ghost" size="sm" onClick={() => setAttempt((n) => n + 1)}>
              {t("retry")}
            </Button>
          </p>
        ) : null}
        {noticeView}
        <ul className={styles.lines} aria-busy={loading} data-testid="cart-lines">
          {items.map((item) => (
            <CartLine key={item.courseId} item={item} line={lineFor(item.courseId)} seenBefore={seenBefore.get(item.courseId)} onRemove={() => remove(item.courseId)} />
          ))}
        </ul>
        {blocked.length > 0 ? (
          <div>
            <Button variant="secondary" size="sm" onClick={() => removeMany(blocked.map((l) => l.courseId))}>
              {t("removeUnavailable")}
            </Button>
          </div>
        ) : null}
      </div>

      <div className={styles.summaryColumn}>
        <Card as="section" className={styles.summary} aria-labelledby="cart-summary" data-testid="cart-summary">
          <h2 id="cart-summary" className={styles.heading}>
            {t("itemsCount", { count: buyable.length || items.length })}
          </h2>
          <form
            className={styles.couponRow}
            onSubmit={(event) => {
              event.preventDefault();
              setCoupon(couponInput.trim() || null);
            }}
          >
            <Input
              label={t("coupon")}
              placeholder={t("couponPlaceholder")}
              value={couponInput}
              maxLength={32}
              onChange={(e) => setCouponInput(e.target.value)}
              error={quote?.coupon && !quote.coupon.ok ? t(`couponError_${quote.coupon.error}`) : undefined}
              data-testid="coupon-input"
            />
            <Button type="submit" variant="secondary" disabled={!online}>
              {t("applyCoupon")}
            </Button>
          </form>
          {quote?.coupon?.ok ? (
            <p className={commerce.success} role="status">
              {t("couponApplied", { code: quote.coupon.code })}{" "}
              <Button
                variant="ghost"
                size="sm"
                onClick={() => {
                  setCoupon(null);
                  setCouponInput("");
                }}
              >
                {t("removeCoupon")}
              </Button>
            </p>
          ) : null}
          {quote ? (
            <dl className={styles.sums}>
              <dt>{t("subtotal")}</dt>
              <dd>{money(quote.subtotalFen)}</dd>
              {quote.discountFen > 0 ? (
                <>
                  <dt>{t("discount")}</dt>
                  <dd>−{money(quote.discountFen)}</dd>
                </>
              ) : null}
              <dt className={styles.total}>{t("total")}</dt>
              <dd className={styles.total} data-testid="cart-total">
                {money(quote.totalFen)}
              </dd>
            </dl>
          ) : null}
          {signedIn ? (
            <Button block size="lg" onClick={openReview} disabled={!canCheckout} data-testid="checkout">
              {t("checkout")}
            </Button>
          ) : (
            <>
              <LinkButton href={`/sign-in?callbackUrl=${encodeURIComponent("/cart")}`} block size="lg" data-testid="sign-in-to-checkout">
                {t("signInToCheckout")}
              </LinkButton>
              <p className={commerce.muted}>{t("signInHint")}</p>
            </>
          )}
          {quote && buyable.length === 0 ? <p className={commerce.muted}>{t("nothingToBuy")}</p> : null}
        </Card>
      </div>
    </div>
  );
}
