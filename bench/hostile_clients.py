"""The load script's clients at work: correspondents and editors at once, hostile input mixed in."""

import threading

from bench.hostile_client import Site
from bench.hostile_correspondent import Correspondent
from bench.hostile_editor import Editor
from bench.hostile_inputs import good_jpeg
from bench.hostile_records import Recorder, Window


def run_clients(site: Site, *, correspondents: int, editors: int, seconds: float) -> Recorder:
    """Every client logs in, then all work for `seconds`; returns what they saw."""
    recorder = Recorder(Window(correspondents + editors, seconds))
    site.photo = good_jpeg()
    clients = [Correspondent(site, recorder, n) for n in range(correspondents)]
    clients += [Editor(site, recorder, n) for n in range(editors)]
    threads = [threading.Thread(target=client.run, daemon=True) for client in clients]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=seconds + 600)
    return recorder
