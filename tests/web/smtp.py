"""A real SMTP server for the tests, in a thread on loopback: the commands a client sends a
message with (RFC 5321: EHLO/HELO, MAIL, RCPT, DATA, RSET, NOOP, QUIT), each message kept
whole with the envelope's recipients. No relay, no authentication: a test's own listener."""

from __future__ import annotations

import socketserver
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from email import message_from_bytes, policy
from email.message import EmailMessage


@dataclass
class Received:
    sender: str
    recipients: list[str]
    message: EmailMessage


@dataclass
class Mailbox:
    host: str
    port: int
    received: list[Received] = field(default_factory=list)
    #: addresses this server refuses at RCPT, its refusal naming the address as servers do
    refused: set[str] = field(default_factory=set)


class _Session(socketserver.StreamRequestHandler):
    server: _Server

    def reply(self, line: str) -> None:
        self.wfile.write(f"{line}\r\n".encode("ascii"))

    def handle(self) -> None:
        self.reply("220 test SMTP server ready")
        sender, recipients = "", []
        while line := self.rfile.readline():
            command = line.decode("utf-8", "replace").strip()
            verb = command[:4].upper()
            if verb == "EHLO":
                self.reply("250-test\r\n250 8BITMIME")
            elif verb == "HELO" or verb == "NOOP":
                self.reply("250 OK")
            elif verb == "MAIL":
                sender, recipients = command.partition(":")[2].strip().strip("<>"), []
                self.reply("250 OK")
            elif verb == "RCPT":
                address = command.partition(":")[2].strip().strip("<>")
                if address in self.server.mailbox.refused:
                    self.reply(f"550 5.1.1 <{address}>: recipient address rejected")
                    continue
                recipients.append(address)
                self.reply("250 OK")
            elif verb == "DATA":
                self.reply("354 End data with <CR><LF>.<CR><LF>")
                data = bytearray()
                while (chunk := self.rfile.readline()) not in (b".\r\n", b""):
                    data += chunk[1:] if chunk.startswith(b"..") else chunk
                parsed = message_from_bytes(bytes(data), policy=policy.default)
                assert isinstance(parsed, EmailMessage)
                self.server.mailbox.received.append(Received(sender, recipients, parsed))
                self.reply("250 OK: queued")
            elif verb == "RSET":
                sender, recipients = "", []
                self.reply("250 OK")
            elif verb == "QUIT":
                self.reply("221 Bye")
                return
            else:
                self.reply("502 Command not implemented")


class _Server(socketserver.ThreadingTCPServer):
    daemon_threads = True
    allow_reuse_address = True
    mailbox: Mailbox


@contextmanager
def smtp_server() -> Iterator[Mailbox]:
    """An SMTP server on a free port of 127.0.0.1 while the block runs."""
    with _Server(("127.0.0.1", 0), _Session) as server:
        host, port = server.server_address[:2]
        server.mailbox = Mailbox(str(host), int(port))
        thread = threading.Thread(target=server.serve_forever, daemon=True)
        thread.start()
        try:
            yield server.mailbox
        finally:
            server.shutdown()
            thread.join(5)
