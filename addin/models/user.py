"""The user model xlwings Server uses (``from models.user import User``): Korean 403 for a
missing role, and no role checks when the server runs without sign-in."""

from xlwings_server.models.user import User as XlwingsUser

from dadeum.server.auth import check_roles


class User(XlwingsUser):
    async def has_required_roles(self, required_roles: list[str] | None = None) -> bool:
        return check_roles(self, required_roles)


__all__ = ["User"]
