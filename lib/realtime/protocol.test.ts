// The wire protocol's parsing and the client's reconnect schedule, without sockets.
import { describe, expect, it } from "vitest";
import { backoffDelay } from "./client";
import { compareEventIds, parseClientFrame } from "./protocol";

describe("client frames", () => {
  it("accepts exactly the known shapes", () => {
    expect(parseClientFrame('{"t":"sub","ch":"room:5"}')).toEqual({ t: "sub", ch: "room:5" });
    expect(parseClientFrame('{"t":"sub","ch":"room:5","since":"1733450000000-3"}')).toEqual({ t: "sub", ch: "room:5", since: "1733450000000-3" });
    expect(parseClientFrame('{"t":"unsub","ch":"user:12"}')).toEqual({ t: "unsub", ch: "user:12" });
  });

  it("refuses anything else", () => {
    for (const text of ["", "null", "[]", '"sub"', "{not json", '{"t":"pub","ch":"room:5"}', '{"t":"sub","ch":"room:0"}', '{"t":"sub","ch":"room:5 "}', '{"t":"sub","ch":"admin:1"}', '{"t":"sub","ch":"room:5","since":"$"}', '{"t":"sub","ch":"room:5","since":5}'])
      expect(parseClientFrame(text), text).toBeNull();
  });

  it("orders stream ids by time, then sequence, beyond 2^53", () => {
    expect(compareEventIds("1733450000000-2", "1733450000000-10")).toBe(-1);
    expect(compareEventIds("1733450000001-0", "1733450000000-10")).toBe(1);
    expect(compareEventIds("9007199254740993-0", "9007199254740992-0")).toBe(1);
    expect(compareEventIds("5-5", "5-5")).toBe(0);
  });
});

describe("the reconnect schedule", () => {
  it("waits a random part of 1 s, 2 s, 4 s … capped at 30 s", () => {
    expect([0, 1, 2, 3, 4, 5, 6, 10].map((attempt) => backoffDelay(attempt, () => 0.999_999))).toEqual([999, 1999, 3999, 7999, 15999, 29999, 29999, 29999]);
    expect(backoffDelay(3, () => 0)).toBe(0);
  });
});
