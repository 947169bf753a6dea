"""Entra ID signing keys for xlwings Server: ``DADEUM_ENTRAID_JWKS_FILE`` when set, else None
(xlwings then downloads them from Microsoft)."""

from dadeum.server.auth import local_jwks


async def get_jwks_json():
    return await local_jwks()
