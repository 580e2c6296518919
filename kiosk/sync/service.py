"""SyncService: enrolment, one sync pass, the purge and the status, for UI and CLI alike.

A pass is: pull the catalogue feed, push the outbox, top up ticket-number leases,
then purge what the retention allows. One pass runs at a time in this process (a
lock); a second kiosk process on the same database is kept consistent by each step's
own transaction, taken with ``BEGIN IMMEDIATE``. Expected failures end the pass with
an outcome in the :class:`~kiosk.sync.api.SyncReport`, never an exception, and are
remembered in ``sync_state`` for the staff screen and ``python -m kiosk status``.
"""

from __future__ import annotations

import logging
import threading
import uuid
from collections.abc import Callable
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from kiosk import __version__
from kiosk.audit import AuditLog
from kiosk.catalog import store
from kiosk.changes import ChangeFeed
from kiosk.clock import Clock, utc_now
from kiosk.config import Settings
from kiosk.db import Database
from kiosk.queue.numbering import NumberLeases
from kiosk.sync import credentials, state
from kiosk.sync.api import (
    Enrolment,
    LeaseGrant,
    Outcome,
    PurgeReport,
    PushReport,
    SyncReport,
    SyncStatus,
)
from kiosk.sync.backoff import Backoff
from kiosk.sync.catalogue import FormPublisher, PullReport, pull_catalogue
from kiosk.sync.connection import DEFAULT_TIMEOUTS, PROBE_TIMEOUTS, Timeouts, check_server_url
from kiosk.sync.errors import (
    EnrolmentCodeFormatError,
    InsecureServerError,
    KeyringError,
    KioskNumberTakenError,
    NeedsEnrolmentError,
    NoServerError,
    ProtocolError,
    RequestRefusedError,
    ServerMismatchError,
    ServerUnreachableError,
    SyncError,
    TransientSyncError,
)
from kiosk.sync.leases import top_up_leases
from kiosk.sync.outbox import OutboxPusher, counts, head_wait
from kiosk.sync.purge import RetentionPolicy, purge_personal_data
from wire.i18n import TrText
from wire.protocol import DossierStatus, EnrolRequest

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from kiosk.sync.client import SyncClient
    from kiosk.sync.credentials import TokenStore

log = logging.getLogger("kiosk.sync")


def _nothing() -> None:
    return None


class SyncService:
    """Everything sync does, as plain blocking calls; :class:`SyncWorker` runs them."""

    def __init__(
        self,
        db: Database,
        settings: Settings,
        *,
        leases: NumberLeases | None = None,
        forms: FormPublisher | None = None,
        on_catalogue_changed: Callable[[], None] = _nothing,
        audit: AuditLog | None = None,
        clock: Clock = utc_now,
        backoff: Backoff | None = None,
        timeouts: Timeouts = DEFAULT_TIMEOUTS,
        probe_timeouts: Timeouts = PROBE_TIMEOUTS,
        purge: Callable[[], PurgeReport] | None = None,
    ) -> None:
        """``purge``: the kiosk's whole privacy purge (rows, files), run after every pass;
        without it the pass purges the database's rows only."""
        self._db = db
        self._purge = purge
        self._settings = settings
        self._leases = leases
        self._forms = forms
        self._on_catalogue_changed = on_catalogue_changed
        self._audit = audit
        self._clock = clock
        self._timeouts = timeouts
        self._probe_timeouts = probe_timeouts
        self._pusher = OutboxPusher(
            db, clock, backoff or Backoff(), batch_size=settings.sync_batch_size
        )
        self._lock = threading.Lock()
        self._tokens: TokenStore | None = None

    @property
    def settings(self) -> Settings:
        return self._settings

    @property
    def clock(self) -> Clock:
        return self._clock

    @property
    def changes(self) -> ChangeFeed:
        """The kiosk's change feed, on which :class:`SyncWorker` hears the outbox grow."""
        return self._db.changes

    # --- who we are -------------------------------------------------------------------

    def enrolment(self) -> Enrolment | None:
        with self._db.transaction() as session:
            values = state.read_all(session)
        return _enrolment(values)

    def server_url(self) -> str | None:
        """The configured ``server_url`` when set (IT's current word), else the enrolled one."""
        configured = _configured_url(self._settings)
        if configured is not None:
            return configured
        enrolment = self.enrolment()
        return None if enrolment is None else enrolment.server_url

    def enrol(self, code: str, server_url: str | None = None, *, actor: str = "it") -> Enrolment:
        """Enrol with a one-time code; the token is kept (``kiosk.sync.credentials``), the
        rest goes to ``sync_state``.

        The code is redeemed only once the token store has proved it can keep a token
        (``TokenStoreUnavailableError`` otherwise: the code stays unused), and the
        enrolment is recorded only once the token is kept. From then on the enrolled
        server is the kiosk's server: sync, ticket numbers and retention all follow it.

        Enrolling again replaces the previous enrolment (its token is removed) and
        restarts the catalogue feed from the beginning. Raises ``SyncError``:
        ``KioskNumberTakenError`` when another live kiosk of the centre has this kiosk's
        ``kiosk_number`` (the code stays unused: change the number and enrol again). The
        token held, if any, goes with the request to the server that gave it, which then
        revokes the device it belonged to: the kiosk's number is its own again.
        """
        url = self._enrolment_url(server_url)
        code = code.strip()
        if not 6 <= len(code) <= 64:
            raise EnrolmentCodeFormatError()
        request = EnrolRequest(
            code=code,
            kiosk_name=self._settings.kiosk_name,
            kiosk_number=self._settings.kiosk_number,
            app_version=__version__[:32],
        )
        tokens = self.token_store()
        with self._lock:
            tokens.check()
            previous = self.enrolment()
            with self._client(url, token=self._held_token(previous, url)) as client:
                try:
                    response = client.enrol(request)
                except RequestRefusedError as exc:
                    if exc.code != "kiosk_number_taken":
                        raise
                    raise KioskNumberTakenError(
                        exc.status, exc.server_message, number=request.kiosk_number
                    ) from exc
            enrolled_at = self._clock()
            try:
                with self._db.transaction() as session:
                    tokens.store_in(session, response.device_id, response.token)
                    state.put(session, state.DEVICE_ID, str(response.device_id))
                    state.put(session, state.CENTRE_ID, str(response.centre_id))
                    state.put(session, state.CENTRE_NAME, response.centre_name)
                    state.put(session, state.SERVER_URL, url)
                    state.put_instant(session, state.ENROLLED_AT, enrolled_at)
                    state.put(session, state.NEEDS_ENROLMENT, None)
                    state.put(session, state.LAST_ERROR, None)
                    state.put(session, state.CATALOG_CURSOR, None)
                    if self._leases is not None:
                        self._leases.retire_standalone_in(session)
                    if self._audit is not None:
                        self._audit.record_in(
                            session,
                            actor,
                            "sync.enrol",
                            device_id=str(response.device_id),
                            server_url=url,
                        )
            except BaseException:
                log.error(
                    "device %s was enrolled at %s but its token could not be kept: "
                    "revoke it on the server",
                    response.device_id,
                    url,
                )
                tokens.forget(response.device_id)
                raise
            if previous is not None and previous.device_id != response.device_id:
                tokens.forget(previous.device_id)
        log.info("enrolled as device %s at %s", response.device_id, url)
        return Enrolment(
            device_id=response.device_id,
            centre_id=response.centre_id,
            centre_name=response.centre_name,
            server_url=url,
            enrolled_at=enrolled_at,
        )

    def token_store(self) -> TokenStore:
        """Where this kiosk keeps its device token; chosen once, when first needed."""
        if self._tokens is None:
            self._tokens = credentials.token_store(self._settings, self._db)
        return self._tokens

    def has_server_in(self, session: Session) -> bool:
        """Whether the kiosk has a server (configured or enrolled), read in ``session``:
        what ticket numbering asks inside its own transaction."""
        return _configured_url(self._settings) is not None or (
            state.get(session, state.SERVER_URL) is not None
        )

    def _enrolment_url(self, given: str | None) -> str:
        configured = self._settings.server_url
        if given is None and configured is None:
            raise NoServerError()
        url = check_server_url(given or configured or "")
        if configured is not None and check_server_url(configured) != url:
            raise ServerMismatchError(configured=configured, given=url)
        return url

    # --- one pass ---------------------------------------------------------------------

    def sync_once(self, *, force: bool = True) -> SyncReport:
        """Pull, push, lease, purge; returns what happened (never raises ``SyncError``).

        ``force=False`` (the worker's timed passes) leaves the outbox alone while its
        oldest entry waits out a back-off; a person asking to sync now forces it.
        """
        with self._lock:
            report = self._pass(force)
        self._remember(report)
        _log_report(report)
        return report

    def _pass(self, force: bool) -> SyncReport:
        started = self._clock()
        url = self.server_url()
        if url is None:
            return self._finish(started, _Run("not_configured", error=NoServerError().message))
        try:
            client = self._client(url, token=self._token())
        except NeedsEnrolmentError as exc:
            return self._finish(started, _Run("needs_enrolment", error=exc.message))
        except InsecureServerError as exc:
            return self._finish(started, _Run("not_configured", error=exc.message))
        except KeyringError as exc:
            return self._finish(started, _Run("retry", error=exc.message))
        run = _Run()
        with client:
            try:
                self._exchange(client, run, force)
            except NeedsEnrolmentError as exc:
                run.outcome, run.error, run.online = "needs_enrolment", exc.message, True
            except TransientSyncError as exc:
                run.outcome, run.error = "retry", exc.message
                run.online = not isinstance(exc, ServerUnreachableError)
                if exc.retry_after is not None:
                    run.retry_at = self._clock() + timedelta(seconds=exc.retry_after)
            except RequestRefusedError as exc:
                run.outcome, run.error, run.online = "retry", exc.message, True
        return self._finish(started, run)

    def _exchange(self, client: SyncClient, run: _Run, force: bool) -> None:
        """The pass's talking part; fills ``run`` as it goes, raises what stops it."""
        try:
            run.pull = pull_catalogue(
                client,
                self._db,
                self._forms,
                self._clock,
                self._on_catalogue_changed,
                portal_domains=self._settings.portal_domains,
            )
        except ProtocolError as exc:
            # A broken catalogue must not hold back citizens' declarations: carry on.
            run.outcome, run.error = "retry", exc.message
        run.online = True
        run.push, push_error = self._pusher.push(client, force=force)
        if push_error is not None:
            raise push_error
        if run.push.deferred:
            run.outcome = "retry"
        if self._leases is not None:
            # A kiosk with a server numbers from the server's blocks (kiosk.queue.numbering).
            run.grants = top_up_leases(client, self._db, self._leases, self._clock)

    def _finish(self, started: datetime, run: _Run) -> SyncReport:
        """Purge, then read back the counts the report shows."""
        purge = self.purge()
        with self._db.transaction() as session:
            pending, _rejected = counts(session)
            meta = store.read_meta(session)
            retry_at = run.retry_at
            if run.outcome == "retry" and retry_at is None:
                waiting = head_wait(session)
                if waiting is not None and waiting > started:
                    retry_at = waiting
        return SyncReport(
            outcome=run.outcome,
            started_at=started,
            finished_at=self._clock(),
            online=run.online,
            error=run.error,
            retry_at=retry_at,
            catalogue_version=None if meta is None else meta.version,
            catalogue_updated=run.pull.catalogue_updated,
            forms_published=run.pull.forms_published,
            push=run.push,
            pending=pending,
            leases=run.grants,
            purge=purge,
        )

    def _remember(self, report: SyncReport) -> None:
        """What staff and ``status`` read later: last attempt, last success, last error."""
        with self._db.transaction() as session:
            state.put_instant(session, state.LAST_ATTEMPT_AT, report.started_at)
            if report.outcome == "ok":
                state.put_instant(session, state.LAST_SUCCESS_AT, report.finished_at)
            if report.outcome == "ok" or report.error is not None:
                state.put_error(session, report.error)
            state.put(
                session, state.NEEDS_ENROLMENT, "1" if report.outcome == "needs_enrolment" else None
            )

    # --- purge, probe, status ---------------------------------------------------------

    def purge(self) -> PurgeReport:
        """Remove the personal data the retention allows (``kiosk.sync.purge``): the
        injected privacy purge when there is one, else the database's rows alone."""
        if self._purge is not None:
            return self._purge()
        policy = RetentionPolicy.of(self._settings, standalone=self.server_url() is None)
        return purge_personal_data(self._db, self._clock, policy, audit=self._audit)

    def probe(self) -> bool:
        """Whether the server answers its health check now (a few seconds at most)."""
        url = self.server_url()
        if url is None:
            return False
        try:
            with self._client(url, token=None, timeouts=self._probe_timeouts) as client:
                client.health()
        except SyncError:
            return False
        return True

    def declaration_status(self, reference: str) -> DossierStatus | None:
        """What the counter did with a declaration's hồ sơ, asked of the server now; ``None``
        if unknown.

        Raises ``SyncError`` when offline, not enrolled or refused: the caller shows the
        kiosk's own record instead.
        """
        url = self.server_url()
        if url is None:
            raise NoServerError()
        with self._client(url, token=self._token(), timeouts=self._probe_timeouts) as client:
            try:
                return client.dossier_status(reference)
            except RequestRefusedError as exc:
                if exc.code == "not_found":
                    return None
                raise

    def status(self, *, online: bool | None = None) -> SyncStatus:
        """The state as the database has it; ``online`` is the caller's latest knowledge."""
        with self._db.transaction() as session:
            values = state.read_all(session)
            pending, rejected = counts(session)
            meta = store.read_meta(session)
        enrolment = _enrolment(values)
        return SyncStatus(
            online=online,
            enrolled=enrolment is not None,
            needs_enrolment=values.get(state.NEEDS_ENROLMENT) == "1",
            device_id=None if enrolment is None else enrolment.device_id,
            centre_name=None if enrolment is None else enrolment.centre_name,
            server_url=_configured_url(self._settings) or values.get(state.SERVER_URL),
            last_attempt_at=state.read_instant(values, state.LAST_ATTEMPT_AT),
            last_success_at=state.read_instant(values, state.LAST_SUCCESS_AT),
            last_error=state.read_error(values),
            pending=pending,
            rejected=rejected,
            catalogue_version=None if meta is None else meta.version,
            syncing=self._lock.locked(),
        )

    # --- plumbing ---------------------------------------------------------------------

    def _held_token(self, previous: Enrolment | None, url: str) -> str | None:
        """The token of the enrolment being replaced, for the server that gave it, if any."""
        if previous is None or previous.server_url != url:
            return None
        try:
            return self.token_store().load(previous.device_id)
        except KeyringError:
            return None  # the server then sees a new kiosk; IT can revoke the old one

    def _token(self) -> str:
        enrolment = self.enrolment()
        if enrolment is None:
            raise NeedsEnrolmentError()
        token = self.token_store().load(enrolment.device_id)
        if token is None:
            log.warning("device %s has no token kept", enrolment.device_id)
            raise NeedsEnrolmentError()
        return token

    def _client(
        self, url: str, *, token: str | None, timeouts: Timeouts | None = None
    ) -> SyncClient:
        from kiosk.sync.client import SyncClient  # requests loads with the first pass

        return SyncClient(
            url,
            token=token,
            ca_bundle=self._settings.ca_bundle,
            timeouts=timeouts or self._timeouts,
            clock=self._clock,
        )


class _Run:
    """What a pass gathered so far; the report is made from it whatever stopped it."""

    def __init__(self, outcome: Outcome = "ok", *, error: TrText | None = None) -> None:
        self.outcome: Outcome = outcome
        self.error = error
        self.online = False
        self.retry_at: datetime | None = None
        self.pull = PullReport()
        self.push = PushReport()
        self.grants: tuple[LeaseGrant, ...] = ()


def _configured_url(settings: Settings) -> str | None:
    return settings.server_url.strip().rstrip("/") if settings.server_url else None


def _enrolment(values: dict[str, str]) -> Enrolment | None:
    if not all(key in values for key in state.ENROLMENT_KEYS):
        return None
    return Enrolment(
        device_id=uuid.UUID(values[state.DEVICE_ID]),
        centre_id=uuid.UUID(values[state.CENTRE_ID]),
        centre_name=values[state.CENTRE_NAME],
        server_url=values[state.SERVER_URL],
        enrolled_at=datetime.fromisoformat(values[state.ENROLLED_AT]),
    )


def _log_report(report: SyncReport) -> None:
    log.info(
        "sync %s: catalogue %s%s, sent %d (accepted %d, duplicate %d, rejected %d), "
        "pending %d, leases %d, purged %d",
        report.outcome,
        report.catalogue_version,
        " (updated)" if report.catalogue_updated else "",
        report.push.sent,
        report.push.accepted,
        report.push.duplicates,
        report.push.rejected,
        report.pending,
        len(report.leases),
        report.purge.declarations + report.purge.accounts,
    )
