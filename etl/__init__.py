"""Turns what consortia submit into validated, pseudonymised frames and loads them."""
