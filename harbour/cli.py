"""`harbour`: the one command-line entry point for everything the project does."""

from __future__ import annotations

import os
import sys

# Harbour's own commands, in the order a newcomer needs them.
COMMANDS = {
    "serve": "set up (migrate, load the starter content, first admin) and serve with gunicorn",
    "setup": "set up the database without serving: migrate, starter content, first admin",
    "load-content": "load the starter advice from content/ (idempotent; --force overwrites edits)",
    "answer": "answer questions from a JSON Lines file with the webchat engine",
    "eval": "score the answering engines side by side on labelled JSON Lines files",
    "export-vectors": "ship the embeddings of the published advice with the repository",
    "worker": "send email: the task queue's worker (`serve` starts one; run it yourself with --no-worker)",
    "purge": "delete closed enquiries older than HARBOUR_RETENTION_DAYS (--dry-run to count them)",
    "rotate-keys": "re-encrypt stored enquiries under the newest key in HARBOUR_ENCRYPTION_KEYS",
    "migrate": "apply database migrations",
    "createsuperuser": "create a staff account",
}


def _usage() -> str:
    width = max(len(name) for name in COMMANDS)
    lines = ["usage: harbour COMMAND [options]", "", "Harbour's commands:"]
    lines += [f"  {name.ljust(width)}  {text}" for name, text in COMMANDS.items()]
    lines += ["", "`harbour COMMAND --help` explains a command's options.",
              "`harbour help --all` lists every Django and Wagtail command as well.",
              "Settings come from environment variables: see README.md."]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    argv = list(sys.argv if argv is None else argv)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.local")
    args = argv[1:]
    if not args or args[0] in {"-h", "--help"} or args == ["help"]:
        print(_usage())
        return
    if args[0] == "help" and args[1:] == ["--all"]:
        args = ["help"]
    # Commands are spelled with hyphens on the command line, underscores in Django.
    args[0] = args[0].replace("-", "_")
    from django.core.management import execute_from_command_line

    execute_from_command_line(["harbour", *args])


if __name__ == "__main__":
    main()
