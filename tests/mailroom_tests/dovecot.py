"""A private Dovecot for the tests: Debian's dovecot-imapd on a free loopback port, with a
throwaway maildir, started from a config in a temporary folder (no system paths, no service).

Any user name logs in with PASSWORD (a static passdb), in plain text: the server listens on
127.0.0.1 only and TLS is off, as the mailbox-down test needs a server without it. Run as
root (as the test machines do), Dovecot's login and mail processes need users of their own:
Debian's dovecot and dovenull, which the package creates; as anyone else, that user serves.
Mail is delivered the maildir way: a file written into tmp/ and renamed into new/.
"""

import contextlib
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import time
import uuid
from dataclasses import dataclass
from pathlib import Path

from tests.deploy.served_site import free_port

DOVECOT = "/usr/sbin/dovecot"
PASSWORD = "测试-imap-口令".encode().hex()
USER = "tougao"


@dataclass
class Mailbox:
    port: int
    maildir: Path
    owner: tuple[int, int]

    def empty(self) -> None:
        """Remove every message (between tests; Dovecot notices at the next login)."""
        for part in ("new", "cur"):
            for message in (self.maildir / part).iterdir():
                message.unlink()

    def deliver(self, raw: bytes) -> None:
        name = f"{time.time_ns()}.{uuid.uuid4().hex}.test"
        draft = self.maildir / "tmp" / name
        draft.write_bytes(raw)
        os.chown(draft, *self.owner)
        draft.rename(self.maildir / "new" / name)


def _accounts() -> tuple[str, str, int, int]:
    """(login user, internal user, mail uid, mail gid) for the user running the tests."""
    if os.geteuid() != 0:
        me = pwd.getpwuid(os.geteuid())
        return me.pw_name, me.pw_name, me.pw_uid, me.pw_gid
    internal = pwd.getpwnam("dovecot")
    return "dovenull", "dovecot", internal.pw_uid, internal.pw_gid


def _config(folder: Path, port: int) -> str:
    login_user, internal_user, uid, gid = _accounts()
    return f"""
base_dir = {folder}/run
state_dir = {folder}/state
log_path = {folder}/dovecot.log
protocols = imap
listen = 127.0.0.1
ssl = no
# Plain-text login, on the loopback address only.
disable_plaintext_auth = no
auth_mechanisms = plain
default_login_user = {login_user}
default_internal_user = {internal_user}
mail_location = maildir:{folder}/mail/%u
# Debian's dovecot user has a system uid, below the default first valid one (500).
first_valid_uid = {uid}
first_valid_gid = {gid}
service imap-login {{
  chroot =
  inet_listener imap {{
    address = 127.0.0.1
    port = {port}
  }}
  inet_listener imaps {{
    port = 0
  }}
}}
service anvil {{
  chroot =
}}
passdb {{
  driver = static
  args = password={PASSWORD}
}}
userdb {{
  driver = static
  args = uid={uid} gid={gid} home={folder}/home/%u
}}
"""


@contextlib.contextmanager
def private_dovecot():
    """A running Dovecot and USER's empty mailbox; stopped and removed afterwards."""
    # Not pytest's tmp_path: its parents are closed to the dovecot user that reads the mail.
    folder = Path(tempfile.mkdtemp(prefix="kfq-dovecot-"))
    folder.chmod(0o755)
    port = free_port()
    _login, _internal, uid, gid = _accounts()
    maildir = folder / "mail" / USER
    for part in ("cur", "new", "tmp"):
        (maildir / part).mkdir(parents=True)
    for path in (folder / "mail", maildir, *(maildir / part for part in ("cur", "new", "tmp"))):
        os.chown(path, uid, gid)
    (folder / "dovecot.conf").write_text(_config(folder, port))
    server = subprocess.Popen(
        [DOVECOT, "-F", "-c", str(folder / "dovecot.conf")],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.STDOUT,
    )
    try:
        _wait_for_greeting(port, server, folder)
        yield Mailbox(port=port, maildir=maildir, owner=(uid, gid))
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
        shutil.rmtree(folder, ignore_errors=True)


def _wait_for_greeting(port: int, server: subprocess.Popen, folder: Path) -> None:
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        if server.poll() is not None:
            break
        with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), 1) as s:
            if s.recv(100).startswith(b"* OK"):
                return
        time.sleep(0.1)
    log = folder / "dovecot.log"
    raise RuntimeError("Dovecot did not start:\n" + (log.read_text() if log.exists() else ""))
