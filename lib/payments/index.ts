// The payment providers of this deployment, built once from the validated environment.
import "server-only";
import { env } from "@/lib/config/env";
import { alipayProvider } from "./alipay";
import { alipayConfigFrom, unionpayConfigFrom, wechatConfigFrom } from "./config";
import type { PaymentProvider, ProviderName } from "./types";
import { unionpayProvider } from "./unionpay";
import { wechatProvider } from "./wechat";

export * from "./types";
export { configuredProviders } from "./config";

const cache = new Map<ProviderName, PaymentProvider>();

const MISSING: Record<ProviderName, string> = {
  alipay: "ALIPAY_APP_ID, ALIPAY_SELLER_ID, ALIPAY_PRIVATE_KEY and ALIPAY_PUBLIC_KEY",
  wechat: "WECHATPAY_MCH_ID, WECHATPAY_APP_ID, WECHATPAY_PRIVATE_KEY, WECHATPAY_CERT_SERIAL, WECHATPAY_PLATFORM_PUBLIC_KEY, WECHATPAY_PLATFORM_KEY_ID and WECHATPAY_API_V3_KEY",
  unionpay: "UNIONPAY_MER_ID, UNIONPAY_PRIVATE_KEY, UNIONPAY_CERT_ID and UNIONPAY_VERIFY_CERT",
};

/** The provider by name; throws when this deployment has no settings for it. */
export function paymentProvider(name: ProviderName): PaymentProvider {
  const hit = cache.get(name);
  if (hit) return hit;
  const e = env();
  const built =
    name === "alipay" ? mapOrNull(alipayConfigFrom(e), alipayProvider) : name === "wechat" ? mapOrNull(wechatConfigFrom(e), wechatProvider) : mapOrNull(unionpayConfigFrom(e), unionpayProvider);
  if (!built) throw new Error(`${name} is not configured: set ${MISSING[name]}`);
  cache.set(name, built);
  return built;
}

function mapOrNull<C>(config: C | null, make: (c: C) => PaymentProvider): PaymentProvider | null {
  return config ? make(config) : null;
}
