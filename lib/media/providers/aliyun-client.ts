// A small Aliyun VOD client: signed RPC calls (CreateUploadVideo, GetPlayInfo, DeleteVideo) and the OSS PUT of
// a file to the address CreateUploadVideo hands out, streamed from disk with the STS credentials that came with
// it. The same code runs against Aliyun and against the local stand-in; only the endpoint differs.
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import http from "node:http";
import https from "node:https";
import {
  decodeBase64Json,
  ossObjectUrl,
  ossSignature,
  signRpc,
  type PlayInfoResponse,
  type RpcCredentials,
  type UploadAddress,
  type UploadAuth,
} from "./aliyun-protocol";

export interface AliyunVodClientConfig extends RpcCredentials {
  endpoint: string;
}

/** An error answer of the API: its Code (e.g. SignatureDoesNotMatch, InvalidVideo.NotFound), status and RequestId. */
export class AliyunVodError extends Error {
  constructor(
    readonly code: string,
    readonly status: number,
    message: string,
    readonly requestId?: string,
  ) {
    super(`Aliyun VOD ${code} (${status}): ${message}`);
    this.name = "AliyunVodError";
  }
}

export interface CreatedUpload {
  videoId: string;
  address: UploadAddress;
  auth: UploadAuth;
}

export function aliyunVodClient(config: AliyunVodClientConfig, fetchImpl: typeof fetch = fetch) {
  async function rpc<T>(action: string, params: Record<string, string>): Promise<T> {
    const body = new URLSearchParams(signRpc(config, action, params, { method: "POST", nonce: randomUUID() }));
    const response = await fetchImpl(config.endpoint.replace(/\/+$/, "") + "/", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: body.toString(),
      signal: AbortSignal.timeout(15_000),
    });
    const text = await response.text();
    let json: Record<string, unknown>;
    try {
      json = JSON.parse(text) as Record<string, unknown>;
    } catch {
      throw new AliyunVodError("InvalidResponse", response.status, text.slice(0, 200));
    }
    if (!response.ok || typeof json.Code === "string") {
      throw new AliyunVodError(String(json.Code ?? "Unknown"), response.status, String(json.Message ?? ""), typeof json.RequestId === "string" ? json.RequestId : undefined);
    }
    return json as T;
  }

  return {
    rpc,

    async createUploadVideo(input: { title: string; fileName: string; fileSize?: number; userData?: unknown; templateGroupId?: string }): Promise<CreatedUpload> {
      const params: Record<string, string> = { Title: input.title.slice(0, 128), FileName: input.fileName };
      if (input.fileSize !== undefined) params.FileSize = String(input.fileSize);
      if (input.userData !== undefined) params.UserData = JSON.stringify(input.userData);
      if (input.templateGroupId) params.TemplateGroupId = input.templateGroupId;
      const r = await rpc<{ VideoId: string; UploadAddress: string; UploadAuth: string }>("CreateUploadVideo", params);
      return {
        videoId: r.VideoId,
        address: decodeBase64Json<UploadAddress>(r.UploadAddress, ["Endpoint", "Bucket", "FileName"]),
        auth: decodeBase64Json<UploadAuth>(r.UploadAuth, ["AccessKeyId", "AccessKeySecret", "SecurityToken", "Expiration"]),
      };
    },

    /** Play addresses of HLS streams, signed by VOD's CDN for `authTimeoutSeconds`. */
    getPlayInfo(videoId: string, authTimeoutSeconds: number): Promise<PlayInfoResponse> {
      return rpc<PlayInfoResponse>("GetPlayInfo", { VideoId: videoId, Formats: "m3u8", AuthTimeout: String(authTimeoutSeconds) });
    },

    deleteVideo(videoIds: string[]): Promise<unknown> {
      return rpc("DeleteVideo", { VideoIds: videoIds.join(",") });
    },

    /** PUTs `file` to the upload address, streamed (a 2 GB lecture never sits in memory). */
    async putFile(created: CreatedUpload, file: string, contentType = "video/mp4"): Promise<void> {
      const { address, auth } = created;
      const size = (await fs.promises.stat(file)).size;
      const date = new Date().toUTCString();
      const ossHeaders = { "x-oss-security-token": auth.SecurityToken };
      const signature = ossSignature(auth.AccessKeySecret, { method: "PUT", contentType, date, headers: ossHeaders, bucket: address.Bucket, object: address.FileName });
      const url = new URL(ossObjectUrl(address.Endpoint, address.Bucket, address.FileName));
      const headers = { ...ossHeaders, date, "content-type": contentType, "content-length": String(size), authorization: `OSS ${auth.AccessKeyId}:${signature}` };
      await new Promise<void>((resolve, reject) => {
        const request = (url.protocol === "https:" ? https : http).request(url, { method: "PUT", headers, timeout: 60_000 }, (res) => {
          const chunks: Buffer[] = [];
          res.on("data", (c: Buffer) => chunks.length < 16 && chunks.push(c));
          res.on("end", () => {
            if (res.statusCode === 200) return resolve();
            const text = Buffer.concat(chunks).toString("utf8");
            const code = /<Code>([^<]+)<\/Code>/.exec(text)?.[1] ?? "OssPutFailed";
            reject(new AliyunVodError(code, res.statusCode ?? 0, (/<Message>([^<]+)<\/Message>/.exec(text)?.[1] ?? text).slice(0, 200)));
          });
        });
        request.on("timeout", () => request.destroy(new Error("OSS PUT timed out")));
        request.on("error", reject);
        const stream = fs.createReadStream(file);
        stream.on("error", (error) => request.destroy(error));
        stream.pipe(request);
      });
    },
  };
}

export type AliyunVodClient = ReturnType<typeof aliyunVodClient>;
