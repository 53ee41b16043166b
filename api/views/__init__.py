"""API v1 endpoints, one module per part of the site; every rule comes from the apps' own services and QuerySets."""
