// Runs once when a server instance starts, before it handles the first request:
// - the HTTP server hook (lib/http/server-hook.ts) that tells the app each request's real peer address and
//   answers broken paths, wrong methods and oversized bodies before Next.js reads them;
// - configuration is checked, so a bad setting stops the instance with a message instead of failing requests later.
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { installServerHook } = await import("./lib/http/server-hook");
    installServerHook();
    const { checkConfigOrExit } = await import("./lib/config/startup");
    checkConfigOrExit();
  }
}
