"""E-mail ingestion: parse .eml/.msg into a Message, render it and its family to PDF."""

from clawback.email.parse import Attachment, EmailError, Message, parse_email
from clawback.email.render import Member, family, render_attachment, render_message

__all__ = [
    "Attachment",
    "EmailError",
    "Member",
    "Message",
    "family",
    "parse_email",
    "render_attachment",
    "render_message",
]
