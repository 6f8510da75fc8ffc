"""The texts of each language, split by domain; the same keys in every language (a test checks
it)."""
