"""Chinese texts (简体中文). Same keys as nncli/texts/en; a missing key falls back to English."""
