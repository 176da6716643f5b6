/**
 * Taro's H5 components are custom elements (`taro-button-core`, `taro-input-core`, …) that carry
 * no ARIA semantics: a screen reader meets a button as plain text and an input named only by its
 * placeholder. This keeps every such element in the document announced and usable:
 * - buttons get `role="button"`, are focusable unless disabled, mirror `disabled` as
 *   `aria-disabled`, and answer Enter / Space like a native button (so do elements a page gave
 *   `role="button"` or `role="link"`, see components/a11y.ts);
 * - inputs, text areas, checkboxes and radios pass the host's `aria-label`, `aria-describedby`
 *   and `aria-invalid` on to the native control inside, which is what assistive technology reads.
 * Pages stay platform-free: they set `ariaLabel` (WeChat reads it too) and this does the rest.
 */
const BUTTON = 'taro-button-core';
const CONTROL_HOSTS = 'taro-input-core, taro-textarea-core, taro-checkbox-core, taro-radio-core';
const FORWARDED = ['aria-label', 'aria-describedby', 'aria-invalid'] as const;
/** Marks an `aria-disabled` this module set, so it can take it away again. */
const MIRRORED_DISABLED = 'data-a11y-disabled';

function enhanceButton(button: Element): void {
  if (!button.hasAttribute('role')) button.setAttribute('role', 'button');
  const disabled = button.hasAttribute('disabled');
  if (button.getAttribute('tabindex') !== (disabled ? '-1' : '0')) {
    button.setAttribute('tabindex', disabled ? '-1' : '0');
  }
  if (disabled && !button.hasAttribute('aria-disabled')) {
    button.setAttribute('aria-disabled', 'true');
    button.setAttribute(MIRRORED_DISABLED, '');
  } else if (!disabled && button.hasAttribute(MIRRORED_DISABLED)) {
    button.removeAttribute('aria-disabled');
    button.removeAttribute(MIRRORED_DISABLED);
  }
}

function enhanceControl(host: Element): void {
  const control = host.querySelector('input, textarea');
  if (!control) return;
  for (const name of FORWARDED) {
    const value = host.getAttribute(name);
    if (value === null) {
      if (control.hasAttribute(name)) control.removeAttribute(name);
    } else if (control.getAttribute(name) !== value) {
      control.setAttribute(name, value);
    }
  }
}

export function enhanceAccessibility(root: ParentNode): void {
  root.querySelectorAll(BUTTON).forEach(enhanceButton);
  root.querySelectorAll(CONTROL_HOSTS).forEach(enhanceControl);
}

/** Custom elements acting as buttons or links (a `<Text>` given `roleProps('link')`, …). */
const ACTIVATABLE = `${BUTTON}, [role="button"], [role="link"]`;

function activateOnKey(event: KeyboardEvent): void {
  if (event.key !== 'Enter' && event.key !== ' ') return;
  const target = event.target as Element | null;
  if (!target?.matches(ACTIVATABLE) || target.hasAttribute('disabled')) return;
  // Native buttons and links already answer the keyboard.
  if (target instanceof HTMLButtonElement || target instanceof HTMLAnchorElement) return;
  event.preventDefault();
  (target as HTMLElement).click();
}

/** Enhances the document now and after every change; returns a function that stops it. */
export function watchAccessibility(doc: Document = document): () => void {
  let scheduled = false;
  const run = () => {
    scheduled = false;
    enhanceAccessibility(doc);
  };
  const observer = new MutationObserver(() => {
    if (scheduled) return;
    scheduled = true;
    // After the batch of changes (Stencil renders the native controls a moment later).
    Promise.resolve().then(run);
  });
  observer.observe(doc.body, {
    subtree: true,
    childList: true,
    attributes: true,
    attributeFilter: ['disabled', ...FORWARDED],
  });
  doc.addEventListener('keydown', activateOnKey);
  run();
  return () => {
    observer.disconnect();
    doc.removeEventListener('keydown', activateOnKey);
  };
}
