// The lab socket's control frames and the lab form's limits: only the known shapes, within bounds.
import { describe, expect, it } from "vitest";
import { parseLabClientFrame } from "./protocol";
import { labInput } from "./schema";

describe("lab control frames", () => {
  it("accepts a check and a resize within bounds, and nothing else", () => {
    expect(parseLabClientFrame('{"t":"check"}')).toEqual({ t: "check" });
    expect(parseLabClientFrame('{"t":"resize","cols":120,"rows":40}')).toEqual({ t: "resize", cols: 120, rows: 40 });
    for (const bad of ['{"t":"resize","cols":100000,"rows":40}', '{"t":"resize","cols":1.5,"rows":40}', '{"t":"resize","cols":"80","rows":24}', '{"t":"exec","cmd":"id"}', "not json", "null", "[]"]) {
      expect(parseLabClientFrame(bad), bad).toBeNull();
    }
  });
});

describe("the lab form's input", () => {
  const valid = { lessonId: 5, title: "Lab", instructions: "<p>x</p>", setupScript: "", checkCommand: "true", minutes: 60, memoryMb: 256, processes: 64, cpuSeconds: 600, diskMb: 64 };
  it("takes limits within the host's bounds and refuses the rest", () => {
    expect(labInput.safeParse(valid).success).toBe(true);
    for (const [field, value] of [["minutes", 121], ["memoryMb", 4096], ["processes", 100_000], ["cpuSeconds", 1], ["diskMb", 0], ["checkCommand", " "]] as const) {
      expect(labInput.safeParse({ ...valid, [field]: value }).success, field).toBe(false);
    }
  });
});
