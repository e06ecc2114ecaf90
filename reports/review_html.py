"""The review's documents as one self-contained, accessible web page (.html).

For a partnership's website, where WCAG 2.1 AA applies: the language (en-GB), landmarks
(banner, navigation, main, contentinfo), a skip link, headings in order (the title h1,
sections h2, findings h3), tables with a caption and ``th scope="col"``, the timeline as
inline SVG with a title, a description and the same text alternative in words below it, and
a print stylesheet. Nothing is fetched: the styles are inline and no fonts, scripts or
pictures are linked. Every piece of user text is escaped.
"""

from collections.abc import Callable
from html import escape
from pathlib import Path

from reports.publication import prepare
from reports.review_document_data import ReviewDocument

ProgressCallback = Callable[[int, int], None]

STYLE = """
:root { --ink: #1a1a1a; --muted: #4d4d4d; --accent: #1f3a5f; --rule: #9a9a9a; --tint: #eef2f7; }
* { box-sizing: border-box; }
body { margin: 0; color: var(--ink); background: #fff; font: 1rem/1.55 "DejaVu Sans", Verdana,
  Arial, sans-serif; }
.skip { position: absolute; left: -999px; top: 0; background: var(--accent); color: #fff;
  padding: .5rem 1rem; z-index: 1; }
.skip:focus { left: 0; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden;
  clip: rect(0 0 0 0); white-space: nowrap; }
header.banner, footer.info { display: flex; justify-content: space-between; gap: 1rem;
  flex-wrap: wrap; padding: .5rem 1.5rem; font-size: .85rem; color: var(--muted);
  border-bottom: 1px solid var(--rule); }
footer.info { border-top: 1px solid var(--rule); border-bottom: 0; margin-top: 3rem; }
.marking { color: var(--ink); font-weight: bold; letter-spacing: .03em; }
main { max-width: 52rem; margin: 0 auto; padding: 1rem 1.5rem; }
.kind { color: var(--accent); font-weight: bold; margin: 2rem 0 0; }
h1, h2, h3 { color: var(--accent); line-height: 1.25; }
h1 { font-size: 2rem; margin: .25rem 0 .5rem; }
h2 { font-size: 1.4rem; margin: 2.2rem 0 .8rem; }
h3 { font-size: 1.15rem; margin: 1.6rem 0 .5rem; }
.subject { font-size: 1.2rem; margin: 0 0 1rem; }
.draft { border: 2px solid #8a1c1c; color: #8a1c1c; font-weight: bold; padding: .4rem .8rem;
  display: inline-block; }
dl.details { display: grid; grid-template-columns: max-content 1fr; gap: .25rem 1.2rem;
  border-top: 3px solid var(--accent); padding-top: .8rem; }
dl.details dt { color: var(--muted); }
dl.details dd { margin: 0; }
nav ol { list-style: none; padding-left: 0; }
nav ol ol { padding-left: 1.5rem; }
nav a { color: var(--accent); }
p.numbered { padding-left: 3.2rem; text-indent: -3.2rem; }
p.numbered .num { display: inline-block; width: 3.2rem; text-indent: 0; font-weight: bold; }
p.note { font-style: italic; color: var(--muted); }
.cell { white-space: pre-line; }
aside.practice { background: var(--tint); border-left: 5px solid var(--accent);
  padding: .3rem 1.2rem .8rem; margin: 1.5rem 0; }
.table-wrap { overflow-x: auto; margin: 1rem 0 1.5rem; }
.table-wrap:focus { outline: 2px solid var(--accent); }
table { border-collapse: collapse; width: 100%; font-size: .88rem; }
caption { text-align: left; font-weight: bold; padding: .3rem 0; }
th { background: var(--accent); color: #fff; text-align: left; vertical-align: bottom; }
th, td { padding: .35rem .5rem; border-bottom: 1px solid var(--rule); vertical-align: top;
  overflow-wrap: break-word; hyphens: manual; }
figure { margin: 1.5rem 0; }
figure svg { width: 100%; height: auto; }
figcaption { color: var(--muted); }
details.words { margin-top: .5rem; }
@media print {
  @page { size: A4; margin: 18mm 16mm; }
  body { font-size: 10.5pt; }
  .skip, nav.contents { display: none; }
  main { max-width: none; padding: 0; }
  header.banner, footer.info { padding: 0 0 4pt; }
  h2, h3 { break-after: avoid; }
  thead { display: table-header-group; }
  tr, figure, aside.practice { break-inside: avoid; }
  .table-wrap { overflow: visible; }
  details.words > * { display: block; }
  a { color: inherit; text-decoration: none; }
}
"""


def _e(text: str) -> str:
    return escape(text, quote=True)


def write_review_html(
    doc: ReviewDocument, path: Path, on_progress: ProgressCallback | None = None
) -> None:
    """Write ``doc`` as one self-contained HTML file at ``path``."""
    data = prepare(doc)
    total = len(data["sections"]) + 1
    if on_progress:
        on_progress(0, total)
    with open(path, "w", encoding="utf-8", newline="\n") as out:
        out.write(_head(data))
        for number, section in enumerate(data["sections"], start=1):
            out.write("".join(_section(section, number)))
            if on_progress:
                on_progress(number, total)
        out.write(_foot(data))
    if on_progress:
        on_progress(total, total)


def _head(data) -> str:
    lang = _e(data["lang"])
    details = "".join(f"<dt>{_e(k)}</dt><dd>{_e(v)}</dd>" for k, v in data["details"])
    draft = '<p class="draft">Draft: not for publication</p>' if data["draft"] else ""
    subject = f'<p class="subject">{_e(data["subject"])}</p>' if data["subject"] else ""
    parts = [
        f'<!DOCTYPE html>\n<html lang="{lang}">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{_e(data['document_title'])}</title>\n"
        f'<meta name="description" content="{_e(data["description"])}">\n'
        f'<meta name="author" content="{_e(data["author"])}">\n'
        f'<meta name="keywords" content="{_e(data["keywords"])}">\n'
        f"<style>{STYLE}</style>\n</head>\n<body>\n"
        '<a class="skip" href="#main">Skip to the document</a>\n'
        f'<header class="banner"><span>{_e(data["partnership"] or data["kind_label"])}</span>'
        f'<span class="marking">{_e(data["marking"])}</span>'
        f"<span>{_e(data['reference'])}</span></header>\n"
        f'<main id="main" tabindex="-1">\n<p class="kind">{_e(data["kind_label"])}</p>\n'
        f"<h1>{_e(data['title'])}</h1>\n{subject}{draft}\n"
        f'<dl class="details">{details}</dl>\n'
    ]
    if data["contents"] and data["sections"]:
        parts.append(_contents(data["sections"]))
    return "".join(parts)


def _contents(sections) -> str:
    items = []
    for number, section in enumerate(sections, start=1):
        subs = [b["text"] for b in section["blocks"] if b["t"] == "h2"]
        inner = "".join(
            f'<li><a href="#s{number}-{k}">{_e(text)}</a></li>' for k, text in enumerate(subs, 1)
        )
        items.append(
            f'<li><a href="#s{number}">{_e(section["heading"])}</a>'
            + (f"<ol>{inner}</ol>" if inner else "")
            + "</li>"
        )
    return (
        '<nav class="contents" aria-labelledby="contents-title">'
        f'<h2 id="contents-title">Contents</h2><ol>{"".join(items)}</ol></nav>\n'
    )


def _section(section, number: int):
    yield f'<section aria-labelledby="s{number}">\n<h2 id="s{number}">{_e(section["heading"])}</h2>\n'
    sub = 0
    pictures = 0
    for block in section["blocks"]:
        kind = block["t"]
        if kind == "p":
            if block["n"]:
                yield (
                    f'<p class="numbered"><span class="num">{_e(block["n"])}</span>'
                    f"{_e(block['text'])}</p>\n"
                )
            else:
                yield f"<p>{_e(block['text'])}</p>\n"
        elif kind == "h2":
            sub += 1
            yield f'<h3 id="s{number}-{sub}">{_e(block["text"])}</h3>\n'
        elif kind == "ul":
            yield _list(block) + "\n"
        elif kind == "note":
            yield f'<p class="note cell">{_e(block["text"])}</p>\n'
        elif kind == "callout":
            texts = "".join(
                _list(p) if p["t"] == "ul" else f"<p>{_e(p['text'])}</p>" for p in block["parts"]
            )
            title = block["title"] or section["title"]
            shown = f'<h3 id="s{number}-practice">{_e(title)}</h3>' if block["title"] else ""
            label = (
                f'aria-labelledby="s{number}-practice"' if shown else f'aria-label="{_e(title)}"'
            )
            yield f'<aside class="practice" {label}>{shown}{texts}</aside>\n'

        elif kind == "table":
            yield from _table(block, section["title"])
        elif kind == "timeline":
            pictures += 1
            yield _timeline(block, f"s{number}-t{pictures}")
    yield "</section>\n"


def _table(block, fallback_caption: str):
    # Every table has a caption for screen readers; the section's title, when the table has
    # none of its own, is not shown twice.
    caption = block["caption"] or fallback_caption
    hidden = "" if block["caption"] else ' class="visually-hidden"'
    cols = "".join(f'<col style="width:{w * 100:.1f}%">' for w in block["widths"])
    head = "".join(f'<th scope="col">{_e(c)}</th>' for c in block["columns"])
    yield (
        f'<div class="table-wrap" role="region" tabindex="0" aria-label="{_e(caption)}">'
        f"<table><caption{hidden}>{_e(caption)}</caption><colgroup>{cols}</colgroup>"
        f"<thead><tr>{head}</tr></thead>\n<tbody>\n"
    )
    chunk = []
    for row in block["rows"]:
        cells = "".join(f'<td class="cell">{_e(v)}</td>' for v in row)
        chunk.append(f"<tr>{cells}</tr>\n")
        if len(chunk) >= 2000:
            yield "".join(chunk)
            chunk = []
    yield "".join(chunk)
    yield "</tbody></table></div>\n"


def _timeline(block, key: str) -> str:
    svg = block["svg"].replace("tl-", f"{key}-")
    caption = block["caption"] or "Timeline"
    return (
        f'<figure aria-labelledby="{key}-caption"><figcaption id="{key}-caption">'
        f"{_e(caption)}</figcaption>{svg}"
        f'<details class="words"><summary>The timeline in words</summary>'
        f"<p>{_e(block['alt'])}</p></details></figure>\n"
    )


def _foot(data) -> str:
    return (
        "</main>\n"
        f'<footer class="info"><span>{_e(data["footer_left"])}</span>'
        f'<span class="marking">{_e(data["marking"])}</span>'
        f"<span>{_e(data['date'])}</span></footer>\n</body>\n</html>\n"
    )


def _sublist(item: dict) -> str:
    """A list item's nested list, if it has one."""
    sub = item.get("sub")
    if not sub or not sub.get("items"):
        return ""
    tag = "ol" if sub.get("numbered") else "ul"
    inner = "".join(f'<li><span class="cell">{_e(i["text"])}</span></li>' for i in sub["items"])
    return f"<{tag}>{inner}</{tag}>"


def _list(block: dict) -> str:
    """A list (numbered or bulleted), its items' lead-ins bold, nested lists inside."""
    items = "".join(
        "<li>"
        + (f"<strong>{_e(i['lead'])}</strong>{': ' if i['text'] else ''}" if i["lead"] else "")
        + f'<span class="cell">{_e(i["text"])}</span>{_sublist(i)}</li>'
        for i in block["items"]
    )
    tag = "ol" if block.get("numbered") else "ul"
    return f"<{tag}>{items}</{tag}>"
