/**
 * End-to-end tests of the CLI as a user runs it: a real child process (npx tsx), the shipped
 * fixtures, JSON lines in, JSON lines out. Checks the output format exactly, so scripts and the
 * rules/README.md example can rely on it.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));
const PACK = 'test/fixtures/packs/v1-minimal.json';
const PEOPLE = 'test/fixtures/rosters/sentinel-class.csv';

function cli(args: string[], input = '') {
  const env = { ...process.env };
  // The CLI resolves paths against INIT_CWD only when `npm run cli` started it; not the case here.
  delete env.npm_lifecycle_event;
  // `--no`: never download anything; tsx is a local dev dependency.
  const r = spawnSync('npx', ['--no', 'tsx', 'src/cli/main.ts', ...args], { cwd: root, input, encoding: 'utf8', env, timeout: 60_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('cli check', () => {
  it('writes exactly one JSON line per input line, in order, and carries on after a bad line', () => {
    const input = [
      JSON.stringify({ id: 'a', text: 'Lovely work by Zephyrine Quillfeather today' }),
      JSON.stringify({ id: 'b', text: 'Nothing to see here' }),
      '{"id": "c", "text": ',
      '',
      JSON.stringify({ id: 7, text: 'zephyrine quillfeather!' }),
    ].join('\n');
    const r = cli(['check', '--pack', PACK, '--people', PEOPLE], `${input}\n`);
    expect(r.code).toBe(0);
    const clause = 'Do not discuss pupils on social media.';
    expect(r.stdout.split('\n')).toEqual([
      `{"id":"a","findings":[{"rule":"pupil-name","start":15,"end":37,"severity":"high","clause":"${clause}"}]}`,
      '{"id":"b","findings":[]}',
      '{"id":null,"error":"line 3 is not valid JSON"}',
      `{"id":7,"findings":[{"rule":"pupil-name","start":0,"end":22,"severity":"high","clause":"${clause}"}]}`,
      '',
    ]);
  });

  it('reads a Windows-1252 and a UTF-16 class list exactly like the UTF-8 one', () => {
    const line = JSON.stringify({ id: 'w', text: 'Well done Siobhán O’Brien and Shiv O’Brien' }) + '\n';
    const outputs = ['roster-utf8.csv', 'roster-cp1252.csv', 'roster-utf16le.txt'].map((f) =>
      cli(['check', '--pack', PACK, '--people', fileURLToPath(new URL(`../../../shared/data/generated/${f}`, import.meta.url))], line),
    );
    for (const r of outputs) expect(r.code).toBe(0);
    expect(outputs[0]!.stdout).toContain('"start":10,"end":25');
    expect(outputs[0]!.stdout).toContain('"start":30,"end":42');
    expect(outputs[1]!.stdout).toBe(outputs[0]!.stdout);
    expect(outputs[2]!.stdout).toBe(outputs[0]!.stdout);
  });

  it('replays a line\'s surface and local time for the clock-driven rules', () => {
    const input = [
      JSON.stringify({ id: 'work', text: 'Lovely walk', now: '2026-11-23T10:15' }),
      JSON.stringify({ id: 'evening', text: 'Lovely walk', now: '2026-11-23T19:15' }),
      JSON.stringify({ id: 'holiday', text: 'Lovely walk', now: '2026-12-22T10:15' }),
      JSON.stringify({ id: 'wiki', text: 'Fixed a typo', now: '2026-11-23T10:15', surface: 'wiki-edit' }),
      JSON.stringify({ id: 'no-time', text: 'Lovely walk' }),
      JSON.stringify({ id: 'bad-time', text: 'x', now: '23/11/2026 10:15' }),
      JSON.stringify({ id: 'bad-surface', text: 'x', surface: 'timeline' }),
    ].join('\n');
    const r = cli(['check', '--pack', 'test/corpus/school.json', '--people', 'test/corpus/class.csv'], `${input}\n`);
    expect(r.code).toBe(0);
    const out = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    const rules = (o: { findings?: { rule: string; start: number; end: number }[] }) => o.findings?.map((f) => [f.rule, f.start, f.end]);
    expect(out.map(rules)).toEqual([
      [['working-hours', 0, 0]],
      [],
      [],
      [['wiki-edit', 0, 0]],
      [],
      undefined,
      undefined,
    ]);
    expect(out[5].error).toBe('line 6: "now" should be a local time such as "2026-11-23T10:15"');
    expect(out[6].error).toBe('line 7: "surface" should be one of: post, comment, message, profile, reference, wiki-edit, other');
  });

  it('reports a line without text against its id', () => {
    const r = cli(['check', '--pack', PACK, '--people', PEOPLE, '--site', 'x'], '{"id":"q"}\n[1]\n');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(
      '{"id":"q","error":"line 1: \\"text\\" should be a string"}\n' +
        '{"id":null,"error":"line 2 should be a JSON object like {\\"id\\": \\"1\\", \\"text\\": \\"...\\"}"}\n',
    );
  });

  it.each([
    [['check', '--pack', 'rules/schema.json', '--people', PEOPLE], 'format should be "second-look-pack"'],
    [['check', '--pack', PACK, '--people', 'test/fixtures/packs/v1-minimal.json'], 'v1-minimal.json: there are no forename and surname columns'],
    [['check', '--pack', 'no/such/pack.json', '--people', PEOPLE], 'cannot read the pack file'],
    [['check', '--pack', PACK, '--people', PEOPLE, '--site', 'myspace'], '--site "myspace" is not a known site'],
    [['check', '--pack', PACK], '--people <class-list file> is required'],
    [['lint'], 'unknown command "lint"'],
  ])('exits with code 2 and says why on stderr: %j', (args, message) => {
    const r = cli(args);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(message);
  });
}, 120_000);

describe('cli check-image', () => {
  const IMG = 'test/fixtures/images';
  const base = ['check-image', '--pack', `${IMG}/pack.json`, '--people', `${IMG}/class-list.csv`, '--logo', `${IMG}/source/logo.png`];

  it('writes one JSON line per file, in order, with the pack clause, and carries on after a missing file', () => {
    const r = cli([...base, '--stages', 'metadata,logo', `${IMG}/source/busy-with-logo.jpg`, 'no/such/photo.jpg', `${IMG}/source/photo.jpg`]);
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatchObject({
      file: `${IMG}/source/busy-with-logo.jpg`,
      findings: [
        {
          rule: 'logo',
          severity: 'warn',
          clause: "Do not publish the school's or the local authority's logos, brand or uniform on personal social media.",
          detail: 'The school logo appears in this image, at the bottom right (logo).',
        },
      ],
      hasLocation: false,
      skipped: [],
    });
    expect(Object.keys((lines[0]!.findings as Record<string, unknown>[])[0]!.box as object)).toEqual(['x', 'y', 'w', 'h']);
    expect(lines[1]).toEqual({ file: 'no/such/photo.jpg', error: 'cannot read the file: no such file' });
    // GPS in London: far from the fixture school in Birmingham, so no finding, but removable location data.
    expect(lines[2]).toEqual({ file: `${IMG}/source/photo.jpg`, findings: [], hasLocation: true, skipped: [] });
  });

  it('HEIC and AVIF: location and text in the picture; WebM: location tags, and the first frame honestly not checked', () => {
    const files = ['names-gps.heic', 'names-gps.avif', 'names-location.webm', 'names.webm'].map((f) => `${IMG}/source/${f}`);
    const r = cli([...base, '--stages', 'metadata,ocr', ...files]);
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    const atSchool = {
      rule: 'photo-location',
      severity: 'warn',
      clause: 'Do not post photos taken in school, or of the school or its grounds.',
      detail: 'Taken at Main site.',
    };
    const nameInPicture = { rule: 'image-text', severity: 'high', detail: "A pupil's name can be read in this image." };
    for (const [i, f] of files.slice(0, 2).entries()) {
      expect(lines[i]).toMatchObject({ file: f, findings: [atSchool, nameInPicture], hasLocation: true, skipped: [] });
    }
    const notChecked = 'This is a video: its pictures are not checked here, only its location data.';
    expect(lines[2]).toEqual({ file: files[2], findings: [atSchool], hasLocation: true, skipped: [{ stage: 'ocr', reason: notChecked }] });
    expect(lines[3]).toEqual({ file: files[3], findings: [], hasLocation: false, skipped: [{ stage: 'ocr', reason: notChecked }] });
  });

  it.each([
    [[...base], 'check-image needs at least one FILE'],
    [[...base, '--stages', 'metadata,colour', 'x.jpg'], '--stages: "colour" is not a stage'],
    [['check-image', '--pack', `${IMG}/pack.json`, '--people', `${IMG}/class-list.csv`, '--logo', 'no/logo.png', 'x.jpg'], 'cannot read the logo "'],
    [['check', '--pack', PACK, '--people', PEOPLE, '--official'], 'unknown option "--official"'],
  ])('exits with code 2 and says why: %j', (args, message) => {
    const r = cli(args);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
  });
}, 120_000);
