// Each provider's settings from the validated environment, keys parsed once. A provider whose settings are
// absent is not configured: asking for it is a configuration error, not a silent no-op.
import "server-only";
import type { KeyObject } from "node:crypto";
import { env, type Env } from "@/lib/config/env";
import { loadPrivateKey, loadPublicKey } from "./keys";
import type { ProviderName } from "./types";

export interface AlipayConfig {
  appId: string;
  sellerId: string;
  privateKey: KeyObject;
  alipayPublicKey: KeyObject;
  gatewayUrl: string;
}

export interface WechatConfig {
  mchId: string;
  appId: string;
  privateKey: KeyObject;
  certSerial: string;
  platformPublicKey: KeyObject;
  platformKeyId: string;
  apiV3Key: string;
  baseUrl: string;
  /** Notifications and answers older (or newer) than this are refused; WeChat recommends 5 minutes. */
  maxSkewMs: number;
}

export interface UnionpayConfig {
  merId: string;
  privateKey: KeyObject;
  certId: string;
  /** UnionPay's signing certificate (PEM); a notification must carry this one in signPubKeyCert. */
  verifyCert: string;
  gatewayUrl: string;
}

export const alipayConfigFrom = (e: Env): AlipayConfig | null =>
  e.ALIPAY_APP_ID && e.ALIPAY_SELLER_ID && e.ALIPAY_PRIVATE_KEY && e.ALIPAY_PUBLIC_KEY
    ? {
        appId: e.ALIPAY_APP_ID,
        sellerId: e.ALIPAY_SELLER_ID,
        privateKey: loadPrivateKey(e.ALIPAY_PRIVATE_KEY),
        alipayPublicKey: loadPublicKey(e.ALIPAY_PUBLIC_KEY),
        gatewayUrl: e.ALIPAY_GATEWAY_URL,
      }
    : null;

export const wechatConfigFrom = (e: Env): WechatConfig | null =>
  e.WECHATPAY_MCH_ID && e.WECHATPAY_APP_ID && e.WECHATPAY_PRIVATE_KEY && e.WECHATPAY_CERT_SERIAL && e.WECHATPAY_PLATFORM_PUBLIC_KEY && e.WECHATPAY_PLATFORM_KEY_ID && e.WECHATPAY_API_V3_KEY
    ? {
        mchId: e.WECHATPAY_MCH_ID,
        appId: e.WECHATPAY_APP_ID,
        privateKey: loadPrivateKey(e.WECHATPAY_PRIVATE_KEY),
        certSerial: e.WECHATPAY_CERT_SERIAL,
        platformPublicKey: loadPublicKey(e.WECHATPAY_PLATFORM_PUBLIC_KEY),
        platformKeyId: e.WECHATPAY_PLATFORM_KEY_ID,
        apiV3Key: e.WECHATPAY_API_V3_KEY,
        baseUrl: e.WECHATPAY_BASE_URL.replace(/\/+$/, ""),
        maxSkewMs: 5 * 60_000,
      }
    : null;

export const unionpayConfigFrom = (e: Env): UnionpayConfig | null =>
  e.UNIONPAY_MER_ID && e.UNIONPAY_PRIVATE_KEY && e.UNIONPAY_CERT_ID && e.UNIONPAY_VERIFY_CERT
    ? {
        merId: e.UNIONPAY_MER_ID,
        privateKey: loadPrivateKey(e.UNIONPAY_PRIVATE_KEY),
        certId: e.UNIONPAY_CERT_ID,
        verifyCert: e.UNIONPAY_VERIFY_CERT.replace(/\\n/g, "\n"),
        gatewayUrl: e.UNIONPAY_GATEWAY_URL.replace(/\/+$/, ""),
      }
    : null;

/** The providers this deployment has settings for. */
export function configuredProviders(e: Env = env()): ProviderName[] {
  return [alipayConfigFrom(e) && "alipay", wechatConfigFrom(e) && "wechat", unionpayConfigFrom(e) && "unionpay"].filter(Boolean) as ProviderName[];
}
