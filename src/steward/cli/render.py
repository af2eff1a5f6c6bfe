"""Rich rendering of decisions: the evidence highlighted, each clause quoted, personal data masked on request."""

from __future__ import annotations

from collections.abc import Sequence

from rich.console import Group, RenderableType
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from steward.content import Action, ContentItem, Decision, Finding
from steward.rationale import describe_kind

ACTION_STYLE = {
    Action.ESCALATE: "bold white on red",
    Action.REMOVE: "bold red",
    Action.HIDE: "bold dark_orange",
    Action.REDIRECT: "bold blue",
    Action.REVIEW: "bold yellow",
    Action.ALLOW: "bold green",
    Action.BLOCK: "bold red",
    Action.NEEDS_CHANGES: "bold dark_orange",
    Action.APPROVE: "bold green",
}
MASKED = frozenset({"personal_info", "patient_info"})


def evidence_text(text: str, findings: Sequence[Finding], *, mask: bool) -> Text:
    """The text with evidence spans highlighted; personal data replaced by its kind when ``mask`` is set."""
    spans = sorted((f for f in findings if f.field == "text"), key=lambda f: (f.start, -f.end))
    out = Text()
    cursor = 0
    for f in spans:
        if f.start < cursor:
            continue  # overlapping evidence: the first, longest span is shown
        out.append(text[cursor : f.start])
        shown = f"[{describe_kind(f.kind)}]" if mask and f.category in MASKED else text[f.start : f.end]
        out.append(shown, style="bold black on yellow" if f.category != "link" else "underline cyan")
        cursor = f.end
    out.append(text[cursor:])
    return out


def decision_panel(item: ContentItem, decision: Decision, *, mask: bool = False) -> RenderableType:
    head = Text()
    head.append(f" {decision.action.value.upper()} ", style=ACTION_STYLE.get(decision.action, "bold"))
    head.append(f"  {item.id}", style="dim")
    if item.author and (item.author.display_name or item.author.handle):
        head.append(f"  by {item.author.display_name or item.author.handle}", style="dim")
    evidence = [f for f in decision.findings if f.category in set(decision.categories)]
    parts: list[RenderableType] = [head, evidence_text(item.text, evidence, mask=mask), Text()]
    parts.append(Text(decision.rationale, style="italic"))
    for clause in decision.clauses:
        quote = Text()
        quote.append(f"\nClause {clause.ref or clause.id}", style="bold")
        if clause.section:
            quote.append(f" ({clause.section})", style="dim")
        quote.append(f"\n“{clause.text}”")
        parts.append(quote)
    if evidence:
        table = Table("category", "found", "score", "detector", "why", box=None, pad_edge=False)
        for f in evidence:
            # Text(), not str: strings in a table are parsed as markup, and explanations can echo hostile text.
            cells = (f.category, describe_kind(f.kind), f"{f.score:.2f}", f.detector, f.explanation)
            table.add_row(*(Text(c) for c in cells))
        parts += [Text(), table]
    if decision.reply_text:
        parts.append(Text("\nSuggested reply:", style="bold"))
        parts.append(Text(decision.reply_text))
    title = f"{decision.policy_id} {decision.policy_version}"
    return Panel(Group(*parts), title=title, title_align="right")
