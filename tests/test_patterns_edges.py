"""Edge cases of patterns (mutation testing, issue 18)."""
