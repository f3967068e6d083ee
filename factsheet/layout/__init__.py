"""The layout step: the document tree every writer draws, and the templates it follows."""
