"""Every failure of a command as one line on stderr with what to do, and an exit status:
2 for a usage or configuration problem, 1 for a failure inside newsgraph, 130 for Ctrl-C.
`--debug` (or NEWSGRAPH_DEBUG=1) shows the traceback instead."""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Sequence

import typer
from typer._click import exceptions as click_errors

from newsgraph.errors import NewsgraphError

USAGE = 2
INTERNAL = 1
INTERRUPTED = 130
MAX_MESSAGE = 400


def one_line(text: str) -> str:
    """The first line of a message, shortened, printable whatever bytes it carries."""
    line = next((part.strip() for part in str(text).splitlines() if part.strip()), "")
    if len(line) > MAX_MESSAGE:
        line = line[: MAX_MESSAGE - 1] + "…"
    return line.encode("utf-8", "replace").decode("utf-8")


def say(message: str) -> None:
    sys.stderr.write(f"error: {one_line(message)}\n")
    sys.stderr.flush()


def _store_error(exc: Exception) -> str | None:
    """A database error as what the user should check, or None when it is not one."""
    try:
        from sqlalchemy.exc import ArgumentError, DBAPIError, NoSuchModuleError
    except ImportError:  # pragma: no cover - sqlalchemy is a dependency
        return None
    if isinstance(exc, (ArgumentError, NoSuchModuleError)):
        return (
            f"the store URL is not valid ({one_line(str(exc))}); give an SQLite file path or "
            "postgresql://user:password@host/dbname with --db or NEWSGRAPH_DB"
        )
    if isinstance(exc, DBAPIError):
        return (
            f"the store cannot be used ({one_line(str(exc.orig))}); check --db / NEWSGRAPH_DB, "
            "that the server is running and that you may write there"
        )
    return None


def run(app: typer.Typer, args: Sequence[str]) -> int:
    """Run the app on `args` and return the exit status; never lets a traceback out unless
    debugging."""
    debug = bool(os.environ.get("NEWSGRAPH_DEBUG")) or "--debug" in args
    try:
        result = app(args=list(args), prog_name="newsgraph", standalone_mode=False)
    except typer.Exit as exc:
        return int(exc.exit_code)
    except click_errors.NoArgsIsHelpError as exc:
        sys.stdout.write(exc.format_message() + "\n")
        return 0
    except click_errors.UsageError as exc:
        if debug:
            raise
        command = exc.ctx.command_path if exc.ctx is not None else "newsgraph"
        say(f"{exc.format_message()} (see `{command} --help`)")
        return USAGE
    except click_errors.ClickException as exc:
        say(exc.format_message())
        return int(exc.exit_code) or USAGE
    except (typer.Abort, KeyboardInterrupt):
        sys.stderr.write("interrupted\n")
        return INTERRUPTED
    except BrokenPipeError:
        # The reader went away (`| head`); what it wanted was written.
        with contextlib.suppress(OSError):
            sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - silence the flush at exit
        return 0
    except NewsgraphError as exc:
        if debug:
            raise
        say(str(exc))
        return USAGE
    except OSError as exc:
        if debug:
            raise
        where = f"{exc.filename}: " if exc.filename else ""
        say(f"{where}{exc.strerror or exc}; check the path, its permissions and free disk space")
        return USAGE
    except Exception as exc:
        if debug:
            raise
        message = _store_error(exc)
        if message is not None:
            say(message)
            return USAGE
        say(
            f"internal error ({type(exc).__name__}: {one_line(str(exc))}); run again with "
            "--debug for the traceback and please report it"
        )
        return INTERNAL
    return int(result) if isinstance(result, int) else 0
