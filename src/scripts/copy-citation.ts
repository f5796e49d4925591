/**
 * "Cite this", enhanced: shows the Copy citation and Copy BibTeX buttons (hidden without JavaScript), copies the
 * text to the clipboard, and says so in the section's live region. When the site was built without SITE_URL,
 * the permalink is a path from the site root; this puts the address the reader is on in front of it first, so
 * what is shown and copied is an absolute link.
 */

/** Replaces the root-relative permalink in each citation of the section with its absolute address. */
function absolutise(section: HTMLElement): void {
  const path = section.dataset.permalinkPath;
  if (!path) return;
  const absolute = new URL(path, window.location.href).href;
  // As printed in the text, and inside BibTeX's \url{…} (where # is escaped).
  const forms = [
    { from: path, to: absolute },
    { from: path.replace(/#/g, "\\#"), to: absolute.replace(/#/g, "\\#") },
  ];
  for (const el of section.querySelectorAll<HTMLElement>("[data-cite-text]")) {
    let text = el.textContent ?? "";
    for (const { from, to } of forms) {
      // The path as a whole: after a space or "{", before a space, "}" or the end of the text.
      for (let i = text.indexOf(from); i >= 0; i = text.indexOf(from, i + to.length)) {
        const before = i === 0 ? " " : text[i - 1]!;
        const after = text[i + from.length] ?? " ";
        if (/[\s{]/.test(before) && /[\s}]/.test(after)) {
          text = text.slice(0, i) + to + text.slice(i + from.length);
          break;
        }
      }
    }
    el.textContent = text;
  }
  delete section.dataset.permalinkPath;
}

/** Copies through the Clipboard API, or by selecting the text and the browser's copy command. */
async function copyText(el: HTMLElement): Promise<boolean> {
  const text = el.textContent ?? "";
  try {
    if (navigator.clipboard && window.isSecureContext) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    // Refused (permissions, an insecure page): fall back to selecting the text.
  }
  const selection = window.getSelection();
  if (!selection) return false;
  const range = document.createRange();
  range.selectNodeContents(el);
  selection.removeAllRanges();
  selection.addRange(range);
  let ok = false;
  try {
    ok = document.execCommand("copy");
  } catch {
    ok = false;
  }
  if (ok) selection.removeAllRanges();
  return ok;
}

function enhance(section: HTMLElement): void {
  absolutise(section);
  const status = section.querySelector<HTMLElement>("[data-copy-status]");
  for (const button of section.querySelectorAll<HTMLButtonElement>("button[data-copy]")) {
    const target = document.getElementById(button.dataset.copy ?? "");
    if (!target) continue;
    button.hidden = false;
    button.addEventListener("click", async () => {
      const ok = await copyText(target);
      if (!status) return;
      // Clear first so the same message is announced again on a second copy.
      status.textContent = "";
      window.setTimeout(() => {
        status.textContent = ok ? (button.dataset.copied ?? "Copied.") : "Could not copy automatically: the text is selected, copy it with your keyboard or menu.";
      }, 50);
    });
  }
}

for (const section of document.querySelectorAll<HTMLElement>("[data-cite]")) enhance(section);
