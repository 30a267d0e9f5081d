/** What an agent-mode key asks for. */
export type AgentCommand =
  | 'option'
  | 'primary'
  | 'back'
  | 'restart'
  | 'note'
  | 'escalate'
  | 'paste'
  | 'packet'
  | 'newCall'
  | 'help'
  | 'escape';

export interface AgentShortcut {
  command: AgentCommand;
  /** `KeyboardEvent.key` values, compared case-insensitively for letters. */
  keys: readonly string[];
  /** How the keys read in the shortcuts dialog and on badges. */
  display: string;
  /** Translation key of what the key does. */
  label: string;
}

const digits = ['1', '2', '3', '4', '5', '6', '7', '8', '9'];

/**
 * The agent-mode key map, one source for the handler and the shortcuts dialog.
 *
 * - `1`–`9` only select the n-th answer (the radio is checked, nothing is sent); `Enter` then
 *   presses the screen's primary button, exactly as Continue would. So digits never move the
 *   call on, and `Enter` is always "the blue button": Continue, Skip the wait, Try again.
 * - `R` and `E` only ask; a second `R` (or the Yes button) starts again, a second `E` escalates,
 *   `Esc` cancels.
 * - `Esc` closes a dialog, cancels a pending restart, or leaves a field for the step.
 * - Nothing fires while typing in a text field, textarea, select or contenteditable (except
 *   `Esc`), nor with Ctrl, Meta or Alt held, nor on key repeat. `Enter` on a button, link or
 *   checkbox is left to that control; on a radio it is the primary button, as on the page.
 */
export const agentKeymap: readonly AgentShortcut[] = [
  { command: 'option', keys: digits, display: '1–9', label: 'agent.keys.option' },
  { command: 'primary', keys: ['Enter'], display: 'Enter', label: 'agent.keys.primary' },
  { command: 'back', keys: ['b', 'Backspace'], display: 'B', label: 'agent.keys.back' },
  { command: 'restart', keys: ['r'], display: 'R', label: 'agent.keys.restart' },
  { command: 'note', keys: ['n'], display: 'N', label: 'agent.keys.note' },
  { command: 'escalate', keys: ['e'], display: 'E', label: 'agent.keys.escalate' },
  { command: 'paste', keys: ['p'], display: 'P', label: 'agent.keys.paste' },
  { command: 'packet', keys: ['s'], display: 'S', label: 'agent.keys.packet' },
  { command: 'newCall', keys: ['c'], display: 'C', label: 'agent.keys.newCall' },
  { command: 'help', keys: ['?'], display: '?', label: 'agent.keys.help' },
  { command: 'escape', keys: ['Escape'], display: 'Esc', label: 'agent.keys.escape' },
];

export interface AgentKeyPress {
  command: AgentCommand;
  /** For `option`: the zero-based answer index. */
  index: number;
}

type KeyInput = Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey' | 'repeat' | 'defaultPrevented' | 'isComposing'> & {
  target: EventTarget | null;
};

/** The command a keydown asks for in agent mode, or `null` when the key belongs to someone else. */
export function shortcutFor(event: KeyInput): AgentKeyPress | null {
  if (event.ctrlKey || event.metaKey || event.altKey || event.repeat || event.defaultPrevented || event.isComposing) return null;
  const key = event.key.length === 1 ? event.key.toLowerCase() : event.key;
  const shortcut = agentKeymap.find((candidate) => candidate.keys.includes(key));
  if (!shortcut) return null;
  if (shortcut.command !== 'escape' && isTypingTarget(event.target)) return null;
  if (shortcut.command === 'primary' && isOwnEnterTarget(event.target)) return null;
  return { command: shortcut.command, index: shortcut.command === 'option' ? digits.indexOf(key) : 0 };
}

const nonTextInputs = new Set(['radio', 'checkbox', 'button', 'submit', 'reset', 'image', 'range', 'color', 'file']);

/** Where keys are text: fields, textareas, selects, editable content. A radio is not. */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!isElement(target)) return false;
  if (target.isContentEditable || target.closest('[contenteditable]:not([contenteditable="false"])')) return true;
  const tag = target.tagName;
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  return tag === 'INPUT' && !nonTextInputs.has((target as HTMLInputElement).type);
}

/** Controls that already do something on Enter, and checkboxes (Enter there must not move the call on). */
function isOwnEnterTarget(target: EventTarget | null): boolean {
  if (!isElement(target)) return false;
  if (target.tagName === 'INPUT') return ['button', 'submit', 'reset', 'image', 'checkbox'].includes((target as HTMLInputElement).type);
  return target.matches('button, a[href], summary, [role="button"], [role="link"]');
}

function isElement(target: EventTarget | null): target is HTMLElement {
  return typeof HTMLElement !== 'undefined' && target instanceof HTMLElement;
}
