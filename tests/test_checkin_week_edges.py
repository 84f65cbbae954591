"""Edge cases of checkin_week (mutation testing, issue 18)."""
