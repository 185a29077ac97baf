"""Export of approved posts: network profiles, counting, Markdown → plain text, images, the gate.

Only this package may use QtGui (the PDF report, in ``report.write_pdf``), and only on demand, on
the offscreen platform when no GUI runs; it never imports QtWidgets. Nothing here imports ``ui/``.

API for the GUI (pure functions, no Qt; positions are code points, convert to UTF-16 at the widget):

    from editor.export.networks import load_networks, NetworkProfile, NetworkError
    nets = load_networks()                 # {"instagram": NetworkProfile, ...}; NetworkError
                                           # (str = "file:line: message") for a broken profile
    from editor.export.preview import preview, previews, fold_index
    p = preview(markdown_source, "instagram", options=None)   # NetworkPreview:
        p.text            converted text (front matter left out, Markdown turned into plain text)
        p.count, p.limit, p.over_by, p.method (French label of the counting method)
        p.cut             index in p.text of the first character beyond the limit (None = fits)
        p.fold            index in p.text where « voir plus » falls (None = all visible)
        p.parts           numbered thread parts for X / Threads when too long, else [p.text]
        p.clipboard_text  what « Copier pour … » puts on the clipboard (parts joined by « ----- »)
        p.hashtags, p.mentions    spans in p.text
        p.attachments     images: .target, .alt (alt text to paste in the network's field)
        p.notes           conversion notes (French): code / table / html / pseudo-bold /
                          forbidden-char
        p.source_span(i, j)  -> (start, end) in the Markdown source, e.g. to jump to a passage
    from editor.export.convert import ConvertOptions   # pseudo_bold=False, heading_style="plain"
                                                       # | "caps", nbsp=None | keep | nbsp | space
    from editor.export.counting import count           # count(text, profile)
    from editor.export.platform import platform_findings, network_findings
    findings = platform_findings(analysis, ["x", "instagram"])   # analysis' findings + platform
    from editor.export.exporter import export_posts, blocking_findings
    res = export_posts([path], targets, out_dir, engine, options=None, pdf=True)
        res.ok / res.exit_code (0, 1 gate refused, 2 file/usage problem), res.refused and
        res.problems (Problem: path, message English, french, finding), res.posts (PostExport:
        folder, networks {name: NetworkExport(file, text, sha256, parts)}, images, report_json,
        report_pdf, report dict), res.archive (path of .tact/exports.jsonl), res.notes
    from editor.export.archive import record_copy, read_archive, records_for, export_diff, text_diff
    record_copy(find_workspace(post), str(post), source, "instagram", p.clipboard_text)
    ops = export_diff(record, "instagram")  # [(equal|delete|insert, text)] approved → exported
"""
