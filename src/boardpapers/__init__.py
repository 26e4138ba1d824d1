"""boardpapers: read, understand, extract and search UK local government board papers."""

__version__ = "0.1.0"
