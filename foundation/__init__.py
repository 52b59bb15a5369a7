"""What every app stands on: caches, the page cache and memo, routing, job locks, public
forms' spam protection and idempotency, text cleaning, charts. It imports no app."""
