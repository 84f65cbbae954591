"""Edge cases of ladder (mutation testing, issue 18)."""
