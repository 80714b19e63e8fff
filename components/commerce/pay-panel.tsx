"use client";
// The pay page's form: pick a provider, then go and pay the way it wants — follow Alipay's redirect, post
// UnionPay's signed form, or show WeChat Pay's QR code and wait here. While waiting, the order is polled
// (GET /api/v1/orders/{no}?refresh=1 also asks the provider, in case its notification is late), and the page
// moves on to the order once it is paid.
import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { formatFen } from "@/lib/catalogue/format";
import styles from "./commerce.module.css";

type Provider = "alipay" | "wechat" | "unionpay";
type HowToPay = { kind: "redirect"; url: string } | { kind: "form"; action: string; fields: Record<string, string> } | { kind: "qr"; codeUrl: string };

export function PayPanel({ orderNo, totalFen, providers, sandboxScanBase }: { orderNo: string; totalFen: number; providers: Provider[]; sandboxScanBase: string | null }) {
  const t = useTranslations("Orders");
  const locale = useLocale();
  const router = useRouter();
  const [provider, setProvider] = useState<Provider>(providers[0] ?? "alipay");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [qr, setQr] = useState<{ svg: string; codeUrl: string } | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const [form, setForm] = useState<{ action: string; fields: Record<string, string> } | null>(null);

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
        const res = await fetch(`/api/v1/orders/${orderNo}?refresh=1`, { cache: "no-store" }).catch(() => null);
        const body = res?.ok ? ((await res.json()) as { data: { status: string } }) : null;
        if (body && body.data.status !== "pending") {
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

  if (qr) {
    const pr = /[?&]pr=([^&]+)/.exec(qr.codeUrl)?.[1];
    return (
      <div className={styles.qr} data-testid="wechat-qr" data-code-url={qr.codeUrl}>
        <h2 className={styles.lineTitle}>{t("qrTitle")}</h2>
        {/* The SVG comes from our own encoder, from a code URL our server got from WeChat Pay. */}
        <div role="img" aria-label={t("qrTitle")} dangerouslySetInnerHTML={{ __html: qr.svg }} />
        <p className={styles.muted} role="status">
          {t("qrHint")} {t("waiting")}
        </p>
        {sandboxScanBase && pr ? (
          <a href={`${sandboxScanBase}/wechatpay/scan/${pr}`} target="_blank" rel="noreferrer" data-testid="sandbox-scan">
            {t("sandboxScan")}
          </a>
        ) : null}
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
      style={{ display: "grid", gap: "1rem" }}
    >
      <fieldset className={styles.providers}>
        <legend className={styles.lineTitle}>{t("chooseProvider")}</legend>
        {providers.map((p) => (
          <label key={p} className={styles.provider}>
            <input type="radio" name="provider" value={p} checked={provider === p} onChange={() => setProvider(p)} data-testid={`provider-${p}`} />
            {t(`provider_${p}`)}
          </label>
        ))}
      </fieldset>
      {error ? (
        <p className={styles.error} role="alert">
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
