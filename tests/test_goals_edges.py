"""Edge cases of goals (mutation testing, issue 18)."""
