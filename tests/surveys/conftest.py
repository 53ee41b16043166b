from tests.coordination.conftest import client_as, world  # noqa: F401
