"""xlwings Server's ``custom`` provider: Dadeum access tokens (``DADEUM_TOKENS_FILE``)."""

from dadeum.server.auth import validate_custom_token


async def validate_token(token_string: str):
    return await validate_custom_token(token_string)
