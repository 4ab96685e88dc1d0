"""Accords: government meetings and signed agreements, extracted from news with citations."""

__version__ = "0.1.0"
