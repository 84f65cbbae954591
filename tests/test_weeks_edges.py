"""Edge cases of weeks (mutation testing, issue 18)."""
