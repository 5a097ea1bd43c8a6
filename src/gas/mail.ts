/**
 * The mail port over MailApp (the send-only `script.send_mail` scope, not Gmail): one `sendEmail`
 * per letter with the plain and HTML bodies and the PDF blobs made by the Docs adapter.
 */
import type { MailMessage, MailPort } from '../ports';
import { isGasAttachment } from './documents';

export class MailAppMailer implements MailPort {
  remainingQuota(): number | null {
    return MailApp.getRemainingDailyQuota();
  }

  send(message: MailMessage): void {
    const options: GoogleAppsScript.Mail.MailAdvancedParameters = {
      to: message.to.join(','),
      subject: message.subject,
      body: message.text,
      htmlBody: message.html,
      // A note to the user has no sender name: MailApp then shows the account's own.
      ...(message.senderName.trim() !== '' ? { name: message.senderName } : {}),
      attachments: message.attachments.map((a) => {
        // Only this runtime's document maker makes attachments; anything else is a wiring bug.
        if (!isGasAttachment(a)) throw new Error(`Attachment ${a.fileName} was not made by the Google Docs adapter`);
        return a.blob;
      }),
    };
    if (message.replyTo.trim() !== '') options.replyTo = message.replyTo;
    MailApp.sendEmail(options);
  }

  /** The user's address; in triggers and some domains only the effective user's is visible. */
  selfAddress(): string | null {
    for (const user of [() => Session.getActiveUser(), () => Session.getEffectiveUser()]) {
      try {
        const email = user().getEmail();
        if (email) return email;
      } catch {
        // Not visible in this context: try the next one.
      }
    }
    return null;
  }
}
