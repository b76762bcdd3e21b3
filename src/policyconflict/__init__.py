"""policyconflict."""
