/**
 * `partnerstvo deploy` against the local Google fake: what it sends (the upload with conversion,
 * the bound script, every dist/ file), and every failure as a Russian sentence, exit 2, with what
 * was already made and the command that finishes the job.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseMultipart, SHEET, XLSX } from '../google/fake-google';
import { useGoogleHarness } from '../google/harness';

const ROOT = join(__dirname, '..', '..', '..');
const SAMPLE = join(ROOT, 'examples', 'rovesnik.xlsx');
const h = useGoogleHarness();

describe('deploy', () => {
  it('uploads the sample as a Google Sheet, creates the script bound to it and pushes every dist/ file', async () => {
    h.claspLogin();
    const r = await h.run('deploy');
    expect(r.err).toBe('');
    expect(r.code).toBe(0);

    const [upload] = h.fake.calls('upload');
    expect(upload.query.get('uploadType')).toBe('multipart');
    expect(String(upload.headers['content-type'])).toMatch(/^multipart\/related; boundary=/);
    const parts = parseMultipart(String(upload.headers['content-type']), upload.body);
    expect(parts).toHaveLength(2);
    expect(JSON.parse(parts[0].body.toString('utf8'))).toEqual({ name: 'rovesnik', mimeType: SHEET });
    expect(parts[1].headers['content-type']).toBe(XLSX);
    expect(parts[1].body.equals(readFileSync(SAMPLE))).toBe(true);
    const sheetId = [...h.fake.files.keys()][0];

    const [create] = h.fake.calls('create');
    expect(JSON.parse(create.body.toString('utf8'))).toEqual({ title: 'Партнёрство', parentId: sheetId });
    const scriptId = [...h.fake.scripts.keys()][0];

    const [push] = h.fake.calls('updateContent');
    expect(push.path).toBe(`/v1/projects/${scriptId}/content`);
    const sent = (JSON.parse(push.body.toString('utf8')) as { files: { name: string; type: string; source: string }[] }).files;
    const dist = join(ROOT, 'dist');
    const expected = readdirSync(dist)
      .filter((f) => /\.(js|html|json)$/.test(f))
      .sort()
      .map((f) => ({
        name: f === 'appsscript.json' ? 'appsscript' : f.replace(/\.(js|html)$/, ''),
        type: f.endsWith('.js') ? 'SERVER_JS' : f.endsWith('.html') ? 'HTML' : 'JSON',
        source: readFileSync(join(dist, f), 'utf8'),
      }));
    expect(expected.map((f) => f.type)).toEqual(expect.arrayContaining(['SERVER_JS', 'HTML', 'JSON']));
    expect(sent).toEqual(expected);
    expect(JSON.parse(sent.find((f) => f.name === 'appsscript')!.source)).toEqual(JSON.parse(readFileSync(join(ROOT, 'appsscript.json'), 'utf8')));

    expect(r.out).toContain(`https://docs.google.com/spreadsheets/d/${sheetId}/edit`);
    expect(r.out).toContain('меню Партнёрство → Настроить таблицу');
    expect(r.out).toContain(`npx partnerstvo deploy --script ${scriptId}`);
  });
});
