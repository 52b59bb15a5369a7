"""Shared services for the multi-server tests: an S3-compatible bucket (moto's server mode)."""

import boto3
import pytest
import requests
from moto.server import ThreadedMotoServer

from tests.live_site import free_port

BUCKET = "council-media"
KEYS = {"AWS_ACCESS_KEY_ID": "testing", "AWS_SECRET_ACCESS_KEY": "testing"}


def boto_keys():
    return {
        "aws_access_key_id": KEYS["AWS_ACCESS_KEY_ID"],
        "aws_secret_access_key": KEYS["AWS_SECRET_ACCESS_KEY"],
    }


@pytest.fixture(scope="module")
def s3_server():
    """The endpoint URL of a local S3 server holding an empty bucket named BUCKET."""
    port = free_port()
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=port)
    server.start()
    url = f"http://127.0.0.1:{port}"
    # Moto keeps buckets per Python process, not per server: start from none.
    requests.post(f"{url}/moto-api/reset", timeout=10).raise_for_status()
    boto3.client("s3", endpoint_url=url, region_name="eu-west-2", **boto_keys()).create_bucket(
        Bucket=BUCKET, CreateBucketConfiguration={"LocationConstraint": "eu-west-2"}
    )
    yield url
    server.stop()
