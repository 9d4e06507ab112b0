"""Layer 4, outputs: the whole site as data. Pages are declared as plans (template and view),
files as bytes; nothing here renders templates or knows an engine."""
