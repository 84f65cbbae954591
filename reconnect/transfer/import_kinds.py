"""The names a user gives for a kind of import (`--kind plan`) and the importer each
means. Apart from the importers so that the shell builds its parser without them."""

KINDS = {"backup": "backup", "jrnl": "jrnl", "plan": "homework plan"}
