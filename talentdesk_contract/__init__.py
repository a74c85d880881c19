"""The Agency API v1 contract, shared by the desk and the agency server.

``agency-api.yaml`` is the OpenAPI 3.1 document; :mod:`.wire` is its msgspec twin. Both
programs import this package and nothing of each other.
"""
