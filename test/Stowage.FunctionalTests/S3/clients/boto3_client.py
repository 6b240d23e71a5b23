#!/usr/bin/env python3
"""boto3 against Stowage's S3 endpoint, as a user of boto3 would write it.

Run by the functional tests with two interpreters: the tests' venv, artifacts/test-venv/bin/python
(boto3 as pinned in requirements.txt, 1.43), and Debian's /usr/bin/python3 (python3-boto3, 1.26). The credential comes from the standard environment variables
(AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_SESSION_TOKEN); the endpoint from --endpoint.
Prints one JSON object on stdout; exits non-zero with the error on stderr when the client fails.

  versions
  put-object   --endpoint URL --bucket B --key K --file F [--acl ACL]
  upload-file  --endpoint URL --bucket B --key K --file F [--acl ACL] [--part-mib 5]
  presign-put  --endpoint URL --bucket B --key K --file F [--acl ACL] --signature v2|v4
  download     --endpoint URL --bucket B --key K --out F
  get-object   --endpoint URL --bucket B --key K [--range bytes=A-B]
  list-v2      --endpoint URL --bucket B [--prefix P] [--delimiter D] [--max-keys N]
  presign-get  --endpoint URL --bucket B --key K --signature v2|v4
get-object and list-v2 print {"error": CODE, "status": N} when the server refuses (a ClientError), so a test can
check a refusal as boto3 reports it.
"""
import argparse
import hashlib
import json
import sys

import boto3
import botocore
import botocore.exceptions
import requests
from boto3.s3.transfer import TransferConfig
from botocore.config import Config

MIB = 1024 * 1024


def client(endpoint, signature_version=None):
    # Path-style, as the endpoint is addressed; one attempt per request so the test sees the
    # server's first answer, not a retry's.
    config = Config(
        region_name="us-east-1",
        s3={"addressing_style": "path"},
        retries={"total_max_attempts": 1},
        signature_version=signature_version,
    )
    return boto3.session.Session().client("s3", endpoint_url=endpoint, config=config)


def sha256_of(path):
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(MIB), b""):
            digest.update(block)
    return digest.hexdigest()


def versions(_):
    return {"python": sys.version.split()[0], "executable": sys.executable,
            "boto3": boto3.__version__, "botocore": botocore.__version__, "requests": requests.__version__}


def put_object(args):
    extra = {"ACL": args.acl} if args.acl else {}
    with open(args.file, "rb") as body:
        response = client(args.endpoint).put_object(Bucket=args.bucket, Key=args.key, Body=body, **extra)
    return {"etag": response["ETag"], "checksum_crc32": response.get("ChecksumCRC32")}


def upload_file(args):
    # A 5 MiB threshold and part size make a 12 MiB file three parts (5 + 5 + 2).
    transfer = TransferConfig(multipart_threshold=args.part_mib * MIB, multipart_chunksize=args.part_mib * MIB,
                              max_concurrency=4)
    extra = {"ACL": args.acl} if args.acl else None
    client(args.endpoint).upload_file(args.file, args.bucket, args.key, ExtraArgs=extra, Config=transfer)
    return {"uploaded": args.key}


def presign_put(args):
    # boto3's default for presigning is SigV2 (AWSAccessKeyId/Signature/Expires); s3v4 is asked for explicitly.
    signature = "s3v4" if args.signature == "v4" else None
    params = {"Bucket": args.bucket, "Key": args.key}
    if args.acl:
        params["ACL"] = args.acl
    url = client(args.endpoint, signature).generate_presigned_url("put_object", Params=params, ExpiresIn=900)
    headers = {}
    if args.acl and args.signature == "v4":
        # SigV4 turns the ACL into a signed header, which the uploader must then send.
        headers["x-amz-acl"] = args.acl
    with open(args.file, "rb") as f:
        data = f.read()
    response = requests.put(url, data=data, headers=headers, timeout=120)
    return {"url": url, "status": response.status_code, "etag": response.headers.get("ETag"), "body": response.text}


def download(args):
    client(args.endpoint).download_file(args.bucket, args.key, args.out)
    return {"sha256": sha256_of(args.out)}


def client_error(error):
    return {"error": error.response["Error"]["Code"], "status": error.response["ResponseMetadata"]["HTTPStatusCode"]}


def get_object(args):
    extra = {"Range": args.range} if args.range else {}
    try:
        response = client(args.endpoint).get_object(Bucket=args.bucket, Key=args.key, **extra)
    except botocore.exceptions.ClientError as error:
        return client_error(error)
    body = response["Body"].read()
    return {"status": response["ResponseMetadata"]["HTTPStatusCode"], "etag": response["ETag"],
            "content_length": response["ContentLength"], "content_range": response.get("ContentRange"),
            "checksum_sha256": response.get("ChecksumSHA256"), "length": len(body),
            "sha256": hashlib.sha256(body).hexdigest()}


def list_v2(args):
    # Paged by hand (not a paginator) so the test sees how many pages the server gave.
    s3 = client(args.endpoint)
    params = {"Bucket": args.bucket, "Prefix": args.prefix, "MaxKeys": args.max_keys}
    if args.delimiter:
        params["Delimiter"] = args.delimiter
    keys, prefixes, pages = [], [], 0
    try:
        while True:
            page = s3.list_objects_v2(**params)
            pages += 1
            keys += [{"key": o["Key"], "size": o["Size"], "etag": o["ETag"]} for o in page.get("Contents", [])]
            prefixes += [p["Prefix"] for p in page.get("CommonPrefixes", [])]
            if not page.get("IsTruncated"):
                break
            params["ContinuationToken"] = page["NextContinuationToken"]
    except botocore.exceptions.ClientError as error:
        return client_error(error)
    return {"keys": keys, "prefixes": prefixes, "pages": pages}


def presign_get(args):
    # boto3's default for presigning is SigV2; s3v4 is asked for explicitly. The URL is then fetched as a browser
    # would: a plain GET with no credentials.
    signature = "s3v4" if args.signature == "v4" else None
    url = client(args.endpoint, signature).generate_presigned_url(
        "get_object", Params={"Bucket": args.bucket, "Key": args.key}, ExpiresIn=900)
    response = requests.get(url, timeout=120)
    return {"url": url, "status": response.status_code, "etag": response.headers.get("ETag"),
            "sha256": hashlib.sha256(response.content).hexdigest(),
            "body": "" if response.status_code == 200 else response.text}


def main():
    parser = argparse.ArgumentParser()
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("versions").set_defaults(run=versions)
    for name, run in (("put-object", put_object), ("upload-file", upload_file), ("presign-put", presign_put),
                      ("download", download)):
        command = commands.add_parser(name)
        command.set_defaults(run=run)
        command.add_argument("--endpoint", required=True)
        command.add_argument("--bucket", required=True)
        command.add_argument("--key", required=True)
        if name == "download":
            command.add_argument("--out", required=True)
        else:
            command.add_argument("--file", required=True)
            command.add_argument("--acl")
        if name == "upload-file":
            command.add_argument("--part-mib", type=int, default=5)
        if name == "presign-put":
            command.add_argument("--signature", choices=("v2", "v4"), required=True)
    for name, run in (("get-object", get_object), ("list-v2", list_v2), ("presign-get", presign_get)):
        command = commands.add_parser(name)
        command.set_defaults(run=run)
        command.add_argument("--endpoint", required=True)
        command.add_argument("--bucket", required=True)
        if name == "list-v2":
            command.add_argument("--prefix", default="")
            command.add_argument("--delimiter")
            command.add_argument("--max-keys", type=int, default=1000)
        else:
            command.add_argument("--key", required=True)
        if name == "get-object":
            command.add_argument("--range")
        if name == "presign-get":
            command.add_argument("--signature", choices=("v2", "v4"), required=True)
    args = parser.parse_args()
    print(json.dumps(args.run(args)))


if __name__ == "__main__":
    main()
