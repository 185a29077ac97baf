"""``platform`` findings: what a network would cut, hide, refuse or not make clickable.

Called by ``tact check --target NETWORK`` and by the editor. Severity ``warning``: never blocks an
export. Spans point at the passage in the Markdown source (the part beyond the limit, the extra
hashtag, the link, the end of a first line that does not fit before the fold).
"""
from __future__ import annotations

from editor.compliance.findings import Finding, finalize
from editor.export.convert import convert
from editor.export.counting import count, cut_index
from editor.export.networks import NetworkProfile, load_networks
from editor.export.preview import hashtag_spans, mention_spans
from editor.export.thread import split_thread

SEVERITY = "warning"
CATEGORY = "platform"
UNITS = {"weighted": "caractères pondérés", "utf16": "caractères", "utf8-bytes": "octets"}
N = "\u202f"   # narrow no-break space before ; : ! ?


def _ref(p: NetworkProfile) -> str:
    return f"Règles de {p.label} (resources/networks/{p.name}.yaml)"


def _finding(p: NetworkProfile, what: str, message: str, span: tuple[int, int], source: str,
             suggestion: str | None = None, key: str = "", rule: str | None = None) -> Finding:
    s, e = span
    s = max(0, min(s, len(source) - 1)) if source else 0
    e = min(max(e, s + 1), len(source))
    ref = "Export vers les réseaux sociaux" if rule else _ref(p)
    return Finding(rule or f"platform.{p.name}.{what}", CATEGORY, SEVERITY, message, ref, s, e,
                   suggestion=suggestion, key=key)


def network_findings(source: str, p: NetworkProfile) -> list[Finding]:
    """The ``platform`` findings of one network for the post ``source`` (not finalized)."""
    conv = convert(source, p)
    if not conv.text or not source:
        return []
    return (_length_findings(source, p, conv) + _count_findings(source, p, conv)
            + _link_findings(source, p, conv) + _fold_findings(source, p, conv)
            + _format_findings(source, p, conv))


def _word_start(text: str, i: int) -> int:
    """``i`` moved back to the start of the word it falls in, so that a passage quoted from a
    limit reads from a whole word (« Avant… », not « ant… »)."""
    while 0 < i < len(text) and not text[i - 1].isspace() and not text[i].isspace():
        i -= 1
    return i


def _length_findings(source: str, p: NetworkProfile, conv) -> list[Finding]:
    """The text beyond the network's limit (a thread says how many parts it makes)."""
    text = conv.text
    n = count(text, p)
    if n <= p.text_limit:
        return []
    cut = cut_index(text, p)
    assert cut is not None   # the text is over its limit
    msg = (f"Trop long pour {p.label}{N}: {n} {UNITS[p.counting]} pour {p.text_limit} "
           f"autorisés, {n - p.text_limit} de trop.")
    sug = "Raccourcir le texte."
    if p.thread:
        parts = len(split_thread(text, p))
        msg += f" Il sera exporté en fil de {parts} parties numérotées."
        sug = "Raccourcir le texte ou accepter la publication en fil."
    return [_finding(p, "length", msg, conv.source_span(_word_start(text, cut), len(text)),
                     source, sug, key="length")]


def _count_findings(source: str, p: NetworkProfile, conv) -> list[Finding]:
    """Each hashtag and mention beyond the network's maximum."""
    text = conv.text
    out: list[Finding] = []
    for rule, limit, spans, noun, this, advice in (
            ("hashtags", p.hashtag_limit, hashtag_spans, "hashtags", "celui-ci",
             "Garder les hashtags les plus utiles."),
            ("mentions", p.mention_limit, mention_spans, "mentions", "celle-ci", None)):
        if limit is None:
            continue
        found = spans(text)
        for k, (a, b) in enumerate(found[limit:], limit + 1):
            out.append(_finding(
                p, rule,
                f"Trop de {noun} pour {p.label}{N}: {len(found)} pour {limit} au "
                f"maximum{N}; {this} ({k}e) est en trop.",
                conv.source_span(a, b), source, advice, key=text[a:b]))
    return out


def _link_findings(source: str, p: NetworkProfile, conv) -> list[Finding]:
    """Links a caption cannot make clickable, or links beyond the network's maximum."""
    if not p.links_clickable:
        return [_finding(
            p, "link",
            f"Lien dans une légende {p.label}{N}: il n’y est pas cliquable. L’export le "
            f"remplace par « lien en bio ».",
            (link.start, link.end), source,
            "Mettre le lien dans la bio (ou en story) et le retirer de la légende.",
            key=link.url) for link in conv.links]
    if p.link_limit is None or len(conv.links) <= p.link_limit:
        return []
    return [_finding(
        p, "links",
        f"Trop de liens pour {p.label}{N}: {len(conv.links)} pour {p.link_limit} au "
        f"maximum{N}; celui-ci ({k}e) sera refusé.",
        (link.start, link.end), source, key=link.url)
        for k, link in enumerate(conv.links[p.link_limit:], p.link_limit + 1)]


def _fold_findings(source: str, p: NetworkProfile, conv) -> list[Finding]:
    """A first line that does not fit before « voir plus »."""
    hook = conv.hook
    if p.fold_chars is None or len(hook) <= p.fold_chars:
        return []
    return [_finding(
        p, "fold",
        f"La première ligne ne tient pas avant « voir plus » sur {p.label}{N}: "
        f"{len(hook)} caractères pour environ {p.fold_chars} visibles.",
        conv.source_span(_word_start(hook, p.fold_chars), len(hook)), source,
        "Placer l’essentiel (l’accroche) dans les premiers mots.", key="fold")]


def _format_findings(source: str, p: NetworkProfile, conv) -> list[Finding]:
    """Images without alt text, and the conversion's notes (formatting the network drops,
    characters it refuses)."""
    out: list[Finding] = []
    for att in conv.attachments:
        if not att.alt.strip():
            out.append(_finding(
                p, "alt", "Image sans texte alternatif : ajoutez une description, à coller dans "
                "le champ « texte alternatif » du réseau.", (att.start, att.end), source,
                "Décrire l’image en une phrase (sans nom ni détail identifiant).",
                key=att.target, rule="platform.image.alt"))
    for note in conv.notes:
        # Formatting notes are the same for every network: one rule id, deduplicated by finalize.
        note_rule = None if note.kind == "forbidden-char" else f"platform.format.{note.kind}"
        out.append(_finding(p, "chars", note.message, (note.start, note.end), source,
                            key=note.kind, rule=note_rule))
    return out


def platform_findings(analysis, targets: list[str]) -> list[Finding]:
    """The analysis' findings plus the ``platform`` findings for each network of ``targets``."""
    nets = load_networks()
    source = analysis.source
    extra: list[Finding] = []
    for name in dict.fromkeys(targets):
        extra.extend(network_findings(source, nets[name]))
    return finalize(list(analysis.findings) + extra, source)
