"""Layer 5, render: the only code that touches Jinja; renders page plans (in a forked worker
when it can) and writes files."""
