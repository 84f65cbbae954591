"""Edge cases of migrations (mutation testing, issue 18)."""
