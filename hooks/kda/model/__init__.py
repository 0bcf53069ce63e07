"""The group's data: read `data/*.yml` strictly, validate it, derive the agenda and the journal."""
