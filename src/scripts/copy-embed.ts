/**
 * "Copy embed code", enhanced: shows the button (hidden without JavaScript, when the code is text to select), puts
 * the address the reader is on in front of the embed page's path when the site was built without SITE_URL, and
 * copies the code, saying so in a live region.
 */
for (const box of document.querySelectorAll<HTMLElement>("[data-embed-code]")) {
  const code = box.querySelector<HTMLElement>("code");
  const button = box.querySelector<HTMLButtonElement>("button[data-copy-embed]");
  const status = box.querySelector<HTMLElement>("[data-copy-status]");
  if (!code || !button) continue;
  const path = box.dataset.embedPath;
  if (path) {
    const absolute = new URL(path, window.location.href).href;
    code.textContent = (code.textContent ?? "").replace(`src="${path}"`, `src="${absolute}"`);
  }
  button.hidden = false;
  button.addEventListener("click", async () => {
    let ok = false;
    try {
      await navigator.clipboard.writeText(code.textContent ?? "");
      ok = true;
    } catch {
      // Refused (an insecure page, a frame without clipboard permission): select the code for the reader to copy.
      const range = document.createRange();
      range.selectNodeContents(code);
      window.getSelection()?.removeAllRanges();
      window.getSelection()?.addRange(range);
    }
    if (!status) return;
    status.textContent = "";
    window.setTimeout(() => {
      status.textContent = ok ? "Embed code copied." : "Could not copy automatically: the code is selected, copy it with your keyboard or menu.";
    }, 50);
  });
}
