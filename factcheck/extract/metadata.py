"""The source block of a draft claim file: what the page says about itself.

Flags win; otherwise each field is read only where the page states it (its JSON-LD NewsArticle, then a `<title>` or first
heading, a "Published:" line or a dateline, a "By ..." byline, a canonical URL, a copyright or
sign-off line naming an outlet in the registry). A field the page does not state stays empty:
the curator fills it in; nothing is guessed from the file name.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass, field

from ..html_text import Markup
from ..registry.entities import EntityRegistry
from ..values import ParseContext, ValueParseError, parse_value
from .article import Article

_MONTH = r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
_WEEKDAY = r"(?:(?:Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)(?:day|sday|nesday|urday|rsday)?\.?,?\s+)?"
_ABSOLUTE_DATE = re.compile(
    rf"^(?:(?:Published|Updated|Posted|Date)\s*(?:on)?\s*:?\s*)?{_WEEKDAY}"
    rf"(?P<date>{_MONTH}\s+\d{{1,2}},?\s+\d{{4}}|\d{{1,2}}\s+{_MONTH}\s+\d{{4}}|\d{{4}}-\d{{2}}-\d{{2}})"
    r"(?:[ ,T]+\d{1,2}:\d{2}(?::\d{2})?\s*(?:[AaPp]\.?[Mm]\.?)?(?:\s*[A-Z]{2,4}|Z|[+-]\d{2}:?\d{2})?)?\.?$"
)
_PUBLISHED_LABEL = re.compile(r"^(?:Published|Posted|Date)\s*(?:on)?\s*:", re.I)
_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
_NAME = r"[A-Z][\w.'’-]*(?:\s+(?:[A-Z][\w.'’-]*|de|van|von|der|da|di|le|la|bin|al))*"
_BYLINE = re.compile(rf"(?:^|\|\s*)By\s+(?P<names>{_NAME}(?:\s*(?:,|and|&)\s*{_NAME})*)\s*$")
_REPORTS = re.compile(rf"^(?P<outlet>[A-Z][\w.&’' -]*?)['’]s\s+(?P<name>{_NAME})\s+reports\.?$")
_COPYRIGHT = re.compile(r"^(?:©|\(c\)|Copyright)\s*(?:©\s*)?(?:\d{4}\s*)?(?P<owner>.+?)\.?$", re.I)
_URL = re.compile(r"^(?:https?://)\S+$")
_OUTLET_SUFFIXES = re.compile(r"\s+(?:Company|Co\.?|Inc\.?|LLC|Ltd\.?|Group|Corporation|Media)$", re.I)


@dataclass
class Metadata:
    """The source block's fields as found (None/empty when the page does not say)."""

    title: str | None = None
    published: dt.date | None = None
    authors: list[str] = field(default_factory=list)
    url: str | None = None
    outlet: str | None = None
    outlet_entity: str | None = None  # registry id of the outlet, for the default source id
    # Paragraphs that are the page's metadata (dateline, byline): not claims.
    paragraphs: set[int] = field(default_factory=set)


def detect_metadata(article: Article, registry: EntityRegistry | None) -> Metadata:
    found = Metadata()
    _from_head(article.document.markup, found)
    _from_json_ld(article.document.markup, found)
    _from_paragraphs(article, found, registry)
    if found.title is None:
        found.title = _first_heading(article)
    if found.outlet is None and registry is not None:
        found.outlet, found.outlet_entity = _outlet_from_lines(article, registry)
    elif found.outlet is not None and registry is not None:
        entity = registry.resolve(found.outlet).entity
        if entity is not None and entity.type == "outlet":
            found.outlet, found.outlet_entity = entity.name, entity.id
    return found


def _from_head(markup: Markup, found: Metadata) -> None:
    """HTML head: Open Graph / article meta, canonical link, <title>, <time datetime>, as the HTML
    reader found them (not inside comments or scripts)."""
    metas: dict[str, str] = {}
    for name, attributes in markup.tags:
        if name != "meta":
            continue
        key = attributes.get("property") or attributes.get("name") or attributes.get("itemprop")
        if key and "content" in attributes:
            metas.setdefault(key.lower(), attributes["content"].strip())
    for key in ("article:published_time", "datepublished", "pubdate", "date", "dc.date", "og:published_time"):
        day = _iso_day(metas.get(key, ""))
        if day:
            found.published = day
            break
    if found.published is None:
        times = (a["datetime"] for name, a in markup.tags if name == "time" and _DAY.match(a.get("datetime", "")))
        datetime = next(times, None)
        if datetime is not None:
            found.published = _iso_day(datetime)
    found.title = metas.get("og:title") or metas.get("twitter:title") or None
    found.url = metas.get("og:url") or None
    canonical = next((a for name, a in markup.tags if name == "link" and a.get("rel", "").strip().lower() == "canonical"), None)
    if canonical is not None and not found.url:
        found.url = canonical.get("href") or None
    author = metas.get("author") or metas.get("article:author")
    if author and not author.startswith("http"):
        found.authors = _split_names(author)
    found.outlet = metas.get("og:site_name") or None
    if found.title is None and markup.title:
        found.title = markup.title


# schema.org types of a news page's own description, the most specific first.
_ARTICLE_TYPES = ("NewsArticle", "ReportageNewsArticle", "AnalysisNewsArticle", "OpinionNewsArticle", "BackgroundNewsArticle",
                  "LiveBlogPosting", "Article", "BlogPosting", "Report")


def _from_json_ld(markup: Markup, found: Metadata) -> None:
    """The page's JSON-LD article (schema.org NewsArticle and kin: headline, datePublished, author,
    publisher, url): what it states wins over the meta tags, which publishers fill less carefully.
    A block that is not JSON, or nests beyond what the JSON reader takes, is left out."""
    articles = []
    for block in markup.json_ld:
        try:
            data = json.loads(block)
        except (ValueError, RecursionError):
            continue
        articles.extend(_typed_objects(data))
    if not articles:
        return
    article = min(articles, key=lambda item: min((_ARTICLE_TYPES.index(t) for t in _types(item) if t in _ARTICLE_TYPES)))
    headline = _text(article.get("headline"))
    if headline:
        found.title = headline
    day = _iso_day(_text(article.get("datePublished")) or "")
    if day:
        found.published = day
    authors = [name for author in _listed(article.get("author")) if (name := _name_of(author))]
    if authors:
        found.authors = authors
    publisher = _name_of(article.get("publisher"))
    if publisher:
        found.outlet = publisher
    page = article.get("mainEntityOfPage")
    url = _text(article.get("url")) or _text(page) or (_text(page.get("@id")) if isinstance(page, dict) else None)
    if url and _URL.match(url):
        found.url = url


def _typed_objects(data: object) -> list[dict]:
    """The objects of a JSON-LD document with an article type: at the top, in a list, or in @graph."""
    items = data if isinstance(data, list) else [data]
    found = []
    for item in items:
        if not isinstance(item, dict):
            continue
        if any(t in _ARTICLE_TYPES for t in _types(item)):
            found.append(item)
        graph = item.get("@graph")
        if isinstance(graph, list):
            found.extend(g for g in graph if isinstance(g, dict) and any(t in _ARTICLE_TYPES for t in _types(g)))
    return found


def _types(item: dict) -> list[str]:
    kind = item.get("@type")
    return [t for t in _listed(kind) if isinstance(t, str)]


def _listed(value: object) -> list[object]:
    return value if isinstance(value, list) else [] if value is None else [value]


def _text(value: object) -> str | None:
    return " ".join(value.split()) or None if isinstance(value, str) else None


def _name_of(value: object) -> str | None:
    """A Person or Organization by its name, or a name given as text (not a URL)."""
    name = _text(value.get("name")) if isinstance(value, dict) else _text(value)
    return None if name is None or _URL.match(name) else name


def _from_paragraphs(article: Article, found: Metadata, registry: EntityRegistry | None) -> None:
    """Datelines, bylines and bare URLs among the first paragraphs (and furniture)."""
    head = article.all_paragraphs[: max(12, len(article.all_paragraphs) // 3)]
    own = {p.start for p in article.paragraphs}
    for paragraph in head:
        text = paragraph.text.strip()
        is_own = paragraph.start in own
        date = _ABSOLUTE_DATE.match(text)
        if date and len(text) < 60:
            if found.published is None:
                found.published = _parse_day(date.group("date"))
            if is_own:
                found.paragraphs.add(paragraph.index)
            continue
        if _PUBLISHED_LABEL.match(text) and is_own:
            found.paragraphs.add(paragraph.index)
            continue
        byline = _BYLINE.search(text)
        if byline and len(text) < 120:
            if not found.authors:
                found.authors = _split_names(byline.group("names"))
            if is_own:
                found.paragraphs.add(paragraph.index)
            continue
        if _URL.match(text) and found.url is None:
            found.url = text
    for paragraph in article.paragraphs:
        for sentence in paragraph.sentences:
            reports = _REPORTS.match(sentence.text)
            if reports:
                if not found.authors:
                    found.authors = [reports.group("name")]
                if found.outlet is None and registry is not None:
                    entity = registry.resolve(reports.group("outlet")).entity
                    if entity is not None and entity.type == "outlet":
                        found.outlet, found.outlet_entity = entity.name, entity.id


def _outlet_from_lines(article: Article, registry: EntityRegistry) -> tuple[str | None, str | None]:
    """A copyright line ("© 2020 The New York Times Company") or a sign-off ("..., NPR News, ...")
    naming an outlet of the registry."""
    candidates: list[str] = []
    for paragraph in article.all_paragraphs:
        text = paragraph.text.strip()
        copyright_line = _COPYRIGHT.match(text)
        if copyright_line:
            owner = copyright_line.group("owner").strip()
            candidates.extend([owner, _OUTLET_SUFFIXES.sub("", owner)])
    for paragraph in article.paragraphs[-3:]:
        for sentence in paragraph.sentences[-2:]:
            parts = [part.strip(" .") for part in sentence.text.split(",")]
            if len(parts) >= 2:
                candidates.extend(parts[1:])
    for candidate in candidates:
        entity = registry.resolve(candidate).entity if candidate else None
        if entity is not None and entity.type == "outlet":
            return entity.name, entity.id
    return None, None


def _first_heading(article: Article) -> str | None:
    """The first heading, else the first short line that ends no sentence (a plain-text headline)."""
    for paragraph in article.paragraphs:
        if paragraph.heading:
            return paragraph.text.strip()
    for paragraph in article.paragraphs[:6]:
        text = paragraph.text.strip()
        words = text.split()
        if 3 <= len(words) <= 25 and not text.endswith((".", ":", "?", "!")) and not _PUBLISHED_LABEL.match(text) \
                and not _BYLINE.search(text) and not _ABSOLUTE_DATE.match(text) and paragraph.turn is None:
            return text
    return None


def _split_names(names: str) -> list[str]:
    parts = re.split(r"\s*(?:,|\band\b|&)\s*", names)
    return [" ".join(part.split()) for part in parts if part.strip()]


def _iso_day(text: str) -> dt.date | None:
    match = re.match(r"\s*(\d{4}-\d{2}-\d{2})", text)
    if not match:
        return None
    try:
        return dt.date.fromisoformat(match.group(1))
    except ValueError:
        return None


def _parse_day(text: str) -> dt.date | None:
    """An absolute date as the date parser reads it, when it names a single day."""
    try:
        value = parse_value("date", text, ParseContext(published=dt.date(9999, 12, 31)))
    except ValueParseError:
        return None
    first, last = getattr(value, "first", None), getattr(value, "last", None)
    return first if first is not None and first == last else None
