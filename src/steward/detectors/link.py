"""The ``link`` detector: every link in a text, with its domain, as evidence for policy rules.

Finds scheme URLs (http, https, ftp), "www." addresses, bare domains with a known top-level domain
("example.co.uk", "nhs.uk/path"), IP-address links and cheap obfuscations ("example[.]com", "example dot com",
"hxxp://"). Each link is classed by its host: deny-listed, allow-listed (reported with a very low score as
evidence only), deceptive (punycode, mixed scripts, a host hidden after "user@"), an IP address, a shortener,
or an ordinary unknown domain. Allow and deny lists come from ``AssessContext`` and match on domain suffix.
"""

from __future__ import annotations

from functools import lru_cache

import regex
from confusable_homoglyphs import categories as scripts

from steward.content import Category, ContentItem, Finding
from steward.detectors.base import MAX_TEXT_CHARS, AssessContext, compile_pattern, finditer, search, tag
from steward.detectors.link_lists import COMMON_TLDS, SHORTENERS

CATEGORY = Category.LINK.value
VERSION = "1.0"
#: Most links reported for one text; a text made of thousands of links needs no more evidence than this.
MAX_LINKS = 200

_LABEL = r"[\p{L}\p{N}](?:[\p{L}\p{N}\-]{0,61}[\p{L}\p{N}])?"
_TLDS = "|".join(sorted(COMMON_TLDS, key=len, reverse=True))
_SHORT = "|".join(regex.escape(s) for s in sorted(SHORTENERS, key=len, reverse=True))
_REST = r"[^\s<>\"'`]"
_SEP = r"(?:[ \t]?[\[({](?:\.|(?i:dot))[\])}][ \t]?|[ \t]+(?i:dot)[ \t]+)"
_LINK = compile_pattern(
    r"(?P<scheme>(?<![\p{L}\p{N}])(?i:https?|ftp|hxxps?)://" + _REST + r"++)"
    r"|(?P<www>(?<![\p{L}\p{N}.\-])(?i:www\d{0,3})\." + _REST + r"++)"
    r"|(?P<ip>(?<![\p{N}.])(?:\d{1,3}\.){3}\d{1,3}(?::\d{2,5})?/" + _REST + r"*+)"
    r"|(?P<bare>(?<![\p{L}\p{N}.\-@_/])(?:(?i:" + _SHORT + r")|(?:" + _LABEL + r"\.){1,10}(?i:" + _TLDS + r"))"
    r"(?::\d{2,5})?(?![\p{L}\p{N}\-_@]|\.[\p{L}\p{N}])(?:[/?#]" + _REST + r"*+)?)"
    r"|(?P<obf>(?<![\p{L}\p{N}.\-@])"
    + _LABEL
    + r"(?:(?:\.|"
    + _SEP
    + r")"
    + _LABEL
    + r"){0,4}"
    + _SEP
    + r"(?i:"
    + _TLDS
    + r")(?![\p{L}\p{N}]))",
    regex.VERSION1,
)
_SEP_RE = compile_pattern(_SEP, regex.VERSION1)
_IP_HOST = compile_pattern(r"^(?:\d{1,3}\.){3}\d{1,3}$", regex.VERSION0)
#: Words that make "the dot com boom" a phrase rather than an obfuscated domain.
_STOPWORD_TEXT = "the a an of and or to in on at is was it this that my your our"
_STOPWORDS = frozenset(_STOPWORD_TEXT.split())
#: Last labels that can end a bare domain: the common TLDs and those of the shorteners.
_GATE_TLDS = COMMON_TLDS | {s.rsplit(".", 1)[-1] for s in SHORTENERS}
_TRAILING = ".,;:!?'\"*"
_PAIRS = {")": "(", "]": "[", "}": "{"}


def _gate(text: str) -> bool:
    """Cheap test before the pattern runs: a scheme, "www", an obfuscated dot, or a dot directly followed by
    a known top-level domain (or by a digit, with a "/" somewhere for an IP-address link)."""
    if "://" in text:
        return True
    lower = text.lower()
    if "www" in lower or "[.]" in text or "(.)" in text or "{.}" in text:
        return True
    if " dot " in lower or "[dot]" in lower or "(dot)" in lower or "{dot}" in lower:
        return True
    i = lower.find(".")
    while i != -1:
        j = i + 1
        while j < len(lower) and lower[j].isalnum():
            j += 1
        if j > i + 1 and (lower[i + 1 : j] in _GATE_TLDS or (lower[i + 1].isdigit() and "/" in text)):
            return True
        i = lower.find(".", j)
    return False


def _split_obfuscated(link: str) -> list[str]:
    """The labels of an obfuscated domain ("example [dot] co.uk" gives example, co.uk)."""
    words: list[str] = []
    last = 0
    for sep in finditer(_SEP_RE, link):
        words.append(link[last : sep.start()])
        last = sep.end()
    words.append(link[last:])
    return words


def _trim(text: str, start: int, end: int) -> int:
    """Drop sentence punctuation and unbalanced closing brackets from the end of a link."""
    while end > start:
        last = text[end - 1]
        unbalanced = last in _PAIRS and text.count(last, start, end) > text.count(_PAIRS[last], start, end)
        if last in _TRAILING or unbalanced:
            end -= 1
        else:
            break
    return end


def host_of(link: str) -> tuple[str, bool]:
    """(host, hidden_by_userinfo) of a link written with or without a scheme."""
    rest = link.split("://", 1)[1] if "://" in link else link
    cut = min((i for i in (rest.find(c) for c in "/?#\\") if i != -1), default=len(rest))
    authority = rest[:cut]
    hidden = "@" in authority
    host = authority.rsplit("@", 1)[-1]
    # An IPv6 literal keeps its brackets; otherwise drop any port.
    host = host.split("]", 1)[0] + "]" if host.startswith("[") else host.split(":", 1)[0]
    return host.lower().rstrip("."), hidden


def _normalise_entry(entry: str) -> str:
    host, _ = host_of(entry.strip())
    host = host.removeprefix("*.")
    return host.removeprefix("www.")


@lru_cache(maxsize=64)
def _lists(allow: tuple[str, ...], deny: tuple[str, ...]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    return (
        tuple(h for h in (_normalise_entry(e) for e in allow) if h),
        tuple(h for h in (_normalise_entry(e) for e in deny) if h),
    )


def _suffix_match(host: str, domains: tuple[str, ...]) -> str | None:
    """The longest listed domain that ``host`` is or is a subdomain of."""
    best: str | None = None
    for d in domains:
        if (host == d or host.endswith("." + d)) and (best is None or len(d) > len(best)):
            best = d
    return best


def _deceptive(host: str) -> str | None:
    """Why a host looks built to deceive, or None."""
    if "xn--" in host:
        return "punycode (xn--) label"
    if host.isascii():
        return None
    letters = [ch for ch in host if ch.isalpha()]
    found = set(scripts.unique_aliases("".join(letters))) - {"COMMON", "INHERITED"}
    if len(found) > 1:
        return f"mixed scripts ({', '.join(sorted(found))})"
    return None


class LinkDetector:
    """Links and their domains. Constructor takes no arguments; lists come from ``AssessContext``."""

    name = "link"
    version = VERSION
    categories = frozenset({CATEGORY})

    def detect(self, item: ContentItem, context: AssessContext) -> list[Finding]:
        return list(find_links(item.text[:MAX_TEXT_CHARS], context.link_allow, context.link_deny))


def _classify(text: str, m: regex.Match[str], allow: tuple[str, ...], deny: tuple[str, ...]) -> Finding | None:
    form = m.lastgroup or "bare"
    start, end = m.span()
    obfuscated = form == "obf" or text[start : start + 4].lower() == "hxxp"
    if form == "obf":
        words = _split_obfuscated(m.group(0))
        if " dot " in m.group(0).lower() and words[0].lower() in _STOPWORDS:
            return None
        raw = ".".join(w.strip() for w in words)
    else:
        end = _trim(text, start, end)
        raw = text[start:end]
    host, hidden = host_of(raw)
    if not host or (form in ("scheme", "www") and "." not in host and not host.startswith("[")):
        return None
    if form == "bare" and host == raw.lower():
        tld = raw.rsplit(".", 1)[-1]
        if tld[:1].isupper() and tld[1:].islower() and len(tld) > 1:
            return None  # "home.Net result": a missing space after a full stop, not a domain
    kind, score, why = _judge(host, hidden, allow, deny)
    if obfuscated and kind == "url":
        kind, score, why = "obfuscated_url", 0.6, "written with an obfuscated dot or scheme"
    shown = host if len(host) <= 80 else host[:77] + "..."
    explanation = f"Link to domain '{shown}' ({_FORMS[form]}): {why}."
    return Finding(CATEGORY, kind, start, end, score, _DETECTOR, explanation)


def _judge(host: str, hidden: bool, allow: tuple[str, ...], deny: tuple[str, ...]) -> tuple[str, float, str]:
    denied = _suffix_match(host, deny)
    allowed = _suffix_match(host, allow)
    if denied is not None and (allowed is None or len(denied) >= len(allowed)):
        return "denied_domain", 0.95, f"on the deny list as '{denied}'"
    if hidden:
        return "deceptive_domain", 0.9, "the real host is hidden after a 'user@' prefix"
    if allowed is not None:
        return "allowed_domain", 0.05, f"on the allow list as '{allowed}'"
    deceit = _deceptive(host)
    if deceit is not None:
        return "deceptive_domain", 0.9, deceit
    if search(_IP_HOST, host) is not None:
        return "ip_address_url", 0.85, "an IP address instead of a domain name"
    if host in SHORTENERS or host.removeprefix("www.") in SHORTENERS:
        return "shortener", 0.85, "a link shortener that hides the destination"
    return "url", 0.4, "an unknown domain"


_DETECTOR = tag(LinkDetector.name, LinkDetector.version)


# Cached for one item's two readers (this detector, and the learned models' ``allowed_link_spans``).
@lru_cache(maxsize=32)
def find_links(text: str, allow: tuple[str, ...], deny: tuple[str, ...]) -> tuple[Finding, ...]:
    """Every link in ``text`` (already clipped to MAX_TEXT_CHARS), classed against the allow and deny lists as
    the pack gives them; at most MAX_LINKS."""
    if not text or not _gate(text):
        return ()
    allowed, denied = _lists(allow, deny)
    out: list[Finding] = []
    for m in finditer(_LINK, text):
        finding = _classify(text, m, allowed, denied)
        if finding is not None:
            out.append(finding)
            if len(out) >= MAX_LINKS:
                break
    return tuple(out)


def allowed_link_spans(text: str, context: AssessContext) -> tuple[tuple[int, int], ...]:
    """Where ``text`` (clipped to MAX_TEXT_CHARS) links to a domain on the organisation's allow list."""
    found = find_links(text[:MAX_TEXT_CHARS], context.link_allow, context.link_deny)
    return tuple((f.start, f.end) for f in found if f.kind == "allowed_domain")


_FORMS = {
    "scheme": "URL with scheme",
    "www": "www address",
    "ip": "IP address with path",
    "bare": "bare domain",
    "obf": "obfuscated domain",
}
