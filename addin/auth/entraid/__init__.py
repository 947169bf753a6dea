"""xlwings Server's ``entraid`` provider with Korean messages; the signing keys come from
``jwks.py`` beside this file (a local file on 망분리 networks, else Microsoft)."""

from dadeum.server.auth import korean_entraid


async def validate_token(token_string: str):
    # Imported here: xlwings' module imports ``auth.entraid.jwks`` from this package.
    from xlwings_server.auth.entraid import validate_token as xlwings_validate_token

    return await korean_entraid(xlwings_validate_token, token_string)
