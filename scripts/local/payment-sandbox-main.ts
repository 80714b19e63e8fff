// Entry point of the local payments sandbox:
//   PAYMENT_SANDBOX_PORT=8098 PAYMENT_SANDBOX_KEYS=<json> tsx scripts/local/payment-sandbox-main.ts
// PAYMENT_SANDBOX_KEYS is the `paymentSandbox` object of .data/secrets.json; PAYMENT_SANDBOX_RETRY_SCALE
// (default 1) shortens the providers' retry delays. Logs one JSON line when listening; stops on SIGTERM / SIGINT.
import pino from "pino";
import { startPaymentSandbox } from "./payment-sandbox";
import type { PaymentSandboxKeys } from "./payment-sandbox-keys";

const logger = pino({ base: { service: "payment-sandbox" }, timestamp: pino.stdTimeFunctions.isoTime });

async function main(): Promise<void> {
  const port = Number(process.env.PAYMENT_SANDBOX_PORT ?? "");
  if (!Number.isInteger(port) || port < 0 || port > 65535 || !process.env.PAYMENT_SANDBOX_PORT) throw new Error("PAYMENT_SANDBOX_PORT must be a port number (0 picks a free port)");
  const keys = JSON.parse(process.env.PAYMENT_SANDBOX_KEYS ?? "null") as PaymentSandboxKeys | null;
  if (!keys?.alipay || !keys.wechat || !keys.unionpay) throw new Error("PAYMENT_SANDBOX_KEYS must hold the paymentSandbox keys of .data/secrets.json");
  const retryScale = Number(process.env.PAYMENT_SANDBOX_RETRY_SCALE ?? "1");
  if (!(retryScale > 0)) throw new Error("PAYMENT_SANDBOX_RETRY_SCALE must be a positive number");
  const sandbox = await startPaymentSandbox({ port, keys, retryScale, log: (msg, fields) => logger.error(fields ?? {}, msg) });
  logger.info({ url: sandbox.url, port: sandbox.port, retryScale }, "Payments sandbox listening");
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, "Payments sandbox shutting down");
    await sandbox.close();
    process.exit(0);
  };
  process.on("SIGTERM", () => void stop("SIGTERM"));
  process.on("SIGINT", () => void stop("SIGINT"));
}

main().catch((error: unknown) => {
  logger.fatal({ error: error instanceof Error ? error.message : String(error) }, "Payments sandbox failed to start");
  process.exit(1);
});
