"""Day-to-day operations on top of the build: change preview, releases, generated docs,
freshness. Each module backs one small CLI in apps/."""
