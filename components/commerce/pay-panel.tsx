"use client";
// The pay page's form: the time left to pay, the choice of provider (a radio group of cards), then paying the
// way the provider wants — follow Alipay's redirect, post UnionPay's signed form, or show WeChat Pay's QR code
// and wait here (with a way back to the choice). While the QR code is shown, the order is polled (GET
// /api/v1/orders/{no}?refresh=1 also asks the provider, in case its notification is late), and the page moves
// on once it is paid. When the time to pay runs out, the page says so and offers the order instead.
import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { LinkButton } from "@/components/ui/link-button";
import { formatFen } from "@/lib/catalogue/format";
import commerce from "./commerce.module.css";
import { PayCountdown, useTimeLeft } from "./pay-countdown";
import styles from "./pay.module.css";
import { ProviderMark } from "./provider-mark";

type Provider = "alipay" | "wechat" | "unionpay";
type HowToPay = { kind: "redirect"; url: string } | { kind: "form"; action: string; fields: Record<string, string> } | { kind: "qr"; codeUrl: string };

export interface PayPanelProps {
  orderNo: string;
  totalFen: number;
  providers: Provider[];
  sandboxScanBase: string | null;
  /** ISO; null for an order without a deadline. */
  payBefore: string | null;
  /** The server's clock when the page was made (ms), which the countdown runs on. */
  serverNow: number;
}

export function PayPanel({ orderNo, totalFen, providers, sandboxScanBase, payBefore, serverNow }: PayPanelProps) {
  const t = useTranslations("Orders");
  const locale = useLocale();
  const router = useRouter();
  const [provider, setProvider] = useState<Provider>(providers[0] ?? "alipay");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [qr, setQr] = useState<{ svg: string; codeUrl: string } | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const choiceRef = useRef<HTMLFieldSetElement>(null);
  const [form, setForm] = useState<{ action: string; fields: Record<string, string> } | null>(null);
  const left = useTimeLeft(payBefore, serverNow);
  const timeUp = left === 0;

  useEffect(() => {
    if (form) formRef.current?.submit();
  }, [form]);

  // While the QR code is shown, wait for the payment.
  useEffect(() => {
    if (!qr) return;
    let stop = false;
    const tick = async () => {
      while (!stop) {
        await new Promise((r) => setTimeout(r, 2000));
        if (stop) return;
        const res = await fetch(`/api/v1/orders/${orderNo}?refresh=1`, { cache: "no-store" }).catch(() => null);
        const body = res?.ok ? ((await res.json()) as { data: { status: string } }) : null;
        if (body && body.data.status !== "pending" && !stop) {
          router.push(`/orders/${orderNo}/return?provider=wechat`);
          return;
        }
      }
    };
    void tick();
    return () => {
      stop = true;
    };
  }, [qr, orderNo, router]);

  async function start() {
    setBusy(true);
    setError(null);
    try {
      const res = await fetch(`/api/v1/orders/${orderNo}/payments`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ provider }) });
      const body = (await res.json().catch(() => null)) as { data?: HowToPay; error?: { message: string } } | null;
      if (!res.ok || !body?.data) {
        setError(t("payFailed", { message: body?.error?.message ?? String(res.status) }));
        setBusy(false);
        return;
      }
      const how = body.data;
      if (how.kind === "redirect") window.location.assign(how.url);
      else if (how.kind === "form") setForm({ action: how.action, fields: how.fields });
      else {
        const QRCode = await import("qrcode");
        setQr({ svg: await QRCode.toString(how.codeUrl, { type: "svg", margin: 1, errorCorrectionLevel: "M" }), codeUrl: how.codeUrl });
        setBusy(false);
      }
    } catch {
      setError(t("payFailed", { message: "network" }));
      setBusy(false);
    }
  }

  function chooseAgain() {
    setQr(null);
    // Back at the choice, keyboard and screen-reader users land on the selected provider.
    requestAnimationFrame(() => choiceRef.current?.querySelector<HTMLInputElement>("input:checked")?.focus());
  }

  const countdown =
    payBefore && left !== null && !timeUp ? (
      <PayCountdown deadline={payBefore} left={left} />
    ) : timeUp ? (
      <div className={styles.timeUp} role="alert" data-testid="pay-time-up">
        <p>{t("timeUp")}</p>
        <LinkButton href={`/orders/${orderNo}`} variant="secondary" data-testid="back-to-order">
          {t("viewOrder")}
        </LinkButton>
      </div>
    ) : null;

  if (timeUp) return countdown;

  if (qr) {
    const pr = /[?&]pr=([^&]+)/.exec(qr.codeUrl)?.[1];
    return (
      <div style={{ display: "grid", gap: "var(--space-4)" }}>
        {countdown}
        <div className={styles.qr} data-testid="wechat-qr" data-code-url={qr.codeUrl}>
          <h2 className={styles.qrTitle}>{t("qrTitle")}</h2>
          {/* The SVG comes from our own encoder, from a code URL our server got from WeChat Pay. */}
          <div role="img" aria-label={t("qrTitle")} dangerouslySetInnerHTML={{ __html: qr.svg }} />
          <p className={commerce.muted} role="status">
            {t("qrHint")} {t("waiting")}
          </p>
          {sandboxScanBase && pr ? (
            <a href={`${sandboxScanBase}/wechatpay/scan/${pr}`} target="_blank" rel="noreferrer" data-testid="sandbox-scan">
              {t("sandboxScan")}
            </a>
          ) : null}
          <Button variant="secondary" onClick={chooseAgain} data-testid="use-another-method">
            {t("useAnotherMethod")}
          </Button>
        </div>
      </div>
    );
  }

  return (
    <>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void start();
        }}
        style={{ display: "grid", gap: "var(--space-4)" }}
      >
        {countdown}
        <fieldset className={styles.providers} ref={choiceRef}>
          <legend className={styles.legend}>{t("chooseProvider")}</legend>
          {providers.map((p) => (
            <label key={p} className={styles.provider} data-testid={`provider-card-${p}`}>
              <input className={styles.radio} type="radio" name="provider" value={p} checked={provider === p} onChange={() => setProvider(p)} data-testid={`provider-${p}`} />
              <ProviderMark provider={p} />
              <span className={styles.providerText}>
                <span className={styles.providerName}>{t(`provider_${p}`)}</span>
                <span className={styles.providerHint}>{t(`providerHint_${p}`)}</span>
              </span>
              <span className={styles.check} aria-hidden="true">
                <svg width="14" height="14" viewBox="0 0 16 16" fill="none" stroke="currentColor" strokeWidth="2.2" strokeLinecap="round" strokeLinejoin="round">
                  <path d="M3.5 8.5l3 3 6-7" />
                </svg>
              </span>
            </label>
          ))}
        </fieldset>
        {error ? (
          <p className={commerce.error} role="alert">
            {error}
          </p>
        ) : null}
        <Button type="submit" size="lg" loading={busy} data-testid="pay">
          {busy ? t("starting") : t("pay", { amount: formatFen(totalFen, locale) })}
        </Button>
      </form>
      {form ? (
        <form ref={formRef} method="post" action={form.action} hidden>
          {Object.entries(form.fields).map(([name, value]) => (
            <input key={name} type="hidden" name={name} value={value} />
          ))}
        </form>
      ) : null}
    </>
  );
}
