// Browser sign-in with Auth.js (next-auth 5). Its session cookie holds our RS256 token (jwt.ts), whose
// session id is registered in Redis (session-registry.ts): decoding checks both, so a revoked session is
// signed out on the next request to any instance. The configuration is built per request (lazy), so
// `next build` needs no secrets.
import "server-only";
import NextAuth, { CredentialsSignin, type NextAuthConfig } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { headers } from "next/headers";
import { env } from "@/lib/config/env";
import { getLocale } from "next-intl/server";
import { clientIp } from "@/lib/http/api";
import { resolveLocale } from "@/lib/i18n/config";
import { signToken, verifyToken } from "./jwt";
import { redeemTicket } from "./oauth-flow";
import { isSessionActive, registerSession, revokeSession } from "./session-registry";
import { signInWithPassword } from "./sign-in-guard";
import { findUserById, recordSignIn } from "./users";

export const WEB_SESSION_TTL_SECONDS = 30 * 24 * 60 * 60;

/** Reasons a password sign-in fails, as codes the sign-in form translates. */
export class InvalidCredentials extends CredentialsSignin {
  code = "invalid_credentials";
}
export class SignInThrottled extends CredentialsSignin {
  code = "rate_limited";
}
export class AccountDisabled extends CredentialsSignin {
  code = "account_disabled";
}
export class InvalidTicket extends CredentialsSignin {
  code = "invalid_ticket";
}
/** Too many failed sign-ins: the form must send the code mailed or texted to the account (sign-in-guard.ts). */
export class VerificationRequired extends CredentialsSignin {
  code = "verification_required";
}
export class VerificationFailed extends CredentialsSignin {
  code = "verification_failed";
}

async function requestMeta(): Promise<{ userAgent: string; ip: string }> {
  const h = await headers();
  return { userAgent: h.get("user-agent") ?? "", ip: clientIp(new Request("http://local", { headers: h })) };
}

function config(): NextAuthConfig {
  return {
    secret: env().AUTH_SECRET,
    trustHost: true,
    session: { strategy: "jwt", maxAge: WEB_SESSION_TTL_SECONDS },
    pages: { signIn: "/sign-in" },
    providers: [
      Credentials({
        credentials: { login: {}, password: {}, code: {} },
        async authorize(raw) {
          const login = typeof raw.login === "string" ? raw.login.trim() : "";
          const password = typeof raw.password === "string" ? raw.password : "";
          const code = typeof raw.code === "string" ? raw.code : undefined;
          if (!login || !password) throw new InvalidCredentials();
          const { ip } = await requestMeta();
          const result = await signInWithPassword({ login, password, code, ip, locale: resolveLocale(await getLocale().catch(() => null)) });
          if (!result.ok) {
            if (result.reason === "rate_limited") throw new SignInThrottled();
            if (result.reason === "account_disabled") throw new AccountDisabled();
            if (result.reason === "verification_required") throw new VerificationRequired();
            if (result.reason === "verification_failed") throw new VerificationFailed();
            throw new InvalidCredentials();
          }
          const user = result.user;
          await recordSignIn(user.id);
          return { id: String(user.id), name: user.name, email: user.email };
        },
      }),
      // The end of a QQ / WeChat / Weibo sign-in (oauth-flow.ts): a one-time ticket issued by our own
      // callback after the provider vouched for the person, redeemed here without a password.
      Credentials({
        id: "oauth-ticket",
        name: "Social sign-in ticket",
        credentials: { ticket: {} },
        async authorize(raw) {
          const userId = typeof raw.ticket === "string" ? await redeemTicket(raw.ticket) : null;
          if (userId === null) throw new InvalidTicket();
          const user = await findUserById(userId);
          if (!user) throw new InvalidTicket();
          if (user.disabled) throw new AccountDisabled();
          await recordSignIn(user.id);
          return { id: String(user.id), name: user.name, email: user.email };
        },
      }),
    ],
    jwt: {
      async encode({ token, maxAge }) {
        if (!token?.sub || typeof token.sid !== "string") throw new Error("session token without a user or session id");
        return signToken({ sub: token.sub, sid: token.sid, kind: "web" }, maxAge ?? WEB_SESSION_TTL_SECONDS, undefined, { name: String(token.name ?? "") });
      },
      async decode({ token }) {
        if (!token) return null;
        const result = await verifyToken(token);
        if (!result.ok || result.claims.kind !== "web") return null;
        if (!(await isSessionActive(result.claims.sid))) return null;
        return { sub: result.claims.sub, sid: result.claims.sid, name: typeof result.claims.name === "string" ? result.claims.name : null };
      },
    },
    callbacks: {
      async jwt({ token, user }) {
        if (user?.id) {
          const session = await registerSession(Number(user.id), "web", await requestMeta(), WEB_SESSION_TTL_SECONDS);
          return { sub: user.id, sid: session.sid, name: user.name };
        }
        return token;
      },
      async session({ session, token }) {
        session.user.id = token.sub ?? "";
        session.sessionId = typeof token.sid === "string" ? token.sid : "";
        return session;
      },
    },
    events: {
      async signOut(message) {
        const sid = "token" in message ? message.token?.sid : undefined;
        if (typeof sid === "string") await revokeSession(sid);
      },
    },
  };
}

export const { handlers, auth, signIn, signOut } = NextAuth(() => config());
