"""One dashboard process on a free loopback port, for tests that speak to a real server."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from deploy.processes import free_port
from deploy.replicas import Replica, start_replicas, stop_all


def one_replica(log_dir: Path, **options) -> Iterator[Replica]:
    """Yield a started replica (bundled data unless `options` say otherwise), stopped after;
    a server that cannot start fails the test with its log rather than erroring."""
    try:
        replicas = start_replicas(1, [free_port()], log_dir, **options)
    except RuntimeError as error:
        pytest.fail(str(error))
    try:
        yield replicas[0]
    finally:
        stop_all(replicas)
