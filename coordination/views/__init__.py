"""Coordination workspace pages, one module per part of the work; permission questions go to coordination.permissions."""
