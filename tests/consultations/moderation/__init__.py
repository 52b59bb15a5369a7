"""Moderation in the admin: flags, services, the queue, bulk actions, the digest."""
