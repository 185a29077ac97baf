"""The compliance report of an export, as JSON and as PDF (Qt's own painting, offscreen).

The JSON is the record; the PDF is the same content for a human (the Ordre, a lawyer, the practice).
QtGui is imported only when a PDF is written, on the offscreen platform when no GUI is running;
QtWidgets is never imported.

The PDF is a designed A4 document, laid out from :func:`report_html` (which tests read without a
display): the post's title and practice, a banner (approved, or exported without review), a
summary (review state, who reviewed and approved it and when — dates in local time, « 6 décembre
2026 à 14 h 05 » —, the rule pack, the text's fingerprint), the review decisions as a table with a
repeated header and zebra rows, the exported texts and the body. A section with nothing to show
says so in a sentence. Each page has a footer: the fingerprint shortened, the rule pack and
« Page 1 / 2 ». Labels are French, or English when the interface is (``language``); the rules'
own texts and the people's reasons stay as written.

Both carry only what was exported: the approved body (no front matter, no HTML comments) and the
network texts, never the team's notes; no file system path is printed (the PDF's title metadata is
the post's title or file name). Both files are private (0600).
"""
from __future__ import annotations

import bisect
import html
import json
import logging
import os
import re
import tempfile
from pathlib import Path

from editor.fileio import PRIVATE_FILE, sweep_stale_temps

log = logging.getLogger(__name__)

DECISIONS_FR = {"accepted": "acceptée", "sent-back": "renvoyée à l’auteur", "open": "non traitée"}
SEVERITIES_FR = {"error": "erreur", "warning": "avertissement", "info": "information"}


def _inside(spans: list[tuple[int, int]], a: int, b: int) -> bool:
    """Does ``[a, b)`` overlap one of the sorted, disjoint ``spans``?"""
    k = bisect.bisect_right(spans, (a, float("inf"))) - 1
    return any(0 <= i < len(spans) and spans[i][0] < b and a < spans[i][1] for i in (k, k + 1))


def finding_record(f, decision: dict | None = None,
                   hidden: list[tuple[int, int]] | None = None, accepted: bool = False) -> dict:
    """A finding with its decision (``accepted``, ``sent-back`` or ``open``), reason, who, when.

    ``hidden``: source spans never exported (HTML comments); a finding there keeps its rule and
    position but not its passage, which may be a working note (a patient's name). ``accepted``:
    a still-valid review decision accepts it (the gate let it through): ``"waived": true`` and
    the decision ``accepted``, as in the JSON report of ``tact check``.
    """
    d = f.to_json()
    if accepted:
        d["waived"] = True
    if hidden and _inside(hidden, f.start, f.end):
        d["text"] = ""
        d.pop("suggestion", None)
        d.pop("replacement", None)
        d["in_comment"] = True
    decision = decision or {}
    d["decision"] = "accepted" if accepted else decision.get("decision", "open")
    d["reason"] = decision.get("reason")
    d["decided_by"] = decision.get("decided_by")
    d["decided_at"] = decision.get("decided_at")
    return d


def write_json(path: Path, report: dict) -> None:
    from editor.fileio import write_atomic

    write_atomic(path, (json.dumps(report, ensure_ascii=False, indent=1) + "\n").encode("utf-8"))


def _short(text: str, limit: int = 120) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit - 1] + "…"


# Markdown images in a quoted passage: whole, cut at the passage's end, or begun before its start.
_IMAGE = re.compile(r"!\[([^\]]*)\]\(\s*<?([^)>]*?)>?(?:\s+\"[^\"]*\")?\s*\)")
_IMAGE_TAIL = re.compile(r"!\[([^\]]*)(?:\]\(?([^)\s]*))?$")
_IMAGE_HEAD = re.compile(r"^[^\[\]()!]*\]\(\s*<?([^)>\s]*)>?[^)]*\)")


def _image_label(alt: str | None, target: str | None) -> str:
    """« image avant.jpg » (the file's name, never where it lies), else the alt text."""
    name = str(target or "").replace("\\", "/").rstrip("/").rsplit("/", 1)[-1]
    if name and "." in name:
        return f"image {name}"
    alt = " ".join(str(alt or "").split())
    return alt or "image"


def _cut_words(text: str, limit: int) -> str:
    """``text`` at most ``limit`` characters, its middle left out (« … ») on word boundaries."""
    if len(text) <= limit:
        return text
    keep = max(1, (limit - 3) // 2)
    head, tail = text[:keep], text[-keep:]
    if text[keep:keep + 1].strip() and " " in head:          # cut inside a word: drop it
        head = head[:head.rindex(" ")]
    if text[-keep - 1:-keep].strip() and " " in tail:
        tail = tail[tail.index(" ") + 1:]
    return head.rstrip(" ,;:") + " … " + tail.lstrip()


def quote_passage(text: str, limit: int = 140) -> str:
    """A passage as a reader quotes it: on one line, Markdown images named (« image avant.jpg »
    or their alt text), shortened on word boundaries with « … » only where something was left
    out."""
    one = " ".join(str(text or "").split())
    one = _IMAGE.sub(lambda m: _image_label(m.group(1), m.group(2)), one)
    one = _IMAGE_HEAD.sub(lambda m: _image_label("", m.group(1)), one)
    one = _IMAGE_TAIL.sub(lambda m: _image_label(m.group(1) if m.group(2) is not None
                                                 or m.group(0).endswith("]") else "",
                                                 m.group(2)), one)
    return _cut_words(one, limit)


def _group_passage(records: list[dict]) -> str:
    """The passage of findings that are one problem: their texts joined over their offsets
    (overlapping), else the widest one."""
    spans = sorted((r for r in records if r.get("text")),
                   key=lambda r: (r.get("start", 0), -r.get("end", 0)))
    if not spans:
        return ""
    try:
        out, end = spans[0]["text"], int(spans[0]["end"])
        for r in spans[1:]:
            start, stop = int(r["start"]), int(r["end"])
            if start > end:
                raise ValueError("a gap between the passages")
            if stop > end:
                out += r["text"][end - start:]
                end = stop
        return out
    except (KeyError, TypeError, ValueError):
        return max(spans, key=lambda r: len(r["text"]))["text"]


SEVERITY_RANK = {"error": 0, "warning": 1, "info": 2}


def group_records(findings: list[dict]) -> list[list[dict]]:
    """The report's findings as problems: those sharing a ``group`` key together (the key the
    review's items use), in order of their first finding."""
    groups: dict[str, list[dict]] = {}
    for f in findings:
        groups.setdefault(str(f.get("group") or f.get("id") or id(f)), []).append(f)
    return list(groups.values())


def _group_decision(records: list[dict]) -> str:
    """``accepted`` (all), ``sent-back`` (none left open, one sent back) or ``open``."""
    kinds = {r.get("decision", "open") for r in records}
    if kinds == {"accepted"}:
        return "accepted"
    if "open" not in kinds and "sent-back" in kinds:
        return "sent-back"
    return "open"


def _esc(s) -> str:
    return html.escape("" if s is None else str(s))


# -- the PDF's words, in the interface language (the rules' own texts stay French) --------------
LANGUAGES = ("fr", "en")
WORDS = {
    "fr": {
        "kicker": "Rapport de conformité",
        "summary": "Résumé",
        "state": "État de la relecture",
        "reviewed": "Relu par",
        "approved": "Approuvé par",
        "exported": "Exporté le",
        "rules": "Version des règles",
        "networks": "Réseaux",
        "fingerprint": "Empreinte du texte (SHA-256)",
        "tool": "Outil",
        "signatures": "Signatures",
        "nobody_reviewed": "aucune relecture enregistrée",
        "nobody_approved": "aucune approbation",
        "who_when": "{who}, le {when}",
        "unreviewed_state": "{state} — exporté sans relecture",
        "unreviewed_banner": "Exporté sans relecture\u202f: ce texte n’a pas été approuvé "
                             "avant l’export.",
        "approved_banner": "Texte approuvé avant l’export.",
        "no_journal": "Aucune relecture enregistrée pour cette publication.",
        "decisions": "Décisions de relecture",
        "decisions_count": "{n} problème(s) relevé(s) par le vérificateur et la décision prise "
                           "pour chacun.",
        "no_findings": "Aucun constat\u202f: le vérificateur n’a rien signalé sur ce texte.",
        "col_passage": "Passage", "col_problem": "Problème", "col_decision": "Décision",
        "col_reason": "Motif", "col_who": "Par",
        "in_comment": "(passage dans un commentaire, non exporté)",
        "texts": "Textes exportés",
        "no_texts": "Aucun texte par réseau n’a été exporté.",
        "count_line": "{count} / {limit} {unit}",
        "parts": "{n} parties (fil numéroté)",
        "one_part": "une publication",
        "file": "fichier {name}",
        "images": "Images jointes",
        "no_alt": "pas de texte alternatif",
        "alt": "texte alternatif\u00a0: «\u00a0{alt}\u00a0»",
        "notes": "Remarques de conversion",
        "body_approved": "Texte approuvé",
        "body_unreviewed": "Texte exporté sans relecture",
        "footer": "Empreinte du texte {hash} · Règles {rules}",
        "page": "Page {page} / {pages}",
        "none": "—",
        "untitled": "Publication sans titre",
    },
    "en": {
        "kicker": "Compliance report",
        "summary": "Summary",
        "state": "Review state",
        "reviewed": "Reviewed by",
        "approved": "Approved by",
        "exported": "Exported on",
        "rules": "Rule pack version",
        "networks": "Networks",
        "fingerprint": "Text fingerprint (SHA-256)",
        "tool": "Tool",
        "signatures": "Signatures",
        "nobody_reviewed": "no review recorded",
        "nobody_approved": "no approval",
        "who_when": "{who}, on {when}",
        "unreviewed_state": "{state} — exported without review",
        "unreviewed_banner": "Exported without review: this text was not approved before "
                             "the export.",
        "approved_banner": "Text approved before the export.",
        "no_journal": "No review recorded for this post.",
        "decisions": "Review decisions",
        "decisions_count": "{n} problem(s) found by the checker and the decision taken on "
                           "each.",
        "no_findings": "No findings: the checker flagged nothing in this text.",
        "col_passage": "Passage", "col_problem": "Problem", "col_decision": "Decision",
        "col_reason": "Reason", "col_who": "By",
        "in_comment": "(passage in a comment, not exported)",
        "texts": "Exported texts",
        "no_texts": "No network text was exported.",
        "count_line": "{count} / {limit} {unit}",
        "parts": "{n} parts (numbered thread)",
        "one_part": "one post",
        "file": "file {name}",
        "images": "Attached images",
        "no_alt": "no alternative text",
        "alt": "alternative text: “{alt}”",
        "notes": "Conversion notes",
        "body_approved": "Approved text",
        "body_unreviewed": "Text exported without review",
        "footer": "Text fingerprint {hash} · Rules {rules}",
        "page": "Page {page} / {pages}",
        "none": "—",
        "untitled": "Untitled post",
    },
}
DECISIONS = {
    "fr": DECISIONS_FR,
    "en": {"accepted": "accepted", "sent-back": "sent back to the author", "open": "not handled"},
}
SEVERITIES = {"fr": SEVERITIES_FR,
              "en": {"error": "error", "warning": "warning", "info": "information"}}
STATES_EN = {"brouillon": "draft", "à relire": "to review", "modifications demandées":
             "changes requested", "approuvé": "approved", "exporté": "exported"}
UNITS = {"fr": {"weighted": "caractères pondérés", "utf16": "caractères",
                "utf8-bytes": "octets"},
         "en": {"weighted": "weighted characters", "utf16": "characters",
                "utf8-bytes": "bytes"}}
CATEGORIES = {
    "before-after": ("avant/après", "before/after"),
    "superlative": ("superlatifs", "superlatives"),
    "misleading-claim": ("allégation trompeuse", "misleading claim"),
    "pricing": ("prix et promotions", "pricing"),
    "testimonial": ("témoignage", "testimonial"),
    "rating": ("notes et avis", "ratings"),
    "comparison": ("comparaison", "comparison"),
    "incentive": ("incitation", "incentive"),
    "medicine-brand": ("marque de produit", "product brand"),
    "patient-identity": ("identité de patient", "patient identity"),
    "title": ("titre", "title"),
    "sponsored": ("partenariat", "sponsored content"),
    "solicitation": ("sollicitation", "solicitation"),
    "dignity": ("dignité", "dignity"),
    "reflection-period": ("délai de réflexion", "reflection period"),
    "retouched-image": ("image retouchée", "retouched image"),
    "links-of-interest": ("liens d’intérêts", "links of interest"),
    "consent": ("consentement", "consent"),
    "evidence": ("sources", "evidence"),
    "minors": ("mineurs", "minors"),
    "spelling": ("orthographe", "spelling"),
    "platform": ("réseau", "network"),
}
# English for the French words the review records (its own labels; the people's reasons stay).
REASONS_EN = {"faux positif": "false positive",
              "information scientifique sourcée": "sourced scientific information",
              "mention présente ailleurs": "statement made elsewhere", "autre": "other"}
MEANINGS_EN = {"j'approuve ce texte en tant qu'auteur": "I approve this text as its author",
               "j'ai relu ce texte et j'en approuve la publication":
               "I have reviewed this text and approve its publication"}
MONTHS = {"fr": ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
                 "septembre", "octobre", "novembre", "décembre"),
          "en": ("January", "February", "March", "April", "May", "June", "July", "August",
                 "September", "October", "November", "December")}

SEVERITY_COLORS = {"error": "#b3261e", "warning": "#a15c00", "info": "#1f5fae"}
DECISION_COLORS = {"accepted": "#1e6b34", "sent-back": "#a15c00", "open": "#5a6570"}
INK, MUTED, RULE, ZEBRA, ACCENT = "#1d2733", "#5a6570", "#c9d1d9", "#f3f6f8", "#0b5d57"
# Qt's rich text drops a heading's top margin after a table: a small empty paragraph instead.
GAP = '<p style="margin:0;font-size:5pt">&nbsp;</p>'


def report_language(language: str | None = None) -> str:
    """``fr`` or ``en``: ``language`` when given, else the running editor's interface language
    (set by ``editor.ui.i18n``), else ``TACT_LANG``, else French."""
    if language in LANGUAGES:
        return language
    lang = None
    try:
        from PySide6.QtGui import QGuiApplication

        app = QGuiApplication.instance()
        lang = app.property("tact_language") if app is not None else None
    except ImportError:
        lang = None
    lang = str(lang or os.environ.get("TACT_LANG", "") or "fr").strip().lower()[:2]
    return lang if lang in LANGUAGES else "fr"


def format_date(iso: str | None, language: str = "fr") -> str:
    """``2026-12-06T13:05:00+00:00`` → « 6 décembre 2026 à 14 h 05 » in local time (French), or
    « 6 December 2026 at 14:05 » (English); a value that is not a date is returned as it is."""
    from datetime import datetime

    if not iso:
        return ""
    try:
        when = datetime.fromisoformat(str(iso).replace("Z", "+00:00")).astimezone()
    except ValueError:
        return str(iso)
    month = MONTHS["en" if language == "en" else "fr"][when.month - 1]
    if language == "en":
        return f"{when.day} {month} {when.year} at {when:%H:%M}"
    day = "1er" if when.day == 1 else str(when.day)
    return f"{day} {month} {when.year} à {when.hour} h {when:%M}"


def short_hash(digest: str | None) -> str:
    """A SHA-256 shortened for a footer: its first 12 and last 4 hexadecimal digits."""
    d = str(digest or "")
    return d if len(d) <= 20 else f"{d[:12]}…{d[-4:]}"


# An absolute path (``/home/…``, ``~/…``, ``C:\…``: folders may hold spaces, never start with one)
# or a relative one that names a file (``images/nez.png``); a web address is no path.
_ABSOLUTE = re.compile(r"(?<![\w/\\:.])(?:~|[A-Za-z]:)?[\\/]"
                       r"(?:[^\s\\/«»\"'()][^\\/\n«»\"'()]*[\\/])+"
                       r"([^\s\\/«»\"'(),;]+)")
_RELATIVE = re.compile(r"(?<![\w/\\:.@-])((?:[\w.~-]+[\\/])+)([\w.~-]*\.[A-Za-z0-9]{1,5})\b")
_DOMAIN = re.compile(r"(?:www\.)?[\w-]+(?:\.[\w-]+)*\.[A-Za-z]{2,}")


def no_paths(text: str | None) -> str:
    """``text`` with file system paths reduced to the name of their last part (web addresses
    and words such as « avant/après » are left alone)."""
    if not text:
        return ""

    def relative(m: re.Match) -> str:
        first = re.split(r"[\\/]", m.group(1), maxsplit=1)[0]
        return m.group(0) if _DOMAIN.fullmatch(first) else m.group(2)

    return _RELATIVE.sub(relative, _ABSOLUTE.sub(lambda m: m.group(1), text))


def _nowrap(s: str) -> str:
    return f'<span style="white-space:nowrap">{_esc(s)}</span>' if s else ""


def _date_lines(date: str) -> str:
    """A date for a narrow cell: the day on one line, the time on the next, each unbreakable
    (no-break spaces), so « 2026 » is never split."""
    for sep in (" à ", " at "):
        if sep in date:
            day, time_ = date.split(sep, 1)
            return (_esc(day.replace(" ", "\u00a0")) + "<br>"
                    + _esc((sep.strip() + " " + time_).replace(" ", "\u00a0")))
    return _esc(date.replace(" ", "\u00a0"))


def _who_when(who, when, language: str, words: dict, stacked: bool = False) -> str:
    """« Inès Dubois (assistante), le 6 décembre 2026 à 14 h 05 » (the date below the name
    when ``stacked``); empty when nobody."""
    if not who:
        return ""
    date = format_date(when, language)
    name = _esc(no_paths(who))
    if not date:
        return name
    if stacked:
        return f'{name}<br><span style="color:{MUTED};font-size:7.5pt">{_date_lines(date)}</span>'
    return words["who_when"].format(who=name, when=_nowrap(date))


def _thousands(n, language: str) -> str:
    try:
        n = int(n)
    except (TypeError, ValueError):
        return _esc(n)
    return f"{n:,}" if language == "en" else f"{n:,}".replace(",", "\u202f")


def _reason(reason: str | None, language: str) -> str:
    if not reason:
        return ""
    reason = no_paths(reason)
    if language == "en":
        for fr, en in REASONS_EN.items():
            if reason.startswith(fr + "\u202f:") or reason.startswith(fr + " :"):
                return en + ":" + reason.split(":", 1)[1]
    return reason


_UNREVIEWED = re.compile(r"Exporté sans relecture\s*:\s*ce texte n’a pas été approuvé avant "
                         r"l’export(?:\s*\(état\s*«[^»]*»\))?\.")
_NO_JOURNAL = "Aucune relecture enregistrée pour cette publication."


def _note(review: dict, approved: bool, words: dict) -> str:
    """The review's note for the banner: the export-without-review sentence in the report's
    language, then what else the record says (a damaged history), without paths."""
    rest = _UNREVIEWED.sub("", str(review.get("note") or "").replace("\u202f", " "))
    parts = []
    if _NO_JOURNAL in rest:
        rest = rest.replace(_NO_JOURNAL, "")
        parts.append(words["no_journal"])
    rest = " ".join(rest.split())
    if rest:
        parts.insert(0, no_paths(rest))
    if not approved:
        parts.insert(0, words["unreviewed_banner"])
    return " ".join(parts)


def _state(review: dict, approved: bool, language: str, words: dict) -> str:
    state = review.get("state") or ""
    if language == "en":
        state = STATES_EN.get(state, state)
    if not state:
        state = words["none"]
    return state if approved else words["unreviewed_state"].format(state=state)


def _row(label: str, value_html: str) -> str:
    return (f'<tr><td width="30%" style="color:{MUTED};padding:4px 8px 4px 0">{_esc(label)}</td>'
            f'<td style="padding:4px 0">{value_html}</td></tr>')


def _box(text: str) -> str:
    """A network's text in a light box, line breaks kept (the text as it was exported)."""
    body = _esc(text).replace("\n", "<br>") or "&nbsp;"
    return (f'<table width="100%" cellspacing="0" cellpadding="8" border="1" '
            f'style="border-collapse:collapse;border-color:{RULE};border-style:solid">'
            f'<tr><td bgcolor="#f7f9fa" style="font-size:9pt">{body}</td></tr></table>' + GAP)


def report_html(report: dict, language: str = "fr") -> str:
    """The PDF's content as rich text (Qt's HTML subset), in ``language`` (``fr`` or ``en``).

    A designed A4 document: the post's title and practice, a summary (review state, who reviewed
    and approved it and when, in local time, the rule pack), the review decisions, the exported
    texts and the body. Sections with nothing to show say so in a sentence; no file system path
    is printed, no counting method by its code name, no ISO timestamp.
    """
    lang = language if language in LANGUAGES else "fr"
    w = WORDS[lang]
    post = report["post"]
    review = report.get("review", {})
    approved = bool(review.get("approved"))
    out = _header_html(report, approved, w)
    out.append(_summary_html(report, approved, lang, w))
    out.extend(_decisions_html(report.get("findings") or [], lang, w))
    out.extend(_texts_html(report.get("networks") or {}, lang, w))
    # -- the body (approved, or exported without review)
    out.append(_h2(w["body_approved"] if approved else w["body_unreviewed"])
               + _box(post.get("text") or ""))
    return (f'<html><head><meta charset="utf-8"></head>'
            f'<body style="font-family:\'DejaVu Sans\',\'Noto Sans\',sans-serif;font-size:9.5pt;'
            f'color:{INK}">{"".join(out)}</body></html>')


def _h2(title: str) -> str:
    return f'<h2 style="font-size:13pt;color:{INK};margin-top:18pt">{_esc(title)}</h2>'


def _header_html(report: dict, approved: bool, w: dict) -> list[str]:
    """The post's title and practice, and the status banner (approved or not, and why)."""
    post = report["post"]
    review = report.get("review", {})
    title = post_name(post) or w["untitled"]
    practice = no_paths(post.get("author") or post.get("practice") or "")
    out = [f'<p style="color:{ACCENT};font-size:8.5pt;font-weight:bold;margin:0">'
           f'{_esc(w["kicker"].upper())}</p>',
           f'<h1 style="font-size:19pt;color:{INK};margin:2pt 0 0 0">{_esc(title)}</h1>']
    if practice:
        out.append(f'<p style="font-size:11pt;color:{MUTED};margin:2pt 0 0 0">{_esc(practice)}</p>')
    note = _note(review, approved, w)
    if approved:
        banner = w["approved_banner"] + (" " + note if note else "")
        color, bg = "#1e6b34", "#e6f2ea"
    else:
        banner, color, bg = note, "#b3261e", "#fbe9e7"
    out.append(f'<table width="100%" cellspacing="0" cellpadding="7" style="margin-top:10pt">'
               f'<tr><td bgcolor="{bg}" style="color:{color};font-weight:bold">{_esc(banner)}'
               f'</td></tr></table>' + GAP)
    return out


def _summary_html(report: dict, approved: bool, lang: str, w: dict) -> str:
    """Review state, who reviewed and approved it and when, the export's date, the rule pack,
    the networks, the fingerprint, the signatures and the tool."""
    post = report["post"]
    review = report.get("review", {})
    rows = [_row(w["state"], _esc(_state(review, approved, lang, w))),
            _row(w["reviewed"], _who_when(review.get("reviewed_by"), review.get("reviewed_at"),
                                          lang, w) or _esc(w["nobody_reviewed"])),
            _row(w["approved"], (_who_when(review.get("approved_by"),
                                           review.get("approved_at"), lang, w)
                                 if approved else "") or _esc(w["nobody_approved"])),
            _row(w["exported"], _nowrap(format_date(report.get("generated_at"), lang))
                 or _esc(w["none"])),
            _row(w["rules"], _esc(report.get("rules_version") or w["none"]))]
    labels = [n.get("label") or name for name, n in report.get("networks", {}).items()]
    if labels:
        rows.append(_row(w["networks"], _esc(", ".join(labels))))
    rows.append(_row(w["fingerprint"], f'<span style="font-family:monospace;font-size:8pt">'
                                       f'{_esc(post.get("sha256"))}</span>'))
    sigs = []
    for sig in review.get("signatures") or []:
        meaning = sig.get("meaning") or ""
        if lang == "en":
            meaning = MEANINGS_EN.get(meaning, meaning)
        who = f"{sig.get('by')} ({sig.get('role')})" if sig.get("role") else sig.get("by")
        line = _who_when(who, sig.get("at"), lang, w)
        if meaning:
            line += f' — <i>{_esc(meaning)}</i>'
        sigs.append(line)
    if sigs:
        rows.append(_row(w["signatures"], "<br>".join(sigs)))
    if report.get("tool"):
        rows.append(_row(w["tool"], _esc(report["tool"])))
    return (_h2(w["summary"])
            + f'<table width="100%" cellspacing="0" cellpadding="0">{"".join(rows)}</table>' + GAP)


def _decisions_html(findings: list[dict], lang: str, w: dict) -> list[str]:
    """The review decisions: one row per problem (its passage, reasons, decision, who)."""
    out = [_h2(w["decisions"])]
    if not findings:
        out.append(f'<p>{_esc(w["no_findings"])}</p>')
        return out
    problems = group_records(findings)
    out.append(f'<p style="color:{MUTED}">{_esc(w["decisions_count"].format(n=len(problems)))}'
               "</p>")
    head = "".join(f'<th align="left" width="{pct}%" bgcolor="{INK}" '
                   f'style="color:#ffffff;font-weight:bold">{_esc(w[k])}</th>'
                   for k, pct in (("col_passage", 26), ("col_problem", 32),
                                  ("col_decision", 11), ("col_reason", 14), ("col_who", 17)))
    body = []
    for i, group in enumerate(problems):
        bg = f' bgcolor="{ZEBRA}"' if i % 2 else ""
        body.append("<tr>" + "".join(f'<td valign="top"{bg}>{c}</td>'
                                     for c in _decision_cells(group, lang, w)) + "</tr>")
    out.append(f'<table width="100%" border="1" cellspacing="0" cellpadding="5" '
               f'style="border-collapse:collapse;border-color:{RULE};border-style:solid;'
               f'font-size:8.5pt"><thead><tr>{head}</tr></thead>'
               f'<tbody>{"".join(body)}</tbody></table>' + GAP)
    return out


def _decision_cells(group: list[dict], lang: str, w: dict) -> tuple[str, str, str, str, str]:
    """One problem's cells: passage, problem (one line per reason, worst severity first),
    decision, reason, who decided and when."""
    shown = [f for f in group if not f.get("in_comment") and f.get("text")]
    quoted = quote_passage(_group_passage(shown), 140) if shown else ""
    passage = (f"<i>{_esc(w['in_comment'])}</i>" if not quoted
               else f"«\u00a0{_esc(quoted)}\u00a0»" if lang == "fr"
               else f"“{_esc(quoted)}”")
    reasons: dict[str, list[dict]] = {}      # one line per reason, worst severity first
    for f in sorted(group, key=lambda f: SEVERITY_RANK.get(f.get("severity", ""), 9)):
        reasons.setdefault(no_paths(f.get("message")), []).append(f)
    lines = []
    for message, fs in reasons.items():
        sev = fs[0].get("severity", "")
        cats = []
        for f in fs:
            cat = CATEGORIES.get(f.get("category", ""), (f.get("category", ""),) * 2)
            cats.append(cat[1] if lang == "en" else cat[0])
        lines.append(
            f'<span style="color:{SEVERITY_COLORS.get(sev, MUTED)};font-weight:bold">'
            f'{_esc(SEVERITIES[lang].get(sev, sev))}</span>'
            f'<span style="color:{MUTED}"> · {_esc(", ".join(dict.fromkeys(cats)))}'
            f'</span><br>{_esc(message)}')
    problem = "<br>".join(lines)
    dec = _group_decision(group)
    decision = (f'<span style="color:{DECISION_COLORS.get(dec, MUTED)};font-weight:bold">'
                f'{_esc(DECISIONS[lang].get(dec, dec))}</span>')
    reason = "<br>".join(_esc(r) for r in dict.fromkeys(
        _reason(f.get("reason"), lang) for f in group) if r) or _esc(w["none"])
    who = "<br>".join(dict.fromkeys(
        _who_when(f.get("decided_by"), f.get("decided_at"), lang, w, stacked=True)
        for f in group if f.get("decided_by"))) or _esc(w["none"])
    return passage, problem, decision, reason, who


def _texts_html(nets: dict, lang: str, w: dict) -> list[str]:
    """The exported texts, network by network: count and limit, parts, file, the text, its
    images (with their alt texts) and the conversion notes."""
    out = [_h2(w["texts"])]
    if not nets:
        out.append(f'<p>{_esc(w["no_texts"])}</p>')
    for name, n in nets.items():
        over = isinstance(n.get("count"), int) and isinstance(n.get("limit"), int) and \
            n["count"] > n["limit"]
        unit = UNITS[lang].get(n.get("counting"), UNITS[lang]["utf16"])
        count = w["count_line"].format(count=_thousands(n.get("count"), lang),
                                       limit=_thousands(n.get("limit"), lang), unit=unit)
        parts = n.get("parts") or 1
        meta = [f'<span style="color:{"#b3261e" if over else MUTED}">{_esc(count)}</span>',
                _esc(w["parts"].format(n=parts) if parts > 1 else w["one_part"])]
        if n.get("file"):
            meta.append(_esc(w["file"].format(name=no_paths(n["file"]).rsplit("/", 1)[-1])))
        out.append(f'<h3 style="font-size:11pt;color:{INK};margin-top:14pt">'
                   f'{_esc(n.get("label") or name)}</h3>'
                   f'<p style="color:{MUTED};font-size:8.5pt;margin-bottom:4pt">'
                   f'{" · ".join(meta)}</p>' + _box(n.get("text") or ""))
        imgs = n.get("images") or []
        if imgs:
            items = "".join(
                f"<li>{_esc(str(i.get('file') or '').replace(chr(92), '/').rsplit('/', 1)[-1])}"
                f" — {_esc(w['alt'].format(alt=i['alt']) if i.get('alt') else w['no_alt'])}"
                "</li>" for i in imgs)
            out.append(f'<p style="margin-bottom:0"><b>{_esc(w["images"])}</b></p><ul>{items}</ul>')
        notes = [no_paths(x) for x in n.get("notes") or [] if x]
        if notes:
            items = "".join(f"<li>{_esc(x)}</li>" for x in notes)
            out.append(f'<p style="margin-bottom:0"><b>{_esc(w["notes"])}</b></p><ul>{items}</ul>')
    return out


def footer_text(report: dict, language: str = "fr") -> str:
    """The footer's left part: the text's fingerprint (shortened) and the rule pack."""
    w = WORDS[language if language in LANGUAGES else "fr"]
    return w["footer"].format(hash=short_hash(report["post"].get("sha256")),
                              rules=report.get("rules_version") or w["none"])


def page_label(page: int, pages: int, language: str = "fr") -> str:
    return WORDS[language if language in LANGUAGES else "fr"]["page"].format(page=page,
                                                                              pages=pages)


def painting_app():
    """A Q(Gui)Application for painting: the running one, else an offscreen QGuiApplication.

    The editor already runs a QApplication, which is reused. Otherwise (``tact export``) one is
    made on the offscreen platform through its ``-platform`` argument: the process environment is
    left as the caller set it. The application is kept (:data:`_APP`) for the process's life, as
    Qt needs; a process that creates widgets later (a test session) must create its QApplication
    before the first PDF export.
    """
    global _APP
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication.instance()
    if app is None:
        app = QGuiApplication(["tact-export", "-platform", "offscreen"])
    _APP = app
    return app


_APP = None


def post_name(post: dict) -> str:
    """The post's title, else its file name: never a path (it names folders, even users)."""
    raw = str(post.get("path") or "").replace("\\", "/")
    return str(post.get("title") or "") or raw.rstrip("/").rsplit("/", 1)[-1]


def pdf_title(report: dict, language: str = "fr") -> str:
    """The PDF's title metadata."""
    w = WORDS[language if language in LANGUAGES else "fr"]
    return f"{w['kicker']} — {post_name(report['post']) or w['untitled']}"


def write_pdf(path: Path, report: dict, language: str | None = None) -> int:
    """The report as a designed A4 PDF; returns its number of pages.

    ``language``: ``fr`` or ``en`` (None: the interface language, see :func:`report_language`).
    """
    painting_app()
    lang = report_language(language)
    # A temporary name write_atomic's sweep recognises, so a kill mid-write leaves no lasting copy.
    sweep_stale_temps(path)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        pages = _print_pdf(tmp, report, lang)
        if tmp.stat().st_size == 0:
            raise OSError("the PDF report could not be written")
        os.chmod(tmp, PRIVATE_FILE)
        os.replace(tmp, path)
    except BaseException:
        try:
            tmp.unlink()
        except OSError:
            pass
        raise
    return pages


MARGINS_MM = (18.0, 16.0, 18.0, 12.0)      # left, top, right, bottom (the footer is above)
FOOTER_MM = 9.0                             # the footer's band at the bottom of each page
RESOLUTION = 300


def _print_pdf(tmp: Path, report: dict, language: str = "fr") -> int:
    """Paint the report page by page (the document's text, then the footer with the text's
    fingerprint, the rule pack and « Page n / N»); returns the number of pages."""
    from PySide6.QtGui import QFont, QPainter

    writer = _pdf_writer(tmp, report, language)
    area = writer.pageLayout().paintRectPixels(RESOLUTION)
    mm = RESOLUTION / 25.4
    width, height = float(area.width()), float(area.height())
    body = height - FOOTER_MM * mm
    doc = text_document(writer, report_html(report, language), width, body)
    pages = max(1, doc.pageCount())
    left = footer_text(report, language)
    small = QFont(doc.defaultFont())
    small.setPointSizeF(7.5)
    painter = QPainter()
    if not painter.begin(writer):
        raise OSError("the PDF report could not be started")
    try:
        for i in range(pages):
            if i:
                writer.newPage()
            paint_page(painter, doc, i, width, body)
            paint_footer(painter, small, left, page_label(i + 1, pages, language), width, body)
    finally:
        painter.end()
    del writer
    return pages


def _pdf_writer(tmp: Path, report: dict, language: str):
    """A PDF writer on ``tmp``: A4 portrait, :data:`MARGINS_MM`, the title and creator set."""
    from PySide6.QtCore import QMarginsF
    from PySide6.QtGui import QPageLayout, QPageSize, QPdfWriter

    writer = QPdfWriter(str(tmp))
    writer.setResolution(RESOLUTION)
    writer.setTitle(pdf_title(report, language))
    writer.setCreator(report.get("tool") or "tact")
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4),
                                     QPageLayout.Orientation.Portrait, QMarginsF(*MARGINS_MM),
                                     QPageLayout.Unit.Millimeter))
    return writer


def text_document(writer, html_text: str, width: float, body: float):
    """The report's rich text laid out in pages of ``width`` × ``body`` pixels, its fonts
    measured at the PDF's resolution."""
    from PySide6.QtCore import QSizeF
    from PySide6.QtGui import QFont, QTextDocument

    doc = QTextDocument()
    doc.documentLayout().setPaintDevice(writer)
    doc.setDocumentMargin(0)
    base = QFont("DejaVu Sans")
    base.setStyleHint(QFont.StyleHint.SansSerif)
    base.setPointSizeF(9.5)
    doc.setDefaultFont(base)
    doc.setHtml(html_text)
    doc.setPageSize(QSizeF(width, body))
    keep_headings_with_next(doc, body)
    return doc


def keep_headings_with_next(doc, body: float) -> int:
    """Move a heading left alone at the foot of a page (its text on the next one) to the top of
    the next page; return how many were moved."""
    from PySide6.QtGui import QTextCursor, QTextFormat

    layout = doc.documentLayout()
    moved = 0
    block = doc.begin()
    while block.isValid():
        nxt = block.next()
        if block.blockFormat().headingLevel() > 0 and nxt.isValid():
            page = int(layout.blockBoundingRect(block).top() // body)
            follows = nxt
            while follows.isValid() and follows.blockFormat().headingLevel() > 0:
                follows = follows.next()     # a heading followed by a sub-heading: keep all
            if follows.isValid() and int(layout.blockBoundingRect(follows).top() // body) > page:
                fmt = block.blockFormat()
                if not fmt.pageBreakPolicy() & QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore:
                    fmt.setPageBreakPolicy(QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore)
                    QTextCursor(block).setBlockFormat(fmt)
                    moved += 1
        block = nxt
    return moved


def paint_page(painter, doc, i: int, width: float, body: float) -> None:
    """Draw the ``i``-th page's band of the document."""
    from PySide6.QtCore import QRectF
    from PySide6.QtGui import QAbstractTextDocumentLayout

    painter.save()
    painter.translate(0, -i * body)
    ctx = QAbstractTextDocumentLayout.PaintContext()
    ctx.clip = QRectF(0, i * body, width, body)
    painter.setClipRect(ctx.clip)
    doc.documentLayout().draw(painter, ctx)
    painter.restore()


def paint_footer(painter, font, left: str, right: str, width: float, body: float,
                 mm: float = RESOLUTION / 25.4) -> None:
    """A thin rule under the page's text, then ``left`` and ``right`` (the page number);
    ``mm``: pixels per millimetre of the page painted on."""
    from PySide6.QtCore import QRectF, Qt
    from PySide6.QtGui import QColor, QPen

    y = body + 3 * mm
    painter.setPen(QPen(QColor(RULE), max(1.0, 0.25 * mm)))
    painter.drawLine(0, int(y), int(width), int(y))
    painter.setPen(QColor(MUTED))
    painter.setFont(font)
    band = QRectF(0, y + 1 * mm, width, FOOTER_MM * mm - 4 * mm)
    painter.drawText(band, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), left)
    painter.drawText(band, int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter), right)
