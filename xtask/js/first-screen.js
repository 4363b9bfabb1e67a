// Inline in every release page, right after the loading state (`xtask/src/prerender.rs`
// puts the data in and minifies it). It puts the pre-rendered copy of the current
// address's screen (a `template` element in the head, its address in `data-screen`) in
// place of the spinner before the first paint, then hands over to the app what the citizen
// did on the copy.
(() => {
  const boot = document.querySelector('.boot');
  // The address as the route table writes it: no trailing slash but the root's.
  const path = location.pathname.replace(/(.)\/$/, '$1');
  let screen = null;
  for (const t of document.querySelectorAll('template[data-screen]')) {
    if (t.dataset.screen === path) screen = t;
  }
  // Only for a first visit: any web storage a first visit does not leave (English chosen,
  // signed in, a flow under way) means the app would render something else: keep the
  // spinner then. The storage a first visit leaves is measured by the build.
  try {
    for (const [storage, firstVisit] of [
      [localStorage, __FIRST_VISIT_LOCAL__],
      [sessionStorage, __FIRST_VISIT_SESSION__],
    ]) {
      for (let i = 0; i < storage.length; i++) {
        const key = storage.key(i);
        if (!Object.hasOwn(firstVisit, key) || firstVisit[key] !== storage.getItem(key)) screen = null;
      }
    }
  } catch (e) {
    screen = null;
  }
  if (!boot || !screen) return;
  // The spinner's status stays, for screen readers only.
  const status = boot.querySelector('[role=status]');
  boot.replaceChildren(screen.content);
  if (status) {
    status.className = 'visually-hidden';
    boot.append(status);
  }

  // The hand-over. The copy's fields take typing and choices before the app is there (each
  // id has the prefix `boot-`; the app's own element has it without). When the app removes
  // the loading state (`src/boot.rs`), what the citizen did meanwhile goes to the app's
  // fields as they would have done it there (so the app's own input events update its
  // state): each value typed, each choice changed, and the focus with its caret (or on the
  // same link).
  let focused = null;
  const noteFocus = (event) => (focused = event.target);
  addEventListener('focusin', noteFocus);
  new MutationObserver((_, observer) => {
    if (boot.isConnected) return;
    observer.disconnect();
    removeEventListener('focusin', noteFocus);
    const appsOwn = (copy) => copy.id.startsWith('boot-') && document.getElementById(copy.id.slice(5));
    for (const input of boot.querySelectorAll('input')) {
      const own = appsOwn(input);
      if (!own) continue;
      if (input.type == 'radio' || input.type == 'checkbox') {
        if (input.checked != input.defaultChecked && own.checked != input.checked) own.click();
      } else if (input.value != input.defaultValue) {
        own.value = input.value;
        own.dispatchEvent(new Event('input', { bubbles: true }));
      }
    }
    if (focused && boot.contains(focused) && focused.tagName == 'A') {
      // The same link: the same address and words, the same place among those alike.
      const alike = (root) =>
        [...root.querySelectorAll('a')].filter((a) => a.href == focused.href && a.textContent == focused.textContent);
      alike(document)[alike(boot).indexOf(focused)]?.focus();
    }
    const own = focused && boot.contains(focused) && appsOwn(focused);
    if (own) {
      own.focus();
      try {
        own.setSelectionRange(focused.selectionStart, focused.selectionEnd);
      } catch (e) {
        // Not a text field: the focus is enough.
      }
    }
  }).observe(boot.parentNode, { childList: true });
})();
