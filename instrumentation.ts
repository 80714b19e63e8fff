// Runs once when a server instance starts: configuration is checked before the first request, so a bad
// setting stops the instance with a message instead of failing requests later.
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { checkConfigOrExit } = await import("./lib/config/startup");
    checkConfigOrExit();
  }
}
