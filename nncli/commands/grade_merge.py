"""`nncli grade merge SHARD.json... --out FILE.csv [--json FILE]`: the gradebook of a class
graded in shards (`nncli grade --shard K/N --json ...`), the same CSV and JSON a single run
with the same seed writes."""

import re

import click

from nncli.commands.grade import csv_path
from nncli.texts import LANGUAGES

MAX_SHARD_FILE = 1 << 30   # a shard's JSON larger than 1 GiB is not one nncli wrote
_SHARD = re.compile(r"[1-9][0-9]{0,3}/[1-9][0-9]{0,3}")


@click.command()
@click.argument("shards", nargs=-1, required=True, metavar="SHARD.json...")
@click.option("--out", "out_path", metavar="FILE.csv", callback=csv_path,
              help="Write the merged gradebook as CSV.")
@click.option("--json", "json_path", metavar="FILE", help="Write the merged detail as JSON.")
@click.option("--lang", is_eager=True, type=click.Choice(LANGUAGES), default=None,
              help="Language of the messages (the notes keep the shards' language).")
@click.pass_context
def command(ctx, shards, out_path, json_path, lang):
    """Combine the --json files of `nncli grade --shard K/N` runs (every K from 1 to N, one
    seed, one nncli version) into the CSV and JSON one run over the whole class writes.
    Exit status: 0 when every student was graded, 1 when nncli could not grade some, 2
    when the shards do not belong together or a file cannot be read or written."""
    from nncli.commands.grade import _check_writable, _shown
    from nncli.errors import NncliError
    from nncli.texts import Texts, resolve_lang

    t = Texts("grade", resolve_lang(lang))
    if not (out_path or json_path):
        raise NncliError(t("merge.no_output"), 2)
    for path in (out_path, json_path):
        if path:
            _check_writable(path, t)
    loaded = [(path, _load(path, t)) for path in shards]
    merged = _merge(loaded, t)

    from nncli.catalogue import EXERCISES
    from nncli.grader.classroom import output

    target = None
    try:
        if out_path:
            target = out_path
            output.write_csv(out_path, merged["students"], EXERCISES)
        if json_path:
            target = json_path
            output.write_json(json_path, merged)
    except OSError as error:
        raise NncliError(t("bad_output", path=_shown(target), reason=error.strerror or error),
                         2) from None
    click.echo(t("merge.done", count=len(merged["students"]), files=len(loaded),
                 seed=merged["seed"]))
    not_graded = sum(1 for item in merged["students"] if not item.get("graded", True))
    if not_graded:
        click.echo(t("summary.not_graded", count=not_graded), err=True)
    ctx.exit(1 if not_graded else 0)


def _load(path, t) -> dict:
    """The JSON of one shard, checked to be what `nncli grade --json` writes."""
    import json
    import os

    from nncli.commands.grade import _shown
    from nncli.errors import NncliError

    try:
        if os.path.getsize(path) > MAX_SHARD_FILE:
            raise NncliError(t("merge.not_ours", path=_shown(path)), 2)
        with open(path, encoding="utf-8") as f:
            data = json.load(f)
    except OSError as error:
        raise NncliError(t("merge.unreadable", path=_shown(path),
                           reason=error.strerror or error), 2) from None
    except ValueError:
        raise NncliError(t("merge.not_ours", path=_shown(path)), 2) from None
    fields = ("version", "seed", "lang", "shard", "isolation", "exercises", "students")
    if not (isinstance(data, dict) and all(k in data for k in fields)
            and isinstance(data["students"], list)
            and (data["shard"] is None or _SHARD.fullmatch(str(data["shard"])))
            and all(isinstance(s, dict) and isinstance(s.get("student"), str)
                    for s in data["students"])):
        raise NncliError(t("merge.not_ours", path=_shown(path)), 2)
    return data


def _merge(loaded, t) -> dict:
    """One JSON (as output.to_json) from the shards `loaded` [(path, data)]: they must
    share version, seed, language and exercises, and be shards 1..N of one N, each once."""
    from nncli.commands.grade import _shown
    from nncli.errors import NncliError
    from nncli.grader.classroom import output

    first_path, first = loaded[0]
    for path, data in loaded[1:]:
        for field in ("version", "seed", "lang", "exercises"):
            if data[field] != first[field]:
                shown = "..." if field == "exercises" else _shown(str(data[field]))
                expected = "..." if field == "exercises" else _shown(str(first[field]))
                raise NncliError(t("merge.mismatch", path=_shown(path), field=field,
                                   value=shown, first=_shown(first_path), expected=expected), 2)
    _check_shards(loaded, t)
    seen, items = {}, []
    for path, data in loaded:
        for item in data["students"]:
            if item["student"] in seen:
                raise NncliError(t("merge.duplicate", student=_shown(item["student"]),
                                   first=_shown(seen[item["student"]]), path=_shown(path)), 2)
            seen[item["student"]] = path
            items.append(item)
    isolations = [data["isolation"] for _, data in loaded]
    isolation = isolations[0] if all(i == isolations[0] for i in isolations) else \
        next((i for i in isolations if not (i or {}).get("enabled")), isolations[0])
    return output.to_json(items, first["seed"], first["version"], isolation, first["lang"])


def _check_shards(loaded, t) -> None:
    """Every shard K/N of one N, each once (a whole run, shard None, merges alone)."""
    from nncli.commands.grade import _shown
    from nncli.errors import NncliError

    shards = [data["shard"] for _, data in loaded]
    counts = {s.partition("/")[2] if isinstance(s, str) else None for s in shards}
    if len(counts) != 1 or (None in counts and len(loaded) > 1):
        raise NncliError(t("merge.not_shards", shards=", ".join(_shown(str(s)) for s in shards)),
                         2)
    count = counts.pop()
    if count is None:
        return
    given = sorted(shards)
    for number in range(1, int(count) + 1):
        shard = f"{number}/{count}"
        if shards.count(shard) != 1:
            key = "merge.missing_shard" if shard not in shards else "merge.twice"
            raise NncliError(t(key, shard=shard, given=", ".join(given)), 2)
