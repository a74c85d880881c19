"""Agency sync: the Agency API contract, its wire types, client, worker and reference server."""
