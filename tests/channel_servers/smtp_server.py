"""A mail server on 127.0.0.1 (aiosmtpd) that insists on STARTTLS before AUTH and MAIL, as a
company's submission server does (RFC 3207, RFC 4954), with a self-signed certificate made
for the test. It keeps what it received; `defer(n)` answers the next n messages with a 451
(try again later), as a greylisting or throttling server does."""

from __future__ import annotations

import datetime as dt
import socket
import ssl
import threading
from email import message_from_bytes, policy
from email.message import EmailMessage
from pathlib import Path

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword


def self_signed_cert(folder: Path, host: str = "127.0.0.1") -> tuple[Path, Path]:
    """(certificate, key) PEM files for `host`, valid for a day."""
    import ipaddress

    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, host)])
    now = dt.datetime.now(dt.UTC)
    cert = (x509.CertificateBuilder().subject_name(name).issuer_name(name)
            .public_key(key.public_key()).serial_number(x509.random_serial_number())
            .not_valid_before(now - dt.timedelta(minutes=5))
            .not_valid_after(now + dt.timedelta(days=1))
            .add_extension(x509.SubjectAlternativeName([x509.IPAddress(
                ipaddress.ip_address(host))]), critical=False)
            .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
            .sign(key, hashes.SHA256()))
    cert_file, key_file = folder / "smtp-cert.pem", folder / "smtp-key.pem"
    cert_file.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_file.write_bytes(key.private_bytes(serialization.Encoding.PEM,
                                           serialization.PrivateFormat.PKCS8,
                                           serialization.NoEncryption()))
    return cert_file, key_file


class _Handler:
    def __init__(self, server: SmtpServer) -> None:
        self.server = server

    async def handle_DATA(self, smtp, session, envelope) -> str:
        with self.server.lock:
            if self.server.deferrals > 0:
                self.server.deferrals -= 1
                return "451 4.7.1 Try again later"
            self.server.received.append(
                (envelope.mail_from, list(envelope.rcpt_tos),
                 message_from_bytes(envelope.original_content or envelope.content,
                                    policy=policy.default),
                 session.ssl is not None))
        return "250 OK"


class SmtpServer:
    def __init__(self, folder: Path, username: str = "alerts@shop.test",
                 password: str = "mail-pass") -> None:
        self.cert_file, self.key_file = self_signed_cert(folder)
        self.username, self.password = username, password
        self.lock = threading.Lock()
        self.received: list[tuple[str, list[str], EmailMessage, bool]] = []
        self.deferrals = 0
        self.port = _free_port()
        context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        context.load_cert_chain(self.cert_file, self.key_file)
        self.controller = Controller(_Handler(self), hostname="127.0.0.1", port=self.port,
                                     tls_context=context, require_starttls=True,
                                     authenticator=self._authenticate, auth_require_tls=True,
                                     auth_required=True)

    def _authenticate(self, server, session, envelope, mechanism, auth_data) -> AuthResult:
        ok = isinstance(auth_data, LoginPassword) and \
            auth_data.login.decode() == self.username and \
            auth_data.password.decode() == self.password
        return AuthResult(success=ok, handled=False)

    def defer(self, count: int = 1) -> None:
        with self.lock:
            self.deferrals += count

    def messages(self) -> list[tuple[str, list[str], EmailMessage, bool]]:
        with self.lock:
            return list(self.received)

    def __enter__(self) -> SmtpServer:
        self.controller.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.controller.stop()


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]
