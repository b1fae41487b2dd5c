"""The benchmark of the public archive and its search (see bench/README.md)."""
