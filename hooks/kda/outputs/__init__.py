"""Files beside the pages: calendars, preview cards, charts, PDFs, photos, downloads, search."""
