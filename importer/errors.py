class PageRejected(Exception):
    """A page that cannot be imported; the message is for the editor, in Chinese."""
