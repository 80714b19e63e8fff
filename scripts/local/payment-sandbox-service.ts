// Runs the payments sandbox (payment-sandbox-main.ts) as a background process for one profile, like the OAuth
// stand-in, and answers the ALIPAY_* / WECHATPAY_* / UNIONPAY_* settings that point lib/payments at it.
import { daemonFiles, daemonRunning, spawnDaemon, stopDaemon } from "./daemon";
import { paymentSandboxEnv, type PaymentSandboxKeys } from "./payment-sandbox-keys";
import { assertPortFree, waitFor } from "./proc";
import { portVar, type Profile } from "./profile";

export { PAYMENT_ENV_NAMES } from "./payment-sandbox-keys";
export type PaymentEnv = ReturnType<typeof paymentSandboxEnv>;

export const paymentSandboxUrl = (p: Profile) => `http://127.0.0.1:${p.paymentPort}`;

async function answers(p: Profile): Promise<boolean> {
  const res = await fetch(`${paymentSandboxUrl(p)}/_sandbox/payments`, { signal: AbortSignal.timeout(1000) });
  await res.body?.cancel();
  return res.status === 200;
}

export async function startPaymentSandboxService(p: Profile, keys: PaymentSandboxKeys, log: (msg: string) => void): Promise<PaymentEnv> {
  const d = daemonFiles(p, "payment-sandbox");
  const env = paymentSandboxEnv(keys, paymentSandboxUrl(p));
  if (daemonRunning(d)) {
    await waitFor("payments sandbox", () => answers(p), 10_000, d.logFile);
    return env;
  }
  await assertPortFree(p.paymentPort, "the payments sandbox", portVar(p.name, "PAYMENT_PORT"));
  // Tests wait for retries in seconds, not hours.
  spawnDaemon(p, d, "payment-sandbox-main.ts", { PAYMENT_SANDBOX_PORT: String(p.paymentPort), PAYMENT_SANDBOX_KEYS: JSON.stringify(keys), PAYMENT_SANDBOX_RETRY_SCALE: p.name === "test" ? "0.001" : "1" });
  log(`Starting the Alipay / WeChat Pay / UnionPay sandbox on ${paymentSandboxUrl(p)} ...`);
  await waitFor("payments sandbox", () => answers(p), 20_000, d.logFile);
  return env;
}

export const stopPaymentSandboxService = (p: Profile): Promise<boolean> => stopDaemon(daemonFiles(p, "payment-sandbox"));
