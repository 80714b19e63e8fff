import { afterAll, describe, expect, it } from "vitest";
import { closeDb } from "@/db";
import { checkHealth } from "./check";

afterAll(async () => {
  await closeDb();
});

describe("checkHealth", () => {
  it("reports both real dependencies as ok", async () => {
    await expect(checkHealth()).resolves.toEqual({ status: "ok", db: "ok", redis: "ok" });
  });
});
