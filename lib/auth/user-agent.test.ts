import { describe, expect, it } from "vitest";
import { describeUserAgent } from "./user-agent";

describe("describing a device from its user agent", () => {
  it("names the common browsers and systems, including those that also claim to be Chrome or Safari", () => {
    const cases: Array<[string, { browser: string; os: string }]> = [
      ["Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36", { browser: "Chrome", os: "Windows" }],
      ["Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36 Edg/130.0.0.0", { browser: "Edge", os: "Windows" }],
      ["Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1", { browser: "Safari", os: "iPhone" }],
      ["Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0 Mobile Safari/537.36 MicroMessenger/8.0.50", { browser: "WeChat", os: "Android" }],
      ["Mozilla/5.0 (Macintosh; Intel Mac OS X 14.0; rv:131.0) Gecko/20100101 Firefox/131.0", { browser: "Firefox", os: "macOS" }],
    ];
    for (const [ua, expected] of cases) expect(describeUserAgent(ua), ua).toEqual(expected);
  });

  it("gives up on what it does not recognise rather than guessing", () => {
    expect(describeUserAgent("")).toBeNull();
    expect(describeUserAgent("SomethingElse/1.0")).toBeNull();
  });
});
