"""TLS is always verified: against the centre's own CA when ``ca_bundle`` names it."""

from __future__ import annotations

import ipaddress
import ssl
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from kiosk.sync.client import SyncClient
from kiosk.sync.errors import TlsError
from tests.core.sync.conftest import MakeKiosk
from tests.core.sync.double import ProtocolDouble


def _name(common_name: str) -> x509.Name:
    return x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, common_name)])


def _write_centre_pki(folder: Path) -> tuple[Path, Path, Path]:
    """A centre's own CA and a server certificate it signed: (ca, cert, key) PEM files."""
    now = datetime.now(UTC)
    ca_key = ec.generate_private_key(ec.SECP256R1())
    ca = (
        x509.CertificateBuilder()
        .subject_name(_name("Trung tâm CA thử nghiệm"))
        .issuer_name(_name("Trung tâm CA thử nghiệm"))
        .public_key(ca_key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - timedelta(days=1))
        .not_valid_after(now + timedelta(days=30))
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .add_extension(
            x509.KeyUsage(
                digital_signature=True,
                content_commitment=False,
                key_encipherment=False,
                data_encipherment=False,
                key_agreement=False,
                key_cert_sign=True,
                crl_sign=True,
                encipher_only=False,
                decipher_only=False,
            ),
            critical=True,
        )
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(ca_key.public_key()), False)
        .sign(ca_key, hashes.SHA256())
    )
    key = ec.generate_private_key(ec.SECP256R1())
    cert = (
        x509.CertificateBuilder()
        .subject_name(_name("localhost"))
        .issuer_name(ca.subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - timedelta(days=1))
        .not_valid_after(now + timedelta(days=30))
        .add_extension(
            x509.SubjectAlternativeName(
                [x509.DNSName("localhost"), x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]
            ),
            critical=False,
        )
        .add_extension(
            x509.AuthorityKeyIdentifier.from_issuer_public_key(ca_key.public_key()), False
        )
        .sign(ca_key, hashes.SHA256())
    )
    paths = folder / "ca.pem", folder / "server.pem", folder / "server.key"
    paths[0].write_bytes(ca.public_bytes(serialization.Encoding.PEM))
    paths[1].write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    paths[2].write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    return paths


@pytest.fixture
def centre_ca(tmp_path: Path) -> tuple[Path, Path, Path]:
    return _write_centre_pki(tmp_path)


@pytest.fixture
def tls_double(centre_ca: tuple[Path, Path, Path]) -> Iterator[ProtocolDouble]:
    _ca, cert, key = centre_ca
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    server = ProtocolDouble()
    server.start(tls=context)
    yield server
    server.stop()


def test_the_centres_ca_is_trusted_only_when_named(
    tls_double: ProtocolDouble, centre_ca: tuple[Path, Path, Path]
) -> None:
    ca, _cert, _key = centre_ca
    assert tls_double.url.startswith("https://localhost:")
    with SyncClient(tls_double.url) as client, pytest.raises(TlsError):
        client.health()
    with SyncClient(tls_double.url, ca_bundle=ca) as client:
        assert client.health().status == "ok"
    assert len(tls_double.requests_to("/v1/health")) == 1


def test_a_kiosk_enrols_over_tls_with_its_ca_bundle_setting(
    make_kiosk: MakeKiosk, tls_double: ProtocolDouble, centre_ca: tuple[Path, Path, Path]
) -> None:
    ca, _cert, _key = centre_ca
    untrusting = make_kiosk(server_url=tls_double.url)
    with pytest.raises(TlsError):
        untrusting.sync.enrol(tls_double.add_code())
    assert not untrusting.sync.probe()

    kiosk = make_kiosk(server_url=tls_double.url, ca_bundle=ca)
    enrolment = kiosk.sync.enrol(tls_double.add_code())
    assert enrolment.server_url == tls_double.url
    assert kiosk.sync.probe()
    assert kiosk.sync.sync_once().outcome == "ok"
