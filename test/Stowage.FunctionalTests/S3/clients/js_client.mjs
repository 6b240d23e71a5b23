#!/usr/bin/env node
// The AWS SDK for JavaScript v3 (@aws-sdk/client-s3, lib-storage, s3-request-presigner, pinned in
// package-lock.json) against Stowage's S3 endpoint, with its default settings except path-style
// addressing and a single attempt per request. The credential comes from AWS_ACCESS_KEY_ID,
// AWS_SECRET_ACCESS_KEY and AWS_SESSION_TOKEN. Prints one JSON object on stdout; on failure prints the
// error on stderr and exits 1.
//
//   versions
//   put-buffer  --endpoint URL --bucket B --key K --file F [--acl ACL]   Buffer body: hex SHA-256 + crc32 header
//   put-stream  --endpoint URL --bucket B --key K --file F [--acl ACL]   fs stream, no length: STREAMING-UNSIGNED-PAYLOAD-TRAILER, chunked
//   upload      --endpoint URL --bucket B --key K --file F [--acl ACL]   lib-storage Upload: multipart, 5 MiB parts
//   presign-put --endpoint URL --bucket B --key K --file F [--acl ACL]   getSignedUrl, then fetch PUT
//   download    --endpoint URL --bucket B --key K --out F
import { createHash } from "node:crypto";
import { createReadStream, createWriteStream, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { pipeline } from "node:stream/promises";
import { parseArgs } from "node:util";
import { GetObjectCommand, PutObjectCommand, S3Client } from "@aws-sdk/client-s3";
import { Upload } from "@aws-sdk/lib-storage";
import { getSignedUrl } from "@aws-sdk/s3-request-presigner";

const MIB = 1024 * 1024;
const require = createRequire(import.meta.url);

function client(endpoint) {
  return new S3Client({
    endpoint,
    region: "us-east-1",
    forcePathStyle: true,
    maxAttempts: 1,
    credentials: {
      accessKeyId: process.env.AWS_ACCESS_KEY_ID,
      secretAccessKey: process.env.AWS_SECRET_ACCESS_KEY,
      sessionToken: process.env.AWS_SESSION_TOKEN || undefined,
    },
  });
}

function putParams(args, body) {
  const params = { Bucket: args.bucket, Key: args.key, Body: body };
  if (args.acl) params.ACL = args.acl;
  return params;
}

const commands = {
  async versions() {
    const version = (name) => require(`${name}/package.json`).version;
    return {
      node: process.version,
      clientS3: version("@aws-sdk/client-s3"),
      libStorage: version("@aws-sdk/lib-storage"),
      presigner: version("@aws-sdk/s3-request-presigner"),
    };
  },

  async "put-buffer"(args) {
    const response = await client(args.endpoint).send(new PutObjectCommand(putParams(args, readFileSync(args.file))));
    return { etag: response.ETag, checksumCrc32: response.ChecksumCRC32 ?? null };
  },

  async "put-stream"(args) {
    // No ContentLength: the SDK then frames the body as aws-chunked with a CRC32 trailer, unsigned,
    // over Transfer-Encoding: chunked.
    const response = await client(args.endpoint).send(new PutObjectCommand(putParams(args, createReadStream(args.file))));
    return { etag: response.ETag, checksumCrc32: response.ChecksumCRC32 ?? null };
  },

  async upload(args) {
    const upload = new Upload({
      client: client(args.endpoint),
      params: putParams(args, createReadStream(args.file)),
      partSize: 5 * MIB,
      queueSize: 4,
    });
    const result = await upload.done();
    return { etag: result.ETag };
  },

  async "presign-put"(args) {
    const params = putParams(args, undefined);
    delete params.Body;
    const url = await getSignedUrl(client(args.endpoint), new PutObjectCommand(params), { expiresIn: 900 });
    const response = await fetch(url, { method: "PUT", body: readFileSync(args.file) });
    return { url, status: response.status, etag: response.headers.get("etag"), body: await response.text() };
  },

  async download(args) {
    const response = await client(args.endpoint).send(new GetObjectCommand({ Bucket: args.bucket, Key: args.key }));
    await pipeline(response.Body, createWriteStream(args.out));
    return { sha256: createHash("sha256").update(readFileSync(args.out)).digest("hex"), etag: response.ETag };
  },
};

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: {
    endpoint: { type: "string" },
    bucket: { type: "string" },
    key: { type: "string" },
    file: { type: "string" },
    out: { type: "string" },
    acl: { type: "string" },
  },
});

const run = commands[positionals[0]];
if (!run) {
  console.error(`unknown command '${positionals[0]}'; one of ${Object.keys(commands).join(", ")}`);
  process.exit(2);
}

try {
  console.log(JSON.stringify(await run(values)));
} catch (error) {
  const status = error?.$metadata?.httpStatusCode;
  console.error(`${error?.name ?? "Error"} (HTTP ${status ?? "?"}): ${error?.message ?? error}`);
  console.error(JSON.stringify({ name: error?.name, code: error?.Code, status, message: error?.message }));
  process.exit(1);
}
