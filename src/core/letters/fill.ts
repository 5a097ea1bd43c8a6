/**
 * Template placeholders: literal filling (a value is never interpreted: `$1`, `{{x}}`, `<b>` stay
 * text) and the check that runs before anything is sent.
 */
import { templateMsg } from '../../messages/letters';

const TOKEN = /\{\{\s*([^{}]*?)\s*\}\}/g;

/** Replaces every `{{name}}` by `values[name]` in one pass; values are never re-scanned. */
export function fillText(text: string, values: Record<string, string>): string {
  return text.replace(TOKEN, (whole, name: string) => (Object.prototype.hasOwnProperty.call(values, name) ? values[name] : whole));
}

export interface TemplateProblem {
  placeholder: string;
  message: string;
}

/**
 * Unknown placeholders, and placeholders that would come out empty for some letters
 * (`who` names those letters, e.g. partner names), listed before anything is sent.
 */
export function checkTemplate(
  used: string[],
  known: readonly string[],
  letters: { who: string; values: Record<string, string> }[],
): TemplateProblem[] {
  const problems: TemplateProblem[] = [];
  for (const name of used) {
    if (!known.includes(name)) {
      problems.push({ placeholder: name, message: templateMsg.unknown(name, known) });
      continue;
    }
    const empty = letters.filter((l) => (l.values[name] ?? '').trim() === '').map((l) => l.who);
    if (empty.length > 0) problems.push({ placeholder: name, message: templateMsg.empty(name, empty) });
  }
  return problems;
}
