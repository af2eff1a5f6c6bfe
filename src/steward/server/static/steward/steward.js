// Steward's page script (an ES module, loaded from 'self' so the CSP allows it). Starts the NHS.UK components and
// wires the keyboard shortcuts declared in the page with data-shortcut attributes. Nothing here reads comment text.
import { initAll } from "../nhsuk/nhsuk-frontend.min.js";

initAll();

function typing(target) {
  if (!(target instanceof HTMLElement)) return false;
  const tag = target.tagName;
  return tag === "INPUT" || tag === "TEXTAREA" || tag === "SELECT" || target.isContentEditable;
}

function toggleHelp(show) {
  const panel = document.getElementById("shortcut-help");
  if (!panel) return;
  const open = show === undefined ? panel.hidden : show;
  panel.hidden = !open;
  if (open) panel.focus();
}

// An action shortcut ticks the action's radio, then moves to where the person finishes it: the reason when the
// action needs one, else the Confirm button (so a single stray key never acts on its own).
function chooseAction(id) {
  const radio = document.getElementById(id);
  if (!(radio instanceof HTMLInputElement)) return;
  radio.checked = true;
  radio.dispatchEvent(new Event("change", { bubbles: true }));
  const next = radio.dataset.needsReason === "yes" ? "action-reason" : "action-submit";
  document.getElementById(next)?.focus();
}

document.addEventListener("keydown", (event) => {
  if (event.ctrlKey || event.metaKey || event.altKey || typing(event.target)) return;
  if (event.key === "Escape") {
    toggleHelp(false);
    return;
  }
  if (event.key === "?") {
    event.preventDefault();
    toggleHelp();
    return;
  }
  const key = event.key.length === 1 ? event.key.toLowerCase() : event.key;
  const control = document.querySelector(`[data-shortcut="${CSS.escape(key)}"]`);
  if (!control) return;
  event.preventDefault();
  const select = control.getAttribute("data-select");
  const focus = control.getAttribute("data-focus");
  if (select) {
    chooseAction(select);
  } else if (focus) {
    document.getElementById(focus)?.focus();
  } else if (control instanceof HTMLAnchorElement || control instanceof HTMLButtonElement) {
    control.click();
  } else if (control instanceof HTMLElement) {
    control.focus();
  }
});

for (const button of document.querySelectorAll("[data-toggle-help]")) {
  button.addEventListener("click", () => toggleHelp());
}
