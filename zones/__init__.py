"""Shanxi's development zones (开发区): the registry every other app points at.

zones owns the Zone and ZoneAlias records and finding a zone by any of its names
(`Zone.objects.named`, `Zone.objects.meant_by`, models.py); the naming rules that derive the
names reports use (naming.py); loading the sourced list in data/ (loading.py, `load_zones`);
the importer's in-memory directory of every name (directory.py); and merging duplicate zones
(merging.py, an admin action). It sits at the bottom of the layers and imports no other app
of the project: articles, search and the apps above them import zones.
"""
