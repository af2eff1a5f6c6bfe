"""Compact lists the link detector needs: top-level domains it accepts in bare domains, and link shorteners."""

from __future__ import annotations

#: Top-level domains accepted after a bare domain with no scheme or "www." ("example.co.uk", "nhs.uk/path").
#: Deliberately compact: file extensions that are also country codes (.md, .py, .sh, .pl, .rs, .js) and
#: common words (.it, .in, .at, .is, .to, .so) are left out, so "readme.md" and "sorry.It was" are not links.
COMMON_TLDS = frozenset(
    {
        # generic
        "com", "net", "org", "info", "biz", "xyz", "app", "link", "click", "online", "site", "top", "io", "co",
        "me", "ly", "dev", "shop", "store", "live", "life", "news", "blog", "tech", "win", "bid", "loan",
        "email", "club", "vip", "work", "website", "space", "fun", "icu", "buzz", "gov", "edu", "health",
        "care", "uk", "london", "wales", "scot", "cymru", "eu",
        # country codes often seen in spam or in UK conversation
        "ru", "cn", "tk", "ml", "ga", "cf", "gq", "pw", "cc", "ws", "su", "ua", "by", "kz", "ir", "ng", "pk",
        "bd", "vn", "id", "br", "ar", "mx", "us", "ca", "au", "nz", "ie", "de", "fr", "es", "nl", "be", "ch",
        "se", "no", "dk", "fi", "pt", "gr", "pl", "cz", "hu", "ro", "bg", "tr", "za", "jp", "kr", "hk", "sg",
        "tw", "tv", "fm", "gg", "je", "im", "gl", "gd", "gy", "ai", "eus",
    }
)  # fmt: skip

#: Link shorteners: a short link hides where it goes.
SHORTENERS = frozenset(
    {
        "bit.ly", "bitly.com", "tinyurl.com", "t.co", "goo.gl", "ow.ly", "is.gd", "buff.ly", "rebrand.ly",
        "cutt.ly", "shorturl.at", "tiny.cc", "rb.gy", "lnkd.in", "t.ly", "v.gd", "bl.ink", "short.io",
        "tiny.one", "s.id", "shorte.st", "adf.ly", "bc.vc", "soo.gd", "qr.ae", "y2u.be", "trib.al", "dlvr.it",
        "tr.im", "clck.ru", "u.to", "mcaf.ee", "x.co", "urlz.fr",
        "tiny.pl", "shorturl.gg", "surl.li", "gg.gg",
    }
)  # fmt: skip
