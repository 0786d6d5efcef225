"""Quote recall/precision and speaker accuracy on PolNeAR (``../shared/eval/quotes``).

    /work/venv/bin/python benchmarks/eval_quotes.py [--split dev|train|both] [--limit N]

Gold: PolNeAR attributions (Source, Cue, Content) whose heuristic ``quote_type`` is ``direct``
or ``mixed`` (content with quote marks). One annotation per article (the first annotator).

- Quote recall: gold direct/mixed contents overlapped by a predicted ``direct``/``partial``
  quote.
- Quote precision: predicted ``direct``/``partial`` quotes overlapping the content of *any*
  gold attribution (direct, mixed or indirect): PolNeAR annotates every attribution, so a
  predicted quote outside all of them is a real false positive (a scare quote, a title ...).
- Speaker accuracy: gold direct/mixed quotes whose best-overlapping prediction has the right
  speaker, over all gold direct/mixed quotes. The gold Source is normalised to its last
  capitalised word (`Republican nominee Donald Trump` -> `trump`); a pronoun Source (`he`)
  is replaced by the nearest preceding gold Source that has such a word (the annotators'
  chain of attributions stands in for coreference, which PolNeAR does not annotate). A
  prediction is right when that word is a word of the predicted canonical speaker. A gold
  Source without a capitalised word (`a source`, `officials`) is matched when the predicted
  speaker mention overlaps it (our table then shows the mention, resolved or not).

Offsets: the package normalises text (NFC, newlines); 28 PolNeAR texts change length under
NFC (decomposed accents), so gold offsets are mapped from the raw file onto the normalised
text. The script also compares VADER compound scores of the predicted quotes under the
``vaderSentiment`` lexicon (used by the package) and NLTK's ``vader_lexicon.zip``.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
import time
import unicodedata
import zipfile
from collections import Counter, defaultdict
from functools import lru_cache
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EVAL = Path(os.environ.get("NEWSNB_EVAL", ROOT.parent / "shared" / "eval"))
QUOTES = EVAL / "quotes"
NLTK_LEXICON = ROOT.parent / "shared" / "nltk_data" / "sentiment" / "vader_lexicon.zip"

PRONOUNS = {"he", "she", "they", "it", "him", "her", "i", "we", "you", "his", "them", "us"}
KINDS = ("direct", "mixed")


def offset_map(raw: str) -> tuple[str, list[int]]:
    """The package's normalised text and, for each raw offset, the normalised offset."""
    from analysis.articles import normalize_text

    out = []
    mapping = [0] * (len(raw) + 1)
    pos = 0
    i = 0
    # NFC only composes a base character with the combining marks that follow it: normalise
    # such clusters one at a time and map every raw offset inside a cluster to its start.
    while i < len(raw):
        j = i + 1
        while j < len(raw) and unicodedata.combining(raw[j]):
            j += 1
        piece = normalize_text(raw[i:j]) if raw[i] not in "\r" else "\n"
        if raw[i] == "\r" and j < len(raw) and raw[j] == "\n":
            piece, j = "\n", j + 1
        for k in range(i, j):
            mapping[k] = pos
        out.append(piece)
        pos += len(piece)
        i = j
    mapping[len(raw)] = pos
    text = "".join(out)
    assert text == normalize_text(raw), "offset map does not reproduce normalize_text"
    return text, mapping


def load_gold(split: str) -> list[dict]:
    path = QUOTES / f"polnear_{split}_attributions.jsonl"
    seen, docs = set(), []
    with path.open(encoding="utf-8") as f:
        for line in f:
            d = json.loads(line)
            if d["file"] in seen:
                continue
            seen.add(d["file"])
            docs.append(d)
    return docs


def _spans(part: dict | None, mapping: list[int]) -> list[tuple[int, int]]:
    if not part:
        return []
    return [(mapping[s], mapping[e]) for s, e in part["spans"]]


def _overlap(a: list[tuple[int, int]], s: int, e: int) -> int:
    return sum(max(0, min(e, y) - max(s, x)) for x, y in a)


_NOT_NAMES = {
    "the",
    "a",
    "an",
    "republican",
    "republicans",
    "democratic",
    "democrat",
    "democrats",
    "gop",
    "mr",
    "mrs",
    "ms",
    "dr",
    "sen",
    "rep",
    "gov",
    "del",
    "gen",
    "u.s",
    "us",
    "former",  # `Former Secretary of State Madeleine Albright`: a modifier of the title
    "acting",
}


@lru_cache(maxsize=1)
def _role_nouns() -> frozenset[str]:
    """The scorer's own role nouns (``benchmarks/data``: frozen, not the package's list)."""
    return frozenset(_data_lines("role_nouns.txt"))


@lru_cache(maxsize=1)
def _given_name_genders() -> dict[str, str]:
    """The scorer's own given-name genders (``benchmarks/data``: frozen, not the package's)."""
    return dict(line.split("\t") for line in _data_lines("given_name_genders.tsv"))


def _data_lines(name: str) -> list[str]:
    text = (Path(__file__).parent / "data" / name).read_text(encoding="utf-8")
    return [line for line in text.splitlines() if line and not line.startswith("#")]


def _key(source: str) -> str | None:
    """The speaker's last name: the last capitalised word of the head of the Source phrase.

    The head ends at a comma, `who`/`which` or a bracket (`Don Fowler, who helmed the DNC`),
    or before `of`/`for` + place (`Rep. Elijah Cummings of Maryland`) when a name precedes it;
    titles, role nouns, party names and pronouns are not names (`The president` has none).
    """
    from analysis.names import strip_accents

    head = re.split(r",|\(|\bwho\b|\bwhich\b|\bthat\b", strip_accents(source))[0].strip()
    if head and head.split()[-1][:1].islower():
        return None  # `the New York businessman`: a description, not a name
    parts = re.split(r"\s(?:of|for|at|from|in)\s", head)

    def names(part: str) -> list[str]:
        words = [re.sub(r"(['’]s|[.’'])$", "", w) for w in re.findall(r"[A-Z][\w.\-’']*", part)]
        roles = _role_nouns()
        return [
            w for w in words if w.lower() not in PRONOUNS | _NOT_NAMES and w.lower() not in roles
        ]

    found = names(parts[0]) or names(head)
    return found[-1].lower() if found else None


def _appositive_key(source: str) -> str | None:
    """`Sanders's campaign manager, Jeff Weaver,` -> `weaver`: a description whose appositive
    is a name (the description alone has no capitalised head)."""
    chunks = [c.strip() for c in source.split(",")]
    if len(chunks) > 1 and re.fullmatch(r"(?:[A-Z][\w.\-’']*\s?){1,4}", chunks[1]):
        return _key(chunks[1])
    return None


def _source_key(source: str) -> str | None:
    """The key of a Source: its head's name, or its appositive's name when the head is a role
    and an `of` complement (`The leader of the Anti-Defamation League, Jonathan Greenblatt,`
    is Greenblatt, not the League)."""
    chunks = source.split(",")
    appositive = _appositive_key(source)
    if (
        appositive
        and re.match(r"(?i)(?:the|a|an)\s+[a-z]+(?:\s+[a-z]+)?\s+of\s", chunks[0])
        and len(chunks[1].split()) >= 2
    ):
        return appositive
    return _key(source) or appositive


RELATIVE = {"who", "which", "that"}
PRONOUN_GENDER = {"he": "m", "him": "m", "his": "m", "she": "f", "her": "f"}
_TITLE_GENDER = {"mr": "m", "mrs": "f", "ms": "f", "miss": "f"}


def _genders(source: str, key: str) -> set[str]:
    """Genders a named Source shows: a title (`Mr. Obama`) or a known given name (`Bernie`)
    before its key word; empty when it shows none."""
    from analysis.names import strip_accents

    words = [w.lower().rstrip(".") for w in re.findall(r"[\w.\-’']+", strip_accents(source))]
    if key not in words:
        return set()
    before = words[: words.index(key)]
    found = {_TITLE_GENDER.get(w) or _given_name_genders().get(w) for w in before[-3:]}
    return found - {None}


SPEECH_WORDS = {"said", "says", "say", "told", "added", "wrote", "asked", "stated"}


def _source_text(a: dict) -> dict | None:
    """The Source part; a Source/Cue pair swapped by the annotator (Source `said`, Cue
    `Hester`, `David Plouffe, the architect of …`, `Jason Gilbert of Cheyenne`, `he`) is read
    the right way round."""
    src, cue = a.get("source"), a.get("cue")
    if (
        src
        and cue
        and src["text"].strip().lower() in SPEECH_WORDS
        and (
            re.fullmatch(r"(?:[A-Z][\w.\-’']*\s?){1,4}(?:(?:,|\sof\s).*)?", cue["text"].strip())
            or cue["text"].strip().lower() in PRONOUNS
        )
    ):
        return cue
    return src


def _antecedent_key(text: str, start: int) -> str | None:
    """The name a relative pronoun Source refers to: the nearest comma-separated chunk before
    it, in its sentence, that has a name (`McConnell, now the majority leader, who said`)."""
    before = re.split(r"[.!?\n][\"”’']?\s", text[max(0, start - 400) : start])[-1]
    for chunk in reversed([c for c in before.split(",") if c.strip()]):
        key = _key(chunk)
        if key:
            return key
    return None


def gold_keys(attrs: list[dict], raw: str = "") -> dict[str, str | None]:
    """Gold attribution id -> normalised speaker key (pronouns via the preceding named Source,
    relative pronouns via their antecedent in ``raw``, the article text)."""
    sources = {a["id"]: _source_text(a) for a in attrs}
    keys = {i: _source_key(s["text"]) if s else None for i, s in sources.items()}
    named = sorted((s["spans"][0][0], keys[i]) for i, s in sources.items() if s and keys[i])
    genders: dict[str, set[str]] = {}
    for i, s in sources.items():
        if s and keys[i]:
            genders.setdefault(keys[i], set()).update(_genders(s["text"], keys[i]))
    out = {}
    for a in attrs:
        src = sources[a["id"]]
        key = keys[a["id"]]
        if src and key is None:
            word = src["text"].strip().lower()
            start = src["spans"][0][0]
            if word in PRONOUNS:
                # the nearest named Source before it that the pronoun can refer to: `she` is
                # not `Bernie Sanders` (a gender known from a given name or title in a Source)
                want = PRONOUN_GENDER.get(word)
                before = [
                    k for s, k in named
                    if s < start and (want is None or genders.get(k, set()) <= {want})
                ]  # fmt: skip
                key = before[-1] if before else None
            elif word in RELATIVE and raw:
                key = _antecedent_key(raw, start)
        out[a["id"]] = key
    return out


def analyse(text: str):
    from analysis.document import Document
    from analysis.pipeline import STEPS

    doc = Document(text=text)
    for name, step in STEPS:
        if name in ("sentences", "entities", "quotes"):
            doc.tables.update(step(doc))
    return doc.tables["quotes"]


def evaluate(docs: list[dict], limit: int | None = None) -> dict:
    from analysis.names import strip_accents
    from analysis.sentiment import LexiconAnalyzer, analyzer

    nltk_vader = None
    if NLTK_LEXICON.exists():
        with zipfile.ZipFile(NLTK_LEXICON) as z:
            nltk_vader = LexiconAnalyzer(z.read("vader_lexicon/vader_lexicon.txt").decode("utf-8"))
    c = Counter()
    methods = Counter()
    by_source: dict[str, Counter] = defaultdict(Counter)
    t0 = time.perf_counter()
    for d in docs[:limit]:
        raw = (QUOTES / "PolNeAR" / d["text_path"]).read_text(encoding="utf-8")
        text, mapping = offset_map(raw)
        attrs = d["attributions"]
        keys = gold_keys(attrs, raw)
        preds = [q for q in analyse(text) if q["kind"] in ("direct", "partial")]
        contents = [_spans(a.get("content"), mapping) for a in attrs]
        for q in preds:
            c["pred"] += 1
            c["pred_ok"] += any(_overlap(sp, q["start"], q["end"]) for sp in contents)
            if nltk_vader is not None:
                ours = analyzer().polarity_scores(q["text"])["compound"]
                theirs = nltk_vader.polarity_scores(q["text"])["compound"]
                c["vader_diff"] += abs(ours - theirs) > 1e-9
        for a, content in zip(attrs, contents, strict=True):
            if a.get("quote_type_heuristic") not in KINDS:
                continue
            c["gold"] += 1
            kind = source_kind(_source_text(a))
            by_source[kind]["gold"] += 1
            best = max(preds, key=lambda q: _overlap(content, q["start"], q["end"]), default=None)
            if best is None or not _overlap(content, best["start"], best["end"]):
                continue
            c["found"] += 1
            methods[best["method"] or "none"] += 1
            key = keys[a["id"]]
            src = _spans(_source_text(a), mapping)
            speaker = strip_accents(best["speaker"] or "").lower()
            if not src:  # no Source annotated (`what is being criticized as “…”`): nobody
                ok = best["speaker"] is None
            elif key is not None:
                ok = key in speaker_words(speaker)
            else:
                ok = best["speaker_start"] is not None and bool(
                    _overlap(src, best["speaker_start"], best["speaker_end"])
                )
            c["speaker_ok"] += ok
            by_source[kind]["ok"] += ok
            c["attributed"] += best["speaker"] is not None
    c["seconds"] = time.perf_counter() - t0
    c["articles"] = len(docs[:limit])
    return {"counts": c, "methods": methods, "by_source": by_source}


def speaker_words(speaker: str) -> set[str]:
    """The words of a predicted canonical speaker (lower case), and its initials when it has
    several capitalised words, so that gold `the IMF` matches `International Monetary Fund`."""
    words = re.findall(r"[\w\-’']+", speaker.replace(".", ""))
    caps = [w for w in words if w not in ("of", "the", "and", "for", "on", "in")]
    initials = "".join(w[0] for w in caps) if len(caps) >= 2 else ""
    return set(words) | ({initials} if initials else set())


def source_kind(source: dict | None) -> str:
    """What the gold Source is: a name, a pronoun (keyed through the chain of Sources), a
    relative pronoun, a description without a name (`officials`), or absent."""
    if not source:
        return "none"
    text = source["text"]
    if _key(text) or _appositive_key(text):
        return "name"
    word = text.strip().lower()
    if word in PRONOUNS:
        return "pronoun"
    if word in RELATIVE:
        return "relative"
    return "description"


def figures(result: dict) -> dict[str, float]:
    c = result["counts"]
    return {
        "recall": c["found"] / max(1, c["gold"]),
        "precision": c["pred_ok"] / max(1, c["pred"]),
        "speaker_accuracy": c["speaker_ok"] / max(1, c["gold"]),
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--split", default="both", choices=["dev", "train", "both"])
    ap.add_argument("--limit", type=int, default=None, help="articles per split")
    args = ap.parse_args(argv)
    if not QUOTES.exists():
        print(f"PolNeAR not found at {QUOTES} (set NEWSNB_EVAL)", file=sys.stderr)
        return 1
    splits = ["dev", "train"] if args.split == "both" else [args.split]
    header = (
        f"{'split':6} {'articles':>8} {'gold':>6} {'pred':>6} {'recall':>7} {'precision':>9} "
        f"{'speaker':>8} {'attrib.':>8} {'vader≠':>7} {'s/art':>6}"
    )
    print(header)
    print("-" * len(header))
    for split in splits:
        res = evaluate(load_gold(split), args.limit)
        c, f = res["counts"], figures(res)
        print(
            f"{split:6} {c['articles']:>8} {c['gold']:>6} {c['pred']:>6} {f['recall']:>7.3f} "
            f"{f['precision']:>9.3f} {f['speaker_accuracy']:>8.3f} "
            f"{c['attributed'] / max(1, c['found']):>8.3f} {c['vader_diff']:>7} "
            f"{c['seconds'] / max(1, c['articles']):>6.3f}"
        )
        top = ", ".join(f"{m}={n}" for m, n in res["methods"].most_common())
        print(f"       methods of matched predictions: {top}")
        kinds = sorted(res["by_source"].items(), key=lambda kv: -kv[1]["gold"])
        parts = [f"{k} {v['ok'] / max(1, v['gold']):.3f} (n={v['gold']})" for k, v in kinds]
        print(f"       speaker accuracy by gold Source: {', '.join(parts)}")
    print(
        "\nrecall/precision: overlap of direct+partial predictions with gold direct/mixed "
        "contents / any gold content;\nspeaker: right speaker over all gold direct/mixed quotes "
        "(a pronoun Source's key is the nearest earlier named Source,\na stand-in for "
        "coreference); "
        "attrib.: share of matched predictions with a speaker;\nvader≠: predicted quotes whose "
        "compound differs between the vaderSentiment lexicon and NLTK's copy."
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
