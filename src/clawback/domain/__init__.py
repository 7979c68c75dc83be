"""The pure domain core: no database, no files, no PDF library."""
