import { DocsDocuments } from '../../src/gas/documents';
import { MailAppMailer } from '../../src/gas/mail';
import type { MailMessage } from '../../src/ports';
import { type GasFakes, installGasFakes } from './fakes';

let gas: GasFakes;
afterEach(() => gas?.uninstall());

const message = (extra: Partial<MailMessage> = {}): MailMessage => ({
  to: ['a@example.org', 'b@example.org'],
  subject: 'Приглашение: «$1 {{x}} <b>» 🎉',
  text: 'Текст $& =1+1',
  html: '<p>Текст &lt;b&gt;</p>',
  senderName: 'ДЮЦ «Ровесник»',
  replyTo: '',
  attachments: [],
  ...extra,
});

describe('MailAppMailer', () => {
  it('sends one email with both bodies, sender name, and no replyTo when it is blank', () => {
    gas = installGasFakes(globalThis, { mailQuota: 10 });
    const mailer = new MailAppMailer();
    expect(mailer.remainingQuota()).toBe(10);
    mailer.send(message());
    expect(gas.env.count('MailApp.sendEmail')).toBe(1);
    const sent = gas.mail.sent[0];
    expect(sent).toMatchObject({ to: 'a@example.org,b@example.org', subject: 'Приглашение: «$1 {{x}} <b>» 🎉', body: 'Текст $& =1+1', htmlBody: '<p>Текст &lt;b&gt;</p>', name: 'ДЮЦ «Ровесник»', replyTo: '' });
    expect(mailer.remainingQuota()).toBe(8);
    mailer.send(message({ to: ['c@example.org'], replyTo: 'rovesnik@example.org' }));
    expect(gas.mail.sent[1]?.replyTo).toBe('rovesnik@example.org');
  });

  it('attaches the PDF blob made by the Docs adapter', () => {
    gas = installGasFakes(globalThis, {});
    const root = gas.drive.addFolder('Документы');
    const template = gas.drive.addDocument('Шаблон', ['{{Обращение}}'], root.id);
    const docs = new DocsDocuments({ folder: root.id, templates: { invitation: template.id, thanks: '' } });
    const pdf = docs.fillTemplate('invitation', { Обращение: 'Уважаемая Анна Сергеевна!' }, '', 'Приглашение — Семья').pdf();
    new MailAppMailer().send(message({ attachments: pdf ? [pdf] : [] }));
    expect(gas.mail.sent[0]?.attachments).toEqual([expect.objectContaining({ name: 'Приглашение — Семья.pdf', contentType: 'application/pdf', text: 'Уважаемая Анна Сергеевна!' })]);
  });

  it('refuses an attachment it cannot send instead of dropping it', () => {
    gas = installGasFakes(globalThis, {});
    expect(() => new MailAppMailer().send(message({ attachments: [{ fileName: 'x.pdf', mimeType: 'application/pdf' }] }))).toThrow(/x\.pdf/);
    expect(gas.mail.sent).toHaveLength(0);
  });

  it('selfAddress: the active user, else the effective user, else null', () => {
    gas = installGasFakes(globalThis, { userEmail: 'me@example.org' });
    expect(new MailAppMailer().selfAddress()).toBe('me@example.org');
    gas.session.activeUserEmail = '';
    gas.session.effectiveUserEmail = 'owner@example.org';
    expect(new MailAppMailer().selfAddress()).toBe('owner@example.org');
    gas.session.effectiveUserEmail = '';
    expect(new MailAppMailer().selfAddress()).toBeNull();
  });
});
