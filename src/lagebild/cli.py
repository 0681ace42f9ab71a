"""``lagebild`` command line: a thin shell over the Python API.

Errors from the library become one line plus a hint and a non-zero exit code, here
and nowhere else.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import click

from lagebild.errors import LagebildError, UsageError

DB_HELP = "SQLite database file (default: lagebild.db)."


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="lagebild")
def cli() -> None:
    """Turn news articles about a conflict into an evidence-linked situation picture.

    \b
    Example:
      lagebild analyze articles/ --db picture.db
      lagebild report --db picture.db -o report.html
      lagebild export --db picture.db --format json -o picture.json
    """


@cli.command()
@click.argument("paths", nargs=-1)
@click.option("--db", default=None, help=DB_HELP)
@click.option("--url", "urls", multiple=True, help="Also fetch this URL or RSS/Atom feed (network only when given).")
@click.option("--kb", "kb_files", multiple=True, type=click.Path(dir_okay=False), help="Extra actor knowledge-base YAML file.")
@click.option("--workers", type=int, default=None, help="Processes for parsing and extraction (default 1).")
@click.option("--config", "config_path", type=click.Path(dir_okay=False), default=None, help="Settings file (TOML or YAML).")
@click.option("--json", "as_json", is_flag=True, help="Print the run summary as JSON.")
def analyze(paths: tuple[str, ...], db: str | None, urls: tuple[str, ...], kb_files: tuple[str, ...],
            workers: int | None, config_path: str | None, as_json: bool) -> None:
    """Read articles (files, folders, '-' for stdin) into the store.

    \b
    Plain text (first line = title), HTML, and JSON Lines (news-please style) are read.
    Bad inputs are recorded as failures and skipped; re-running changes nothing and an
    interrupted run resumes.
    \b
    Example:
      lagebild analyze ~/news/2025-10/ extra.html --db picture.db
      cat article.txt | lagebild analyze - --db picture.db
    """
    from lagebild.api import analyze as run
    from lagebild.config import load_settings
    if not paths and not urls:
        raise UsageError("nothing to analyze", "give files, folders, '-' for stdin, or --url")
    settings = load_settings(config_path, db=db, workers=workers, kb_files=list(kb_files) or None)
    summary = run(paths, settings.db, settings=settings, urls=urls)
    if as_json:
        click.echo(json.dumps({"db": summary.db, "added": summary.added, "unchanged": summary.unchanged,
                               "duplicates": summary.duplicates, "near_duplicates": summary.near_duplicates,
                               "failed": [f.__dict__ for f in summary.failed]}, ensure_ascii=False))
        return
    click.echo(f"{summary.db}: {summary.line()}")
    for fail in summary.failed[:20]:
        click.echo(f"  skipped {fail.source}: [{fail.code}] {fail.message}", err=True)
    if len(summary.failed) > 20:
        click.echo(f"  … and {len(summary.failed) - 20} more (see `lagebild stats --failures`)", err=True)


@cli.command()
@click.option("--db", default="lagebild.db", show_default=True, help=DB_HELP)
@click.option("-o", "--out", default="report.html", show_default=True, help="HTML file to write.")
@click.option("--scenario", "scenario_file", default=None, help="Also run this scenario file and include it ('bundled' for the shipped one).")
def report(db: str, out: str, scenario_file: str | None) -> None:
    """Write one self-contained HTML report (opens offline).

    \b
    Example:
      lagebild report --db picture.db -o report.html --scenario bundled
    """
    import lagebild
    from lagebild.present import write_report
    picture = lagebild.open(db)
    path = write_report(picture, out, scenario_html=_scenario_html(scenario_file))
    click.echo(f"report: {path}")


@cli.command()
@click.option("--db", default="lagebild.db", show_default=True, help=DB_HELP)
@click.option("--format", "fmt", type=click.Choice(["json", "jsonl", "csv"]), default="json", show_default=True)
@click.option("-o", "--out", default=None, help="File (json) or folder (jsonl/csv); default picture.json or export/.")
def export(db: str, fmt: str, out: str | None) -> None:
    """Export the picture (JSON per the picture schema, or JSONL/CSV per record type).

    \b
    Example:
      lagebild export --db picture.db --format json -o picture.json
      lagebild export --db picture.db --format csv -o tables/
    """
    import lagebild
    from lagebild.present import export as run_export
    files = run_export(lagebild.open(db), fmt, out or ("picture.json" if fmt == "json" else "export"))
    for f in files:
        click.echo(f"wrote {f}")


@cli.command()
@click.option("--db", default="lagebild.db", show_default=True, help=DB_HELP)
@click.option("--failures", is_flag=True, help="List every failure.")
@click.option("--json", "as_json", is_flag=True, help="Machine-readable output.")
def stats(db: str, failures: bool, as_json: bool) -> None:
    """Counts of stored records (and failures).

    \b
    Example:
      lagebild stats --db picture.db --failures
    """
    from lagebild.api import _open_existing
    store = _open_existing(db)
    counts = store.counts()
    if as_json:
        out: dict[str, Any] = {"counts": counts}
        if failures:
            out["failures"] = [f.__dict__ for f in store.failures()]
        click.echo(json.dumps(out, ensure_ascii=False))
        return
    for name, n in counts.items():
        click.echo(f"{name:10} {n}")
    if failures:
        for f in store.failures():
            click.echo(f"{f.source}\t{f.stage}\t{f.code}\t{f.message}")


@cli.command()
@click.argument("query")
@click.option("--db", default="lagebild.db", show_default=True, help=DB_HELP)
def search(query: str, db: str) -> None:
    """Full-text search over the stored articles (SQLite FTS5 syntax).

    \b
    Example:
      lagebild search '"Tomahawk" AND Putin' --db picture.db
    """
    from lagebild.api import _open_existing
    for doc_id, snippet in _open_existing(db).search(query):
        click.echo(f"{doc_id}\t{snippet}")


@cli.command()
@click.option("--out", default="out", show_default=True, help="Folder for the database, report and export.")
def demo(out: str) -> None:
    """Run the whole job on the bundled reference corpus (five German articles).

    \b
    Example:
      lagebild demo --out out
    """
    import lagebild
    from lagebild.config import load_settings
    from lagebild.paths import CORPUS_DIR
    from lagebild.present import export as run_export
    from lagebild.present import write_report
    folder = Path(out)
    folder.mkdir(parents=True, exist_ok=True)
    db = folder / "lagebild.db"
    summary = lagebild.analyze([CORPUS_DIR], db, settings=load_settings(db=str(db)))
    click.echo(f"{db}: {summary.line()}")
    picture = lagebild.open(db)
    report_path = write_report(picture, folder / "report.html", scenario_html=_scenario_html("bundled"),
                               title="lagebild — reference corpus ukraine-2025")
    (json_path,) = run_export(picture, "json", folder / "picture.json")
    click.echo(f"report: {report_path.resolve()}")
    click.echo(f"export: {json_path.resolve()}")


@cli.command()
def settings() -> None:
    """List every setting with its default and meaning."""
    from lagebild.config import Settings
    for name, field in Settings.model_fields.items():
        click.echo(f"{name} = {field.default!r}\n    {field.description}")


def _scenario_html(scenario_file: str | None) -> str | None:
    if not scenario_file:
        return None
    try:
        from lagebild.scenario import load_scenario, render_html, run_scenario
    except ImportError:
        return None
    if scenario_file == "bundled":
        from lagebild.scenario import BUNDLED_SCENARIO
        scenario_file = str(BUNDLED_SCENARIO)
    return render_html(run_scenario(load_scenario(scenario_file), runs=1000, seed=0))


def _attach_optional_groups() -> None:
    try:
        from lagebild.scenario.cli import scenario
    except ImportError:
        return
    cli.add_command(scenario)


def main(argv: list[str] | None = None) -> int:
    _attach_optional_groups()
    try:
        cli.main(args=argv, prog_name="lagebild", standalone_mode=False)
    except LagebildError as err:
        click.echo(f"error: {err.message} [{err.code}]", err=True)
        if err.hint:
            click.echo(f"hint: {err.hint}", err=True)
        return err.exit_code
    except click.exceptions.Abort:
        click.echo("interrupted — run the same command again to resume", err=True)
        return 130
    except KeyboardInterrupt:
        click.echo("interrupted — run the same command again to resume", err=True)
        return 130
    except click.ClickException as err:
        err.show()
        return err.exit_code
    return 0


if __name__ == "__main__":
    sys.exit(main())
