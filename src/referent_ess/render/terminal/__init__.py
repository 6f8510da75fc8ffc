"""What the CLI prints at a terminal: rich tables, and printing them whole."""
