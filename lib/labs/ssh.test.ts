import { utils } from "ssh2";
import { describe, expect, it } from "vitest";
import { newLabKeys } from "./ssh";

describe("a lab session's keys", () => {
  it("are always a pair ssh2 can read back, though one raw pair in 256 is not", () => {
    // Without the check, 3,000 pairs hold an unreadable one with a probability of 1 - (255/256)^3000 > 99.99%.
    for (let i = 0; i < 3_000; i++) {
      const keys = newLabKeys();
      const parsed = utils.parseKey(keys.privateKey);
      expect(parsed).not.toBeInstanceOf(Error);
      expect(utils.parseKey(keys.publicKey)).not.toBeInstanceOf(Error);
      expect((parsed as { type: string }).type).toBe("ssh-ed25519");
    }
  });
});
