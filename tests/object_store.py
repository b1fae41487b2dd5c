"""An S3-compatible object store for the tests: moto's server, started as its own process on
a free loopback port, with one private bucket, and stopped afterwards. The site talks to it
over HTTP through django-storages and boto3, exactly as it would to MinIO or Amazon S3."""

import contextlib
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass

import boto3

from tests.deploy.served_site import free_port

ACCESS_KEY = "kfq-test"
SECRET_KEY = "kfq-test-secret"
REGION = "us-east-1"


@dataclass
class ObjectStore:
    endpoint_url: str
    bucket: str

    def client(self):
        return boto3.client(
            "s3",
            endpoint_url=self.endpoint_url,
            aws_access_key_id=ACCESS_KEY,
            aws_secret_access_key=SECRET_KEY,
            region_name=REGION,
        )

    def object_names(self) -> set[str]:
        listing = self.client().list_objects_v2(Bucket=self.bucket)
        return {entry["Key"] for entry in listing.get("Contents", [])}

    def storage_settings(self, *, prefix: str = "") -> dict:
        """STORAGES["default"] as kfq_site/settings.py builds it from KFQ_S3_*."""
        return {
            "BACKEND": "articles.storage.PrivateBucketStorage",
            "OPTIONS": {
                "bucket_name": self.bucket,
                "endpoint_url": self.endpoint_url,
                "region_name": REGION,
                "access_key": ACCESS_KEY,
                "secret_key": SECRET_KEY,
                "location": prefix,
                "addressing_style": "path",
                "default_acl": "private",
                "querystring_auth": True,
                "file_overwrite": False,
            },
        }


@contextlib.contextmanager
def running_object_store(*, bucket: str = "kfq-media") -> Iterator[ObjectStore]:
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "moto.server", "-H", "127.0.0.1", "-p", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        _wait_for(port, server)
        store = ObjectStore(endpoint_url=f"http://127.0.0.1:{port}", bucket=bucket)
        store.client().create_bucket(Bucket=bucket)
        yield store
    finally:
        server.terminate()
        server.wait(timeout=10)


def _wait_for(port: int, server: subprocess.Popen, *, seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError(f"the object store exited with {server.returncode}")
        with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), 1):
            return
        time.sleep(0.1)
    raise RuntimeError(f"the object store did not listen on port {port} in {seconds} s")
