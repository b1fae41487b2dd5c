"""Editorial statistics for editors: figures by stage, zone, city, correspondent, genre, theme
and month, with the date each figure counts by (figures.py), and their admin pages."""
