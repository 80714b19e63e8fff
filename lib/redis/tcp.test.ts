import { describe, expect, it } from "vitest";
import { parseSentinels, tcpRedisOptions } from "./tcp";

describe("Redis over TCP behind Sentinel", () => {
  it("reads the Sentinels' addresses", () => {
    expect(parseSentinels("127.0.0.1:26480, sentinel-b.internal:26379")).toEqual([
      { host: "127.0.0.1", port: 26480 },
      { host: "sentinel-b.internal", port: 26379 },
    ]);
  });

  it("asks the Sentinels for the named master, keeping REDIS_URL's password, database and TLS", () => {
    const options = tcpRedisOptions("rediss://default:s%3Acret@ignored:6379/2", "10.0.0.1:26379", "xuefu");
    expect(options).toMatchObject({ sentinels: [{ host: "10.0.0.1", port: 26379 }], name: "xuefu", password: "s:cret", db: 2, tls: {} });
    expect(options.username).toBeUndefined();
    // A master demoted to replica answers READONLY: that must reconnect (and so ask the Sentinels again).
    expect(options.reconnectOnError?.(new Error("READONLY You can't write against a read only replica."))).toBe(true);
    expect(options.reconnectOnError?.(new Error("WRONGTYPE Operation against a key"))).toBe(false);
  });

  it("without Sentinels, changes nothing about the REDIS_URL connection", () => {
    expect(tcpRedisOptions("redis://127.0.0.1:6380", "", "xuefu")).toEqual({});
  });
});
