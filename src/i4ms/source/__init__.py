"""Reading contributor files: YAML 1.2 front matter with the source line of every value."""
