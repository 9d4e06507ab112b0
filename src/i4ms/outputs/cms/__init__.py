"""The CMS at ``/admin/``: Decap CMS's page, its generated configuration and its JavaScript."""
