import { sheetIdFrom } from '../../../src/local/google/sheet-id';

const ID = '1BxiMVs0XRA5nFMdKvBdBZjgmUUqptlbs74OgvE2upms';

describe('sheetIdFrom', () => {
  it.each([
    [ID],
    [`  ${ID}  `],
    [`https://docs.google.com/spreadsheets/d/${ID}/edit#gid=0`],
    [`https://docs.google.com/spreadsheets/d/${ID}/edit?usp=sharing`],
    [`https://docs.google.com/spreadsheets/u/1/d/${ID}/edit`],
    [`https://docs.google.com/spreadsheets/d/${ID}`],
    [`https://drive.google.com/open?id=${ID}`],
    [`https://drive.google.com/file/d/${ID}/view`],
  ])('finds the ID in %s', (input) => {
    expect(sheetIdFrom(input)).toBe(ID);
  });

  it.each([['short'], [''], ['https://docs.google.com/spreadsheets/'], [`https://example.com/spreadsheets/d/${ID}/edit`], [`ftp://docs.google.com/spreadsheets/d/${ID}`], ['not a link at all'], [`${ID}/edit`]])(
    'refuses %p',
    (input) => {
      expect(sheetIdFrom(input)).toBeNull();
    },
  );
});
