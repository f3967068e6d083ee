"""Built-in briefing templates and their label translations (data files only)."""
