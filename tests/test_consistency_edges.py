"""Edge cases of consistency (mutation testing, issue 18)."""
