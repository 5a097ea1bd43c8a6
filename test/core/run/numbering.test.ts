import { Numbering, runningPart } from '../../../src/core/run/numbering';
import type { JournalEntry } from '../../../src/core/data/records';

const row = (number: string): JournalEntry => ({ row: 2, time: null, action: '', key: 'k', event: '', partner: '', address: '', status: 'отправлено', document: '', message: '', number });

describe('registration numbers', () => {
  it('the running part counts only numbers of this prefix', () => {
    expect(runningPart('01-12/57', '01-12/')).toBe(57);
    expect(runningPart('01-13/57', '01-12/')).toBeNull();
    expect(runningPart('57', '')).toBe(57);
    expect(runningPart('01-12/57а', '01-12/')).toBeNull();
  });

  it('the next number is past both the counter and the highest number of the journal', () => {
    expect(new Numbering('01-12/', '57', null, []).peek(2)).toEqual(['01-12/57', '01-12/58']);
    // A run killed after its claims and before the counter write: the journal wins.
    expect(new Numbering('01-12/', '57', null, [row('01-12/57'), row('01-12/60')]).peek(1)).toEqual(['01-12/61']);
    // Staff moved the counter ahead (numbers given by hand): the counter wins.
    expect(new Numbering('01-12/', '100', null, [row('01-12/60')]).peek(1)).toEqual(['01-12/100']);
    // Another year's prefix does not count; an unreadable counter falls back on the journal.
    expect(new Numbering('01-13/', '1', null, [row('01-12/60')]).peek(1)).toEqual(['01-13/1']);
    expect(new Numbering('', 'abc', null, [row('7')]).peek(1)).toEqual(['8']);
  });

  it('takes in order, gives back an unwritten claim, and writes the counter past what was taken', () => {
    const n = new Numbering('', '5', { row: 9, col: 2 }, []);
    expect(n.take()).toBe('5');
    expect(n.take()).toBe('6');
    n.release('6');
    expect(n.peek(1)).toEqual(['6']);
    expect(n.counterWrite()).toEqual({ row: 9, col: 2, value: '6' });
    expect(new Numbering('', '5', null, []).counterWrite()).toBeNull();
  });
});
