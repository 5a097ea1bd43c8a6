/**
 * `partnerstvo repair <файл.xlsx> [--event <ID>] [--year <год>]`: the way out of a damaged journal
 * that never loses a record of a sent letter. The damaged file is kept whole beside the workbook;
 * every line that reads is kept in the new journal as it was; and every letter the lost part may
 * have been about — of every event and year the journal or the damaged bytes name, and those given
 * on the command line — that the journal does not show as sent or made becomes «требует проверки»:
 * the program will not send it by itself, and the next run lists it.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { findEvent } from '../../core/data/find';
import type { WorkbookData } from '../../core/data/records';
import { workbookData } from '../../core/data/snapshot';
import { markUnknown, openJournal, parseJournalKey, type LetterKey } from '../../core/run/journal';
import { cliMsg, repairMsg, syntax } from '../../messages/cli';
import { runMsg } from '../../messages/letters';
import { NodeClock, timeSource } from '../clock';
import { CliError, EXIT } from '../exit';
import { sidecarPathFor } from '../overlay';
import { FileLock, lockPathFor } from '../runtime';
import { inflightPathFor, scanSidecar } from '../sidecar';
import { XlsxWorkbook } from '../xlsx-workbook';
import type { RegisterCommand } from './types';

const KEY_IN_TEXT = /(invite|thanks)\|([^|"\\\n]+)\|([^|"\\\n]+)/g;

/** `(action, scope)` pairs named by keys in text that may be damaged. */
function scopesInText(text: string): string[] {
  const found: string[] = [];
  for (const m of text.matchAll(KEY_IN_TEXT)) found.push(`${m[1]}|${m[2]}`);
  return found;
}

/** Every letter of a scope: an event's invited partners, a period's partners with contributions. */
function lettersOf(data: WorkbookData, scope: string): LetterKey[] {
  const [action, id] = scope.split('|') as ['invite' | 'thanks', string];
  if (action === 'invite') {
    const event = findEvent(data, id);
    return data.partners
      .filter((p) => p.invite && (!event?.inviteCategories || event.inviteCategories.includes(p.category)))
      .map((p) => ({ action, scope: event?.id ?? id, partnerId: p.id }));
  }
  const withContributions = new Set(data.contributions.map((c) => c.partnerId));
  return data.partners.filter((p) => withContributions.has(p.id)).map((p) => ({ action, scope: id, partnerId: p.id }));
}

const pad = (n: number) => String(n).padStart(2, '0');

export const registerRepair: RegisterCommand = (program, { io, setExit }) => {
  program
    .command('repair')
    .description(repairMsg.description)
    .usage(syntax.repair)
    .argument(syntax.file, cliMsg.fileArgument)
    .option('--event <ID>', repairMsg.eventOption, (v: string, all: string[]) => [...all, v], [] as string[])
    .option(syntax.year, repairMsg.yearOption, (v: string, all: string[]) => [...all, v], [] as string[])
    .action(async (file: string, options: { event: string[]; year: string[] }) => {
      const sidecarPath = sidecarPathFor(file);
      if (!fs.existsSync(file)) throw new CliError(cliMsg.file.missing(file), EXIT.usage);
      const lock = new FileLock(lockPathFor(file));
      if (!lock.tryLock()) throw new CliError(runMsg.locked, EXIT.problems);
      try {
        let bytes: Buffer;
        try {
          bytes = fs.readFileSync(sidecarPath);
        } catch {
          io.out(repairMsg.noJournal(path.basename(sidecarPath)));
          setExit(EXIT.ok);
          return;
        }
        const scan = scanSidecar(bytes);
        const damaged = scan.lines.filter((l) => l.damage !== null);
        if (bytes.length > 0 && damaged.length === 0) {
          io.out(repairMsg.intact(sidecarPath));
          setExit(EXIT.ok);
          return;
        }
        const scopes = new Set<string>(damaged.flatMap((l) => scopesInText(l.bytes.toString('utf8'))));
        for (const id of options.event) scopes.add(`invite|${id}`);
        for (const year of options.year) scopes.add(`thanks|${year}`);
        // Keys of the lines that still read, before anything is changed: their scopes count too.
        for (const l of scan.lines) if (l.record) for (const s of scopesInText(l.bytes.toString('utf8'))) scopes.add(s);
        if (scopes.size === 0) throw new CliError(repairMsg.noScopes(file), EXIT.problems);

        const now = new NodeClock('Europe/Moscow', timeSource(process.env)).today();
        const stamp = `${now.year}${pad(now.month)}${pad(now.day)}-${pad(now.hour)}${pad(now.minute)}${pad(now.second)}`;
        const kept = `${sidecarPath}.${repairMsg.damagedSuffix}-${stamp}`;
        fs.renameSync(sidecarPath, kept);
        fs.rmSync(inflightPathFor(sidecarPath), { force: true });
        const good = scan.lines.filter((l) => l.record !== null).map((l) => l.bytes);
        if (good.length > 0) {
          const temp = `${sidecarPath}.new`;
          fs.writeFileSync(temp, Buffer.concat(good.flatMap((b) => [b, Buffer.from('\n')])), { flag: 'w' });
          const fd = fs.openSync(temp, 'r');
          fs.fsyncSync(fd);
          fs.closeSync(fd);
          fs.renameSync(temp, sidecarPath);
        }

        const wb = await XlsxWorkbook.open(file);
        const data = workbookData(wb);
        const clock = new NodeClock(data.settings.timeZone.trim() || 'Europe/Moscow', timeSource(process.env));
        const journal = openJournal({ workbook: wb, clock }, data);
        if (!journal) throw new CliError(runMsg.noJournal, EXIT.problems);
        for (const entry of data.journal) {
          const key = parseJournalKey(entry.key);
          if (key) scopes.add(`${key.action}|${key.scope}`);
        }
        let marked = 0;
        for (const scope of scopes) marked += markUnknown(journal, lettersOf(data, scope), repairMsg.note);
        wb.close();
        io.out(repairMsg.done(kept, good.length, damaged.length, marked));
        io.out(repairMsg.next(file));
        setExit(EXIT.ok);
      } finally {
        lock.release();
      }
    });
};
