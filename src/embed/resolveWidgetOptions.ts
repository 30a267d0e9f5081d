import { toLocale } from '../app/supportedLocales.ts';
import type { WidgetLauncher, WidgetLocale, WidgetOptions } from './WidgetOptions.ts';

/** The options with every default filled in. */
export interface ResolvedWidgetOptions extends Omit<WidgetOptions, 'flow' | 'locale' | 'launcher' | 'colorScheme' | 'demo'> {
  flow: string;
  locale: WidgetLocale;
  launcher: WidgetLauncher;
  colorScheme: 'light' | 'dark' | 'system';
  demo: boolean;
}

export const defaultWidgetFlow = 'invite-not-received';

/**
 * Fills in defaults and tolerates what attributes bring (`de-AT`, `BUTTON`): a value the widget
 * does not know falls back to the default instead of failing.
 */
export function resolveWidgetOptions(options: WidgetOptions, hostLanguage?: string | null): ResolvedWidgetOptions {
  return {
    ...options,
    flow: options.flow?.trim() || defaultWidgetFlow,
    locale: toWidgetLocale(options.locale) ?? toWidgetLocale(hostLanguage) ?? 'en',
    launcher: String(options.launcher).toLowerCase() === 'button' ? 'button' : 'inline',
    colorScheme: options.colorScheme === 'dark' || options.colorScheme === 'system' ? options.colorScheme : 'light',
    demo: options.demo === true,
    ...(options.email?.trim() ? { email: options.email.trim() } : { email: undefined }),
  };
}

/** `de-AT` → `de`, `pt` → `pt-BR`; null for a language the widget does not speak. */
export function toWidgetLocale(value: unknown): WidgetLocale | null {
  return typeof value === 'string' ? toLocale(value) : null;
}
