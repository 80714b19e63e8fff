import { describe, expect, it } from "vitest";
import { ConfigError, parseEnv } from "./env";

const valid = {
  DATABASE_URL: "mysql://xuefu:secret@127.0.0.1:3307/xuefu",
  UPSTASH_REDIS_REST_URL: "http://127.0.0.1:8079",
  UPSTASH_REDIS_REST_TOKEN: "a-token-of-enough-length",
  REDIS_URL: "redis://127.0.0.1:6380",
  AUTH_SECRET: "x".repeat(48),
  AUTH_JWT_KEYS: JSON.stringify([{ kty: "RSA", kid: "k1", n: "AQAB", e: "AQAB", d: "AQAB" }]),
};

describe("parseEnv", () => {
  it("accepts a complete configuration and fills defaults", () => {
    const env = parseEnv(valid);
    expect(env.NODE_ENV).toBe("development");
    expect(env.REDIS_KEY_PREFIX).toBe("xuefu");
    expect(env.DATABASE_POOL_SIZE).toBe(10);
  });

  it("reads TRUSTED_PROXIES as addresses and CIDR ranges, and names the entries that are not", () => {
    expect(parseEnv(valid).TRUSTED_PROXIES).toBe("");
    expect(parseEnv({ ...valid, TRUSTED_PROXIES: "127.0.0.1, ::1, 10.0.0.0/8, 2001:db8::/32" }).TRUSTED_PROXIES).toBe("127.0.0.1, ::1, 10.0.0.0/8, 2001:db8::/32");
    expect(() => parseEnv({ ...valid, TRUSTED_PROXIES: "10.0.0.1, nginx, 10.0.0.0/40" })).toThrow(/TRUSTED_PROXIES: .*not valid: nginx, 10\.0\.0\.0\/40/);
  });

  it("names every missing setting in one error", () => {
    let error: unknown;
    try {
      parseEnv({});
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as ConfigError).message;
    for (const name of ["DATABASE_URL", "UPSTASH_REDIS_REST_URL", "UPSTASH_REDIS_REST_TOKEN", "REDIS_URL", "AUTH_SECRET", "AUTH_JWT_KEYS"]) {
      expect(message).toContain(`${name}: ${name} is not set`);
    }
    expect(message).toContain(".env.example");
  });

  it("rejects a URL of the wrong kind and an empty value instead of falling back", () => {
    expect(() => parseEnv({ ...valid, DATABASE_URL: "postgres://db/xuefu" })).toThrow(/DATABASE_URL must be a mysql: or mariadb: URL/);
    expect(() => parseEnv({ ...valid, REDIS_URL: "" })).toThrow(/REDIS_URL is not set/);
    expect(() => parseEnv({ ...valid, AUTH_SECRET: "short" })).toThrow(/AUTH_SECRET must be at least 32 characters/);
    expect(() => parseEnv({ ...valid, REDIS_KEY_PREFIX: "Bad Prefix" })).toThrow(/REDIS_KEY_PREFIX/);
    expect(() => parseEnv({ ...valid, AUTH_JWT_KEYS: "[]" })).toThrow(/AUTH_JWT_KEYS must be a JSON array/);
    expect(() => parseEnv({ ...valid, AUTH_JWT_KEYS: JSON.stringify([{ kty: "RSA", kid: "public-only", n: "AQAB", e: "AQAB" }]) })).toThrow(/AUTH_JWT_KEYS/);
  });
});
