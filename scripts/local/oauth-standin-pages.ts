// The HTML of the stand-in's sign-in pages: plain forms a person or a Playwright test fills in, clearly marked
// as local stand-ins so nobody mistakes them for the real QQ, WeChat or Weibo.
import type { Identity } from "./oauth-standin-core";

const escape = (text: string) =>
  text.replace(/[&<>"']/g, (ch) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[ch] ?? ch);

const STYLE = `
body{font-family:system-ui,"PingFang SC","Microsoft YaHei",sans-serif;background:#f4f5f7;margin:0;color:#1f2328}
main{max-width:440px;margin:48px auto;background:#fff;border-radius:12px;padding:28px;box-shadow:0 2px 12px #0002}
h1{font-size:22px;margin:0 0 8px}.note{background:#fff4ce;border:1px solid #e7c95a;padding:8px 12px;border-radius:6px;font-size:13px}
label{display:block;margin:14px 0 4px;font-size:14px}input[type=text],input[type=url]{width:100%;box-sizing:border-box;padding:8px;font-size:15px}
.actions{display:flex;gap:12px;margin-top:20px}button{padding:10px 18px;font-size:15px;border-radius:6px;border:1px solid #888;cursor:pointer}
.actions button:first-child{background:#1677ff;color:#fff;border-color:#1677ff}.error{color:#b42318;font-size:14px}
.qr{width:180px;height:180px;margin:16px auto 8px;border:8px solid #fff;outline:1px solid #ccc;
background:repeating-conic-gradient(#222 0 25%,#fff 0 50%) 0 0/20px 20px}.center{text-align:center}small{color:#666}`;

function layout(title: string, body: string): string {
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<meta name="robots" content="noindex"><title>${escape(title)}</title><style>${STYLE}</style></head>
<body><main>${body}</main></body></html>`;
}

export interface AuthorizePage {
  title: string;
  /** Which app is asking, as the provider would show it. */
  clientId: string;
  action: string;
  requestId: string;
  userIdLabel: string;
  userIdPattern: RegExp;
  identity: Identity;
  /** WeChat: show the (fake) QR code and the "confirm on the phone" button. */
  qrCode: boolean;
  error?: string;
}

export function authorizePage(page: AuthorizePage): string {
  const qr = page.qrCode
    ? `<div class="center"><div class="qr" role="img" aria-label="模拟二维码（本地模拟，无法扫描）"></div>
<small>模拟二维码：本地没有手机可扫，请在下方填写测试身份后确认</small><br>
<button type="submit" name="confirm" value="phone">在手机上确认登录</button></div>`
    : "";
  const pattern = page.userIdPattern.source.replace(/^\^|\$$/g, "");
  const body = `<h1>${escape(page.title)}</h1>
<p class="note">这是本地模拟的登录页，不会连接真实服务。应用 <code>${escape(page.clientId)}</code> 请求获取你的昵称和头像。</p>
${page.error ? `<p class="error" role="alert">${escape(page.error)}</p>` : ""}
<form method="post" action="${escape(page.action)}">
<input type="hidden" name="request" value="${escape(page.requestId)}">
${qr}
<label for="user_id">${escape(page.userIdLabel)}</label>
<input type="text" id="user_id" name="user_id" required pattern="${escape(pattern)}" value="${escape(page.identity.userId)}">
<label for="nickname">昵称</label>
<input type="text" id="nickname" name="nickname" required maxlength="32" value="${escape(page.identity.nickname)}">
<label for="avatar">头像 URL（可留空）</label>
<input type="url" id="avatar" name="avatar" value="${escape(page.identity.avatarUrl)}">
<div class="actions">
<button type="submit">授权并登录</button>
<button type="submit" name="deny" value="1" formnovalidate>拒绝</button>
</div>
</form>`;
  return layout(page.title, body);
}

export function errorPage(title: string, code: string, message: string): string {
  return layout(title, `<h1>${escape(title)}</h1><p class="note">本地模拟</p><p class="error" role="alert">错误码 ${escape(code)}：${escape(message)}</p>`);
}

/** A small generated avatar, so the default identities have a picture that loads. */
export function avatarSvg(seed: string): string {
  const hue = [...seed].reduce((sum, ch) => (sum * 31 + ch.charCodeAt(0)) % 360, 7);
  const letter = escape([...seed][0]?.toUpperCase() ?? "?");
  return `<svg xmlns="http://www.w3.org/2000/svg" width="100" height="100" viewBox="0 0 100 100">
<rect width="100" height="100" fill="hsl(${hue},60%,55%)"/><text x="50" y="64" font-size="44" text-anchor="middle" fill="#fff" font-family="sans-serif">${letter}</text></svg>`;
}
