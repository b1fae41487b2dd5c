"""gunicorn's settings for the site: `gunicorn -c deploy/gunicorn.conf.py` from anywhere.

Used by `make serve` (scripts/serve.sh) and the systemd unit deploy/kfq.service. Two settings
come from the environment, beside the site's own KFQ_* settings:
  KFQ_BIND     where to listen (default 127.0.0.1:8000: only nginx on this machine talks to
               gunicorn, which is what makes the client address nginx passes on trustworthy)
  KFQ_WORKERS  how many worker processes (default 2 × CPU cores + 1, gunicorn's advice)
"""

import multiprocessing
import os
from pathlib import Path

chdir = str(Path(__file__).resolve().parent.parent)
wsgi_app = "kfq_site.wsgi:application"

bind = [os.environ.get("KFQ_BIND", "127.0.0.1:8000")]
workers = int(os.environ.get("KFQ_WORKERS") or 2 * multiprocessing.cpu_count() + 1)
worker_class = "sync"

# A photo upload is read by nginx before it reaches gunicorn, so a worker waits on no slow
# client; 60 s leaves room for re-encoding a 40-megapixel photo on a slow machine. A stuck
# worker is killed after that and replaced.
timeout = 60
graceful_timeout = 30
keepalive = 5
# A worker is replaced after about a thousand requests, so that a slow leak never piles up.
max_requests = 1000
max_requests_jitter = 100

# Access log to stdout, gunicorn's own messages (and the site's warnings) to stderr: under
# `make serve` both show in the terminal, under systemd both go to the journal.
accesslog = "-"
errorlog = "-"
loglevel = "info"
