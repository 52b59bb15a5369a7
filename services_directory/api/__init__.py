"""The read-only Open Referral UK v3 API."""
