"""An adversarial corpus for `produce --redact-pattern`, and the readers that judge it."""
