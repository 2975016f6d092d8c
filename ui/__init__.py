"""Shared pieces of the screen: translations, formatting, filters, cached data, widgets, charts."""
