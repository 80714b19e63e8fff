import { describe, expect, it } from "vitest";
import { avatarInitial } from "./avatar-initial";

describe("avatarInitial", () => {
  it("takes the first character, upper-cased", () => {
    expect(avatarInitial("ming")).toBe("M");
    expect(avatarInitial("  Élodie ")).toBe("É");
    expect(avatarInitial("王小明")).toBe("王");
  });

  it("keeps a whole emoji or a character outside the basic plane", () => {
    expect(avatarInitial("👩‍💻 dev")).toBe("👩‍💻");
    expect(avatarInitial("𠀀字")).toBe("𠀀");
  });

  it("falls back to a question mark for an empty name", () => {
    expect(avatarInitial("")).toBe("?");
    expect(avatarInitial("   ")).toBe("?");
  });
});
