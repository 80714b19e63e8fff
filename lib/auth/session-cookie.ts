// The names Auth.js gives the browser session cookie: `__Secure-` on HTTPS, plain on http://localhost.
export const SESSION_COOKIE_NAMES = ["__Secure-authjs.session-token", "authjs.session-token"] as const;
