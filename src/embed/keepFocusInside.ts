const tabbableSelector = 'a[href], button:not([disabled]), input:not([disabled]):not([type="hidden"]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

/**
 * The focus trap of the dialog, for a Tab keydown inside `container`: from the last stop Tab wraps
 * to the first, and Shift+Tab from the first (or from anything before it, such as the focused
 * step heading) wraps to the last. Everywhere else the browser's own order applies. A radio group
 * counts as one stop. Returns true when it moved focus.
 */
export function keepFocusInside(event: KeyboardEvent, container: HTMLElement, active: Element | null): boolean {
  if (event.key !== 'Tab' || event.altKey || event.ctrlKey || event.metaKey) return false;
  const stops = tabStops(container);
  const first = stops[0];
  const last = stops[stops.length - 1];
  if (!first || !last) {
    event.preventDefault();
    return true;
  }
  const current = active && container.contains(active) ? active : null;
  const after = (node: Element) => current !== null && current !== node && Boolean(current.compareDocumentPosition(node) & Node.DOCUMENT_POSITION_FOLLOWING);
  const before = (node: Element) => current !== null && current !== node && Boolean(current.compareDocumentPosition(node) & Node.DOCUMENT_POSITION_PRECEDING);
  const sameGroup = (node: Element) => isRadio(node) && isRadio(current) && node.name !== '' && node.name === current.name;
  if (event.shiftKey) {
    if (current && stops.some((node) => before(node) && !sameGroup(node))) return false;
    event.preventDefault();
    last.focus();
    return true;
  }
  if (current && stops.some((node) => after(node) && !sameGroup(node))) return false;
  event.preventDefault();
  first.focus();
  return true;
}

function tabStops(container: HTMLElement): HTMLElement[] {
  const candidates = [...container.querySelectorAll<HTMLElement>(tabbableSelector)].filter(
    (node) => !node.closest('[hidden], [inert]') && (typeof node.checkVisibility !== 'function' || node.checkVisibility()),
  );
  return candidates.filter((node) => {
    if (!isRadio(node) || node.name === '') return true;
    const group = candidates.filter((other): other is HTMLInputElement => isRadio(other) && other.name === node.name);
    const checked = group.find((radio) => radio.checked);
    return node === (checked ?? group[0]);
  });
}

function isRadio(node: Element | null): node is HTMLInputElement {
  return node instanceof HTMLInputElement && node.type === 'radio';
}
