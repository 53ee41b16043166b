"""Settings grouped by concern; `config.settings.base` imports them all, in a fixed order."""
