// Start-up check of a Node.js server instance (called from instrumentation.ts).
import { ConfigError, env } from "./env";

export function checkConfigOrExit(): void {
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
