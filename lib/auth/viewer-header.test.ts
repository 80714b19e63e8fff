import { describe, expect, it } from "vitest";
import { openViewer, sealViewer, type ForwardedViewer } from "./viewer-header";

const viewer: ForwardedViewer = { userId: 42, sessionId: "s3ss10n", name: "陈小北", admin: false };

describe("the forwarded viewer header", () => {
  it("opens what the middleware sealed for the same request", () => {
    expect(openViewer(sealViewer(viewer, "req-1"), "req-1")).toEqual(viewer);
    expect(openViewer(sealViewer({ ...viewer, admin: null }, "req-1"), "req-1")).toEqual({ ...viewer, admin: null });
  });

  it("refuses a value sealed for another request", () => {
    expect(openViewer(sealViewer(viewer, "req-1"), "req-2")).toBeNull();
    expect(openViewer(sealViewer(viewer, "req-1"), "")).toBeNull();
  });

  it("refuses a forged or altered value", () => {
    const sealed = sealViewer(viewer, "req-1");
    const [payload, mac] = sealed.split(".") as [string, string];
    const someoneElse = Buffer.from(JSON.stringify([1, "s3ss10n", "admin", true])).toString("base64url");
    expect(openViewer(`${someoneElse}.${mac}`, "req-1")).toBeNull();
    expect(openViewer(`${payload}.${mac.slice(0, -2)}AA`, "req-1")).toBeNull();
    expect(openViewer(`${payload}.`, "req-1")).toBeNull();
    expect(openViewer(payload, "req-1")).toBeNull();
    expect(openViewer(`${Buffer.from(JSON.stringify([1, "x", "n", true])).toString("base64url")}.forged`, "req-1")).toBeNull();
  });
});
