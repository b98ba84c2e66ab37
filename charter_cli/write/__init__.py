"""Write stage: files written atomically, never over what the user did not ask to replace."""
