"""Backup and restore of the whole site: the database and the media files (no models)."""
