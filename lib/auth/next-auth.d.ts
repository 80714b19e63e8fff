import "next-auth";

declare module "next-auth" {
  interface Session {
    /** The Redis-registered id of this browser session. */
    sessionId: string;
  }
}

declare module "@auth/core/jwt" {
  interface JWT {
    sid?: string;
  }
}
