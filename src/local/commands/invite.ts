/** `partnerstvo invite <файл.xlsx> --event <ID>`: preview (--dry-run) or send the invitations. */
import { listEvents, previewInvitations, type InvitePreview } from '../../core/invite';
import { cliMsg, jobMsg, syntax } from '../../messages/cli';
import { startJob } from '../../core/jobs';
import { findEvent } from '../../core/data/find';
import { JOURNAL_STATUS } from '../../core/data/schema';
import { workbookData } from '../../core/data/snapshot';
import { journalKey } from '../../core/run/journal';
import { CliError, EXIT } from '../exit';
import { OFFLINE_LIMITS } from '../runtime';
import type { XlsxWorkbook } from '../xlsx-workbook';
import { finishJob, openJob, type JobOptions } from './jobs';
import type { CliIo, RegisterCommand } from './types';

interface InviteOptions extends JobOptions {
  event?: string;
  resend?: string;
}

export function printInvitePreview(preview: InvitePreview, io: CliIo): void {
  const p = jobMsg.preview;
  if (preview.event) io.out(p.event(preview.event.title, preview.event.date, preview.event.time, preview.event.place));
  for (const w of preview.warnings) io.out(w);
  io.out(p.counts(preview.counts.send, preview.counts.print, preview.counts.skipped));
  if (preview.quota !== null) io.out(p.quota(preview.quota));
  if (preview.byCategory.length > 0) {
    io.out(p.byCategory);
    for (const c of preview.byCategory) io.out(`  ${c.category}: ${c.send} / ${c.print} / ${c.skipped}`);
  }
  if (preview.recipients.length > 0) {
    io.out(p.recipients);
    for (const r of preview.recipients) io.out(`  ${r.id} ${r.organisation} <${r.emails}>`);
  }
  if (preview.print.length > 0) {
    io.out(p.print);
    for (const s of preview.print) io.out(`  ${s.id} ${s.organisation}: ${s.reason}`);
  }
  if (preview.skipped.length > 0) {
    io.out(p.skipped);
    for (const s of preview.skipped) io.out(`  ${s.id} ${s.organisation}: ${s.reason}`);
  }
  if (preview.templateProblems.length > 0) {
    io.out(p.template);
    for (const t of preview.templateProblems) io.out(`  ${t}`);
  }
  if (preview.sample) {
    io.out(p.sample);
    if (preview.sample.subject) io.out(`  ${preview.sample.subject}`);
    io.out(preview.sample.letter.replace(/^/gm, '  | '));
  }
}

/**
 * Invitations to the event journaled `отправлено` by a version-1 record: then an `.eml` saved
 * without SMTP was journaled so too, and the record cannot tell which it was. They are never resent
 * by themselves; this names them with the command that sends them on purpose.
 */
function printLegacySent(wb: XlsxWorkbook, file: string, eventId: string, io: CliIo): void {
  const data = workbookData(wb);
  const event = findEvent(data, eventId);
  const rows = wb.legacySentRows();
  if (!event || rows.size === 0) return;
  const latest = new Map(data.journal.map((e) => [e.key, e]));
  const ids = data.partners
    .filter((p) => {
      const entry = latest.get(journalKey('invite', event.id, p.id));
      return entry !== undefined && entry.status === JOURNAL_STATUS.sent && rows.has(entry.row);
    })
    .map((p) => p.id);
  if (ids.length > 0) io.out(`\n${jobMsg.invite.legacySent(ids, file, event.id)}`);
}

export const registerInvite: RegisterCommand = (program, ctx) => {
  program
    .command('invite')
    .description(jobMsg.invite.description)
    .usage(syntax.invite)
    .argument(syntax.file, cliMsg.fileArgument)
    .option('--event <ID>', jobMsg.invite.eventOption)
    .option(syntax.out, jobMsg.outOption)
    .option('--smtp <URL>', jobMsg.smtpOption)
    .option('--prepare', jobMsg.prepareOption)
    .option(syntax.from, jobMsg.fromOption)
    .option(syntax.template, jobMsg.templateOption)
    .option(syntax.envelope, jobMsg.envelopeOption)
    .option('--resend <ID,…>', jobMsg.invite.resendOption)
    .option('--dry-run', jobMsg.dryRunOption)
    .action(async (file: string, options: InviteOptions) => {
      const { wb, rt, outDir } = await openJob(file, options, ctx, 'invitation', !options.dryRun);
      if (!options.event) {
        const upcoming = listEvents(rt).filter((e) => e.upcoming).slice(0, 5);
        rt.done();
        throw new CliError(jobMsg.invite.noEvent(upcoming.map((e) => `  ${e.id}  ${e.title}, ${e.date}`)), EXIT.usage);
      }
      const request = { eventId: options.event, resend: (options.resend ?? '').split(/[,;\s]+/).filter(Boolean) };
      if (options.dryRun) {
        const preview = previewInvitations(rt, request);
        if (!preview.event) {
          rt.done();
          ctx.io.err(preview.error);
          ctx.setExit(EXIT.problems);
          return;
        }
        printInvitePreview(preview, ctx.io);
        printLegacySent(wb, file, request.eventId, ctx.io);
        ctx.io.out(jobMsg.preview.nothingSent);
        rt.done();
        ctx.setExit(preview.ok ? EXIT.ok : EXIT.problems);
        return;
      }
      const report = startJob(rt, { job: 'invite', ...request, resend: request.resend }, OFFLINE_LIMITS);
      finishJob(report, wb, rt, outDir, ctx);
      printLegacySent(wb, file, request.eventId, ctx.io);
    });
};
