"""The pages: one module per area, each handler a few lines over the service."""
