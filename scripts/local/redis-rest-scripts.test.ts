import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { createScriptTranslator, redisCompatibleScript } from "./redis-rest-scripts";

const sha = (s: string) => createHash("sha1").update(s).digest("hex");

describe("Upstash-only script flags", () => {
  it("drops allow-key-locking and keeps every other flag and option", () => {
    expect(redisCompatibleScript("#!lua flags=allow-key-locking\nreturn 1")).toBe("return 1");
    expect(redisCompatibleScript("#!lua flags=no-writes,allow-key-locking\nreturn 1")).toBe("#!lua flags=no-writes\nreturn 1");
    expect(redisCompatibleScript("#!lua name=x flags=allow-key-locking\nreturn 1")).toBe("#!lua name=x\nreturn 1");
    expect(redisCompatibleScript("#!lua flags=no-writes\nreturn 1")).toBeNull();
    expect(redisCompatibleScript("return 1")).toBeNull();
  });

  it("maps EVALSHA of the original script to the script Redis holds", () => {
    const translate = createScriptTranslator();
    const original = "#!lua flags=allow-key-locking\nreturn 1";
    const unknownSha = sha(original); // not seen in an EVAL yet: passes through unchanged
    expect(translate(["EVALSHA", unknownSha, "0"])).toEqual(["EVALSHA", unknownSha, "0"]);
    const [, rewritten] = translate(["EVAL", original, "0"]);
    expect(rewritten).toBe("return 1");
    expect(translate(["evalsha", sha(original), "0"])).toEqual(["evalsha", sha("return 1"), "0"]);
    expect(translate(["GET", "k"])).toEqual(["GET", "k"]);
  });
});
