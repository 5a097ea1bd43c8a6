/** «Отправить тест себе»: the first planned letter, to the user's own address, marked as a test; not journaled. */
import type { Runtime } from '../../ports';
import { docNameMsg, mailMsg, runMsg, templateMsg } from '../../messages/letters';
import { attachPdf } from '../data/settings';
import { inviteFolder, prepareInvitations, type InviteRequest } from './plan';

/** The outcome of «Отправить тест себе», for the dialog to show as done or as a problem. */
export interface TestSendResult {
  ok: boolean;
  message: string;
}

export function sendTestInvitation(rt: Runtime, request: InviteRequest, to?: string): TestSendResult {
  const failed = (message: string): TestSendResult => ({ ok: false, message });
  const ctx = prepareInvitations(rt, request);
  if ('error' in ctx) return failed(ctx.error);
  if (ctx.plan.templateProblems.length > 0) return failed([templateMsg.stopped, ...ctx.plan.templateProblems].join('\n'));
  const self = to ?? rt.mail.selfAddress();
  const item = ctx.plan.send[0];
  if (!self) return failed(runMsg.noSelfAddress);
  if (!item || !item.mail) return failed(runMsg.nobody);
  const doc = ctx.documents.fillTemplate('invitation', item.values, inviteFolder(ctx.event), docNameMsg.test(item.docName));
  const pdf = attachPdf(ctx.data.settings) ? doc.pdf() : null;
  const message = item.mail(pdf ? [pdf] : []);
  rt.mail.send({ ...message, to: [self], subject: mailMsg.testPrefix + message.subject });
  return { ok: true, message: runMsg.testSent(self) };
}
