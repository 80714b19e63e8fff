// Vitest global setup. Under `npm test` the services are already prepared and their settings are in the
// environment; a test file run on its own (`npx vitest run path`) prepares them here.
import { prepareTestServices } from "../scripts/local/test-env";

export default async function setup(): Promise<void> {
  if (process.env.XUEFU_TEST_PREPARED === "1") return;
  const services = await prepareTestServices({ log: (msg) => console.log(`[test] ${msg}`) });
  Object.assign(process.env, services, { XUEFU_TEST_PREPARED: "1" });
}
