// Runs once when a server instance starts: configuration is checked before the first request, so a bad
// setting stops the instance with a message instead of failing requests later.
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { env, ConfigError } = await import("@/lib/config/env");
  try {
    env();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
}
