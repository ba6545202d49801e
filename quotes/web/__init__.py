"""`quotes serve`: the searchable quote list, a static page over a small JSON API."""
