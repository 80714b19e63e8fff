import path from "node:path";
import { defineConfig } from "vitest/config";

// Unit and integration tests. Integration tests use the real MariaDB and Redis that `npm test` starts for the
// test profile (scripts/test.ts passes their settings in the environment).
export default defineConfig({
  resolve: {
    alias: {
      "@": path.resolve(__dirname),
      // `server-only` throws outside React Server Components; tests run server code directly.
      "server-only": path.resolve(__dirname, "test/server-only-stub.ts"),
    },
  },
  test: {
    environment: "node",
    globalSetup: ["test/global-setup.ts"],
    include: ["**/*.test.ts"],
    exclude: ["node_modules/**", ".next*/**", ".data/**", "e2e/**"],
    testTimeout: 20_000,
    hookTimeout: 60_000,
    // Two cores: integration files share one database, so run files one at a time.
    fileParallelism: false,
    allowOnly: !process.env.CI,
    // next-auth imports "next/server" without an extension, which Node's ESM resolver refuses; let Vite resolve it.
    server: { deps: { inline: ["next-auth"] } },
    // forbidden() and unauthorized() need the flag next.config.js sets for the app.
    env: { LOG_LEVEL: process.env.LOG_LEVEL ?? "silent", __NEXT_EXPERIMENTAL_AUTH_INTERRUPTS: "true" },
  },
});
