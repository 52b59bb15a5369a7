"""The consultations admin: moderation, analysis and personal data."""
