// The sandbox's pages: a confirm screen (Alipay cashier, UnionPay gateway), a "scan" page for WeChat Native,
// error pages, and the auto-submitting form UnionPay uses to send the learner back. Plain HTML, no scripts
// beyond the one-line auto-submit; labelled as a local sandbox so nobody mistakes it for the real thing.
import { escapeHtml as e } from "./payment-sandbox-core";

const yuan = (fen: number) => `¥${Math.floor(fen / 100)}.${String(fen % 100).padStart(2, "0")}`;

const layout = (title: string, body: string) => `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${e(title)}</title>
<style>body{font-family:system-ui,sans-serif;max-width:32rem;margin:3rem auto;padding:0 1rem;color:#222}
.badge{display:inline-block;background:#fde68a;padding:.1rem .5rem;border-radius:.25rem;font-size:.8rem}
.amount{font-size:2rem;font-weight:600;margin:.5rem 0}dl{display:grid;grid-template-columns:auto 1fr;gap:.25rem 1rem}
dt{color:#666}button{font-size:1rem;padding:.5rem 1.5rem;margin-right:.5rem}.qr{font-family:monospace;word-break:break-all;
border:1px dashed #999;padding:1rem}</style></head><body><p class="badge">本地支付沙箱 · Local payments sandbox</p>${body}</body></html>`;

export interface ConfirmPage {
  title: string;
  merchant: string;
  amountFen: number;
  subject: string;
  orderNo: string;
  action: string;
  hidden?: Record<string, string>;
}

export function confirmPage(p: ConfirmPage): string {
  const hidden = Object.entries(p.hidden ?? {}).map(([k, v]) => `<input type="hidden" name="${e(k)}" value="${e(v)}">`).join("");
  return layout(
    p.title,
    `<h1>${e(p.title)}</h1>
<p class="amount" data-testid="amount">${yuan(p.amountFen)}</p>
<dl><dt>商户</dt><dd data-testid="merchant">${e(p.merchant)}</dd><dt>商品</dt><dd>${e(p.subject)}</dd><dt>订单号</dt><dd>${e(p.orderNo)}</dd></dl>
<form method="post" action="${e(p.action)}">${hidden}<button type="submit" name="decision" value="pay">确认付款</button><button type="submit" name="decision" value="cancel">取消</button></form>`,
  );
}

export function scanPage(p: { merchant: string; amountFen: number; subject: string; orderNo: string; codeUrl: string; action: string; status: string }): string {
  const paid = p.status !== "pending";
  return layout(
    "微信支付（本地沙箱）",
    `<h1>微信支付 · 扫码</h1>
<p class="amount" data-testid="amount">${yuan(p.amountFen)}</p>
<dl><dt>商户</dt><dd data-testid="merchant">${e(p.merchant)}</dd><dt>商品</dt><dd>${e(p.subject)}</dd><dt>订单号</dt><dd>${e(p.orderNo)}</dd></dl>
<p>The merchant page shows this code_url as a QR code:</p><p class="qr" data-testid="code-url">${e(p.codeUrl)}</p>
${paid ? `<p data-testid="status">${p.status === "paid" ? "已支付" : "已关闭"}</p>` : `<form method="post" action="${e(p.action)}"><button type="submit" name="decision" value="pay">模拟扫码并支付</button></form>`}`,
  );
}

export function donePage(title: string, message: string, backUrl?: string): string {
  return layout(title, `<h1>${e(title)}</h1><p>${e(message)}</p>${backUrl ? `<p><a href="${e(backUrl)}">返回商户</a></p>` : ""}`);
}

export function errorPage(title: string, code: string, message: string): string {
  return layout(title, `<h1>${e(title)}</h1><p>错误代码 <code data-testid="error-code">${e(code)}</code></p><p>${e(message)}</p>`);
}

/** Sends the browser on with a POST, as UnionPay does to frontUrl. */
export function autoSubmitPage(action: string, fields: Record<string, string>): string {
  const inputs = Object.entries(fields).map(([k, v]) => `<input type="hidden" name="${e(k)}" value="${e(v)}">`).join("");
  return layout("正在返回商户", `<form id="back" method="post" action="${e(action)}">${inputs}<button type="submit">返回商户</button></form><script>document.getElementById("back").submit()</script>`);
}
