/** What the settings of «Настройки» mean for the jobs, beyond their text. */
import type { DocumentSettings } from '../../ports';
import type { Settings } from './records';
import { NO_WORDS, YES_WORDS } from './schema';

/** Whether letters are emailed with their PDF: anything but an explicit «нет» means yes. */
export function attachPdf(settings: Settings): boolean {
  return !(NO_WORDS as readonly string[]).includes(settings.attachPdf.trim().toLowerCase());
}

/** The folder and template IDs the document maker needs. */
export function documentSettings(settings: Settings): DocumentSettings {
  return {
    folder: settings.folder.trim(),
    templates: { invitation: settings.invitationTemplate.trim(), thanks: settings.thanksTemplate.trim(), envelope: settings.envelopeTemplate.trim() },
  };
}

/** Whether the annual report starts with the «УТВЕРЖДАЮ» block: only an explicit «да». */
export function reportApproval(settings: Settings): boolean {
  return (YES_WORDS as readonly string[]).includes(settings.reportApproval.trim().toLowerCase());
}
