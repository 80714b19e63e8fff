// Aliyun's wire formats: the RPC signature v1 against the worked example of Aliyun's documentation, the OSS
// header signature and the type-A key against the layouts the documentation gives, and every check the
// callback and the CDN make, tried with tampered, moved and stale input.
import { createHash, createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import {
  canonicalQuery,
  checkTypeA,
  checkVodCallback,
  decodeBase64Json,
  encodeBase64Json,
  ossObjectUrl,
  ossSignature,
  percentEncode,
  rpcSignature,
  signRpc,
  typeAAuthKey,
  vodCallbackSignature,
} from "./aliyun-protocol";

describe("RPC signature v1", () => {
  it("matches the worked example of Aliyun's signature documentation", () => {
    const params = { AccessKeyId: "testid", Action: "DescribeRegions", Format: "XML", SignatureMethod: "HMAC-SHA1", SignatureNonce: "3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf", SignatureVersion: "1.0", Timestamp: "2016-02-23T12:46:24Z", Version: "2014-05-26" };
    expect(rpcSignature("testsecret", "GET", params)).toBe("OLeaidS1JvxuMvnyHOwuJ+uX5qY=");
  });

  it("percent-encodes as Aliyun specifies: space %20, * %2A, ~ kept, UTF-8 bytes", () => {
    expect(percentEncode("a b*c~d'e(f)!")).toBe("a%20b%2Ac~d%27e%28f%29%21");
    expect(percentEncode("课程/1+1=2")).toBe("%E8%AF%BE%E7%A8%8B%2F1%2B1%3D2");
    expect(canonicalQuery({ b: "2", a: "1", Signature: "x", B: "3" })).toBe("B=3&a=1&b=2");
  });

  it("signs every common parameter, and any change breaks the signature", () => {
    const signed = signRpc({ accessKeyId: "AKIDstandin0001", accessKeySecret: "secret-secret-123" }, "GetPlayInfo", { VideoId: "abc" }, { now: Date.UTC(2026, 0, 2, 3, 4, 5), nonce: "n-1" });
    expect(signed).toMatchObject({ Action: "GetPlayInfo", Version: "2017-03-21", Format: "JSON", SignatureMethod: "HMAC-SHA1", SignatureVersion: "1.0", SignatureNonce: "n-1", Timestamp: "2026-01-02T03:04:05Z" });
    expect(rpcSignature("secret-secret-123", "POST", signed)).toBe(signed.Signature);
    expect(rpcSignature("secret-secret-123", "POST", { ...signed, VideoId: "abd" })).not.toBe(signed.Signature);
    expect(rpcSignature("secret-secret-123", "GET", signed)).not.toBe(signed.Signature);
    expect(rpcSignature("another-secret-1", "POST", signed)).not.toBe(signed.Signature);
  });
});

describe("CreateUploadVideo's address and auth", () => {
  it("round-trip as base64 JSON and refuse what lacks a field", () => {
    const address = { Endpoint: "https://oss-cn-shanghai.aliyuncs.com", Bucket: "outin-1", FileName: "sv/a/b.mp4" };
    expect(decodeBase64Json<typeof address>(encodeBase64Json(address), ["Endpoint", "Bucket", "FileName"])).toEqual(address);
    expect(() => decodeBase64Json<{ Endpoint: string; Bucket: string }>(encodeBase64Json({ Endpoint: "x" }), ["Endpoint", "Bucket"])).toThrow("missing Bucket");
    expect(() => decodeBase64Json<{ Endpoint: string }>("%%%", ["Endpoint"])).toThrow();
  });

  it("PUTs virtual-hosted on OSS and path-style on a loopback stand-in", () => {
    expect(ossObjectUrl("https://oss-cn-shanghai.aliyuncs.com", "outin-1", "sv/a b/c.mp4")).toBe("https://outin-1.oss-cn-shanghai.aliyuncs.com/sv/a%20b/c.mp4");
    expect(ossObjectUrl("http://127.0.0.1:8097", "outin-1", "sv/c.mp4")).toBe("http://127.0.0.1:8097/outin-1/sv/c.mp4");
  });
});

describe("OSS header signature", () => {
  it("signs VERB, Content-MD5, Content-Type, Date, the sorted lower-cased x-oss-* headers and /bucket/object", () => {
    const secret = "OtxrzxIsfpFjA7SwPzILwy8Bw21TLhquhboDYROV";
    const signature = ossSignature(secret, {
      method: "PUT",
      contentMd5: "ODBGOERFMDMzQTczRUY3NUE3NzA5QzdFNUYzMDQxNEM=",
      contentType: "text/html",
      date: "Thu, 17 Nov 2005 18:49:58 GMT",
      headers: { "X-OSS-Meta-Author": "foo@example.com", "X-OSS-Magic": "abracadabra", Host: "oss-example.oss-cn-hangzhou.aliyuncs.com" },
      bucket: "oss-example",
      object: "nelson",
    });
    const text = "PUT\nODBGOERFMDMzQTczRUY3NUE3NzA5QzdFNUYzMDQxNEM=\ntext/html\nThu, 17 Nov 2005 18:49:58 GMT\nx-oss-magic:abracadabra\nx-oss-meta-author:foo@example.com\n/oss-example/nelson";
    expect(signature).toBe(createHmac("sha1", secret).update(text).digest("base64"));
  });

  it("covers the STS token: another token, object or secret gives another signature", () => {
    const req = { method: "PUT", contentType: "video/mp4", date: "Sun, 06 Dec 2026 20:00:00 GMT", headers: { "x-oss-security-token": "token-1" }, bucket: "outin-1", object: "sv/a.mp4" };
    const signature = ossSignature("sts-secret", req);
    expect(ossSignature("sts-secret", { ...req, headers: { "x-oss-security-token": "token-2" } })).not.toBe(signature);
    expect(ossSignature("sts-secret", { ...req, object: "sv/b.mp4" })).not.toBe(signature);
    expect(ossSignature("sts-secret-2", req)).not.toBe(signature);
  });
});

describe("event callback signature", () => {
  const url = "https://xuefu.example.com/api/media/aliyun-vod/notify";
  const key = "callback-key-1234";
  const now = 1_800_000_000;
  const headers = (timestamp: string, signature: string) => new Headers({ "x-vod-timestamp": timestamp, "x-vod-signature": signature });

  it("is md5(url|timestamp|key), hex, as the VOD documentation computes it", () => {
    const expected = createHash("md5").update("https://www.example.com/your/callback|1519375990|test123").digest("hex");
    expect(vodCallbackSignature("https://www.example.com/your/callback", "1519375990", "test123")).toBe(expected);
  });

  it("accepts a fresh signed callback and refuses a tampered, re-addressed, stale or unsigned one", () => {
    const ts = String(now - 10);
    const sig = vodCallbackSignature(url, ts, key);
    expect(checkVodCallback(url, headers(ts, sig), key, now)).toEqual({ ok: true, timestamp: now - 10 });
    expect(checkVodCallback(url, headers(ts, sig.replace(/^./, (c) => (c === "a" ? "b" : "a"))), key, now)).toEqual({ ok: false, reason: "bad_signature" });
    expect(checkVodCallback(`${url}?x=1`, headers(ts, sig), key, now)).toEqual({ ok: false, reason: "bad_signature" });
    expect(checkVodCallback(url, headers(String(now - 9), sig), key, now)).toEqual({ ok: false, reason: "bad_signature" });
    expect(checkVodCallback(url, headers(ts, sig), "another-key", now)).toEqual({ ok: false, reason: "bad_signature" });
    const old = String(now - 301);
    expect(checkVodCallback(url, headers(old, vodCallbackSignature(url, old, key)), key, now)).toEqual({ ok: false, reason: "stale" });
    const future = String(now + 301);
    expect(checkVodCallback(url, headers(future, vodCallbackSignature(url, future, key)), key, now)).toEqual({ ok: false, reason: "stale" });
    expect(checkVodCallback(url, new Headers(), key, now)).toEqual({ ok: false, reason: "missing" });
  });
});

describe("CDN URL signing type A", () => {
  const key = "aliyuncdnexp1234";
  const path = "/0f1e2d3c4b5a69788796a5b4c3d2e1f0/720/seg_00001.ts";
  const now = 1_800_000_000;

  it("follows timestamp-rand-uid-md5(path-timestamp-rand-uid-key)", () => {
    const authKey = typeAAuthKey("/video/standard/1K.html", 1444435200, "aliyuncdnexp1234", "477b3bbc253f467b8def6711128c7bec");
    const hash = createHash("md5").update("/video/standard/1K.html-1444435200-477b3bbc253f467b8def6711128c7bec-0-aliyuncdnexp1234").digest("hex");
    expect(authKey).toBe(`1444435200-477b3bbc253f467b8def6711128c7bec-0-${hash}`);
    expect(checkTypeA("/video/standard/1K.html", authKey, "aliyuncdnexp1234", 1444435200)).toEqual({ ok: true, expires: 1444435200 });
  });

  it("opens its own path until it expires, and refuses tampering, another path or another key", () => {
    const authKey = typeAAuthKey(path, now + 60, key);
    expect(checkTypeA(path, authKey, key, now)).toEqual({ ok: true, expires: now + 60 });
    expect(checkTypeA(path, authKey, key, now + 61)).toEqual({ ok: false, reason: "expired" });
    expect(checkTypeA(path.replace("00001", "00002"), authKey, key, now)).toEqual({ ok: false, reason: "bad_signature" });
    expect(checkTypeA(path, authKey.replace(String(now + 60), String(now + 9999)), key, now)).toEqual({ ok: false, reason: "bad_signature" });
    expect(checkTypeA(path, authKey, "other-key", now)).toEqual({ ok: false, reason: "bad_signature" });
    expect(checkTypeA(path, null, key, now)).toEqual({ ok: false, reason: "missing" });
    expect(checkTypeA(path, "garbage", key, now)).toEqual({ ok: false, reason: "missing" });
  });
});
