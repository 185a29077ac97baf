"""Tact: a French medical-communication checker and editor for social-media posts."""

__version__ = "0.1.0"
