"""Accounts keep no models of their own: roles are derived in accounts/roles.py from groups, profiles and staff memberships."""
