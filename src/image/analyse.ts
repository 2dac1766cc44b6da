/**
 * The image checks: one entry point, `analyseImage`, that runs the stages in order of cost
 * (metadata → logo → OCR → faces) over one attached image, and `stripMetadata` for "remove
 * location data". Pure: no browser API; decoding, OCR and face detection come in through
 * `ImageEngines` (src/image/node-engines.ts for the CLI and tests, the offscreen document's own
 * loader in the extension). Trusted side only: the report goes to the page as `ImageVerdict`.
 *
 * Official accounts (ctx.officialAccount): the school's posting protocol applies instead of the
 * personal-account rules (policies 003 "Staff Protocol", 004, 001 Appendix A): a photo at school or
 * with the school's logo is expected there, so photo-location and logo do not run; names next to
 * or inside the photo and pupils without photo consent are reported as `official-account`.
 */
import { activeRule, type ActiveRule } from '../engine/compile';
import { evaluate } from '../engine/evaluate';
import type { Finding } from '../engine/types';
import { describeDistance, distanceDetail, nearestSchoolLocation } from './geo';
import { findLogo, type LogoMatch } from './logo';
import { sniffKind } from './containers';
import { readLocation } from './metadata';
import { officialAccountFindings } from './official';
import { fitRgba, toGray } from './raster';
import { ocrTextFindings } from './text';
import { placeOf, type AnalyseOptions, type ImageCheckContext, type ImageEngines, type ImageFinding, type ImagePlace, type ImageReport, type ImageStage, type RgbaImage } from './types';

export { stripMetadata } from './metadata';

export const ALL_STAGES: readonly ImageStage[] = ['metadata', 'logo', 'ocr', 'faces'];

/** Largest side OCR works at: 12 MP photos are shrunk (text a person can read survives this). */
export const OCR_MAX_SIDE = 2400;
/** Largest side face detection works at (the detector itself works at 416–608 px). */
export const FACES_MAX_SIDE = 1280;
/** Faces below this score are not counted. */
export const FACE_MIN_SCORE = 0.5;

function finding(rule: ImageFinding['rule'], active: ActiveRule, detail: string, extra?: Partial<ImageFinding>): ImageFinding {
  return { rule, severity: active.severity, title: active.title, clause: active.clause, detail, ...extra };
}

/** The CLI's English for where a logo was found (the warning has its own, translated). */
const WHERE_EN: Record<ImagePlace, string> = {
  topLeft: 'at the top left',
  top: 'at the top',
  topRight: 'at the top right',
  left: 'on the left',
  middle: 'in the middle',
  right: 'on the right',
  bottomLeft: 'at the bottom left',
  bottom: 'at the bottom',
  bottomRight: 'at the bottom right',
};

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

const NOT_IMAGE = new Set(['mp4', 'mov', 'webm']);

/** Why a pixel stage is missing from a report when its engine failed on this file. */
const STAGE_FAILED: Record<ImageStage, string> = {
  metadata: 'The location data could not be read.',
  logo: 'The logo check failed on this file.',
  ocr: 'Text in this image could not be read.',
  faces: 'People in this image could not be looked for.',
};

/**
 * Runs the requested stages (all by default) and reports findings in stage order. A stage that
 * cannot run (no engine, a file kind the decoder cannot read, a failure) is listed in `skipped`
 * with a plain reason; the other stages still run. Throws only when `opts.signal` aborts.
 */
export async function analyseImage(
  bytes: Uint8Array,
  mime: string,
  ctx: ImageCheckContext,
  opts: AnalyseOptions = {},
): Promise<ImageReport> {
  const stages = new Set(opts.stages ?? ALL_STAGES);
  const engines = opts.engines;
  const signal = opts.signal;
  const report: ImageReport = { findings: [], hasLocation: false, timings: {}, skipped: [] };
  const site = ctx.site;
  const official = ctx.officialAccount ? activeRule(ctx.compiled, 'official-account', site) : null;
  const timed = async <T>(stage: ImageStage, run: () => Promise<T>): Promise<T> => {
    signal?.throwIfAborted();
    const t0 = performance.now();
    try {
      return await run();
    } finally {
      report.timings[stage] = (report.timings[stage] ?? 0) + performance.now() - t0;
    }
  };
  /** One pixel stage: a failure of its engine costs only that stage (listed in `skipped`). */
  const guarded = async (stage: ImageStage, run: () => Promise<void>): Promise<void> => {
    try {
      await run();
    } catch (e) {
      if (signal?.aborted) throw e;
      report.skipped.push({ stage, reason: STAGE_FAILED[stage] });
    }
  };

  // 1. Metadata: GPS / ISO 6709 location against the school's sites.
  const kind = sniffKind(bytes);
  if (stages.has('metadata')) {
    const reading = await timed('metadata', () => readLocation(bytes));
    report.hasLocation = reading.hasLocation;
    if (reading.problem) report.skipped.push({ stage: 'metadata', reason: reading.problem });
    const active = activeRule(ctx.compiled, 'photo-location', site);
    if (active && !ctx.officialAccount && reading.position && ctx.locations.length > 0) {
      const near = nearestSchoolLocation(reading.position, ctx.locations);
      if (near) report.findings.push(finding('photo-location', active, describeDistance(near), { say: distanceDetail(near) }));
    }
  }

  // Official account: the caption is checked whatever the image holds.
  const captionFindings: Finding[] = official && ctx.caption ? evaluate(ctx.compiled, { text: ctx.caption, site }) : [];

  // 2–4 need pixels.
  const pixelStages = (['logo', 'ocr', 'faces'] as const).filter((s) => stages.has(s));
  let img: RgbaImage | null = null;
  if (pixelStages.length > 0) {
    const skipAll = (reason: string) => {
      for (const s of pixelStages) report.skipped.push({ stage: s, reason });
    };
    if (!engines) skipAll('No image reader is available here.');
    // The extension checks a video's first frame as a picture (src/offscreen/checker.ts); here, given
    // the video itself, there is no frame to look at.
    else if (NOT_IMAGE.has(kind)) skipAll('This is a video: its pictures are not checked here, only its location data.');
    else {
      try {
        signal?.throwIfAborted();
        img = await engines.decode(bytes, mime);
      } catch (e) {
        if (signal?.aborted) throw e;
        skipAll(`This kind of file cannot be read${mime ? ` (${mime})` : ''}.`);
      }
    }
  }

  let ocrFindings: Finding[] = [];
  let ocrText = '';
  let faceCount: number | null = null;
  if (img) {
    const image0 = img;
    if (stages.has('logo')) {
      const active = activeRule(ctx.compiled, 'logo', site);
      if (active && !ctx.officialAccount && ctx.logos.length > 0) {
        await guarded('logo', async () => {
          const match: LogoMatch | null = await timed('logo', async () => findLogo(toGray(image0), ctx.logos, engines as ImageEngines));
          if (match) {
            const how = match.method === 'whole' ? 'This image is the school logo' : 'The school logo appears in this image';
            const where = placeOf(match.box);
            const say = match.method === 'whole' ? { key: 'image.detail.logoWhole' as const, params: { logo: match.logo } } : { key: 'image.detail.logoIn' as const, params: { logo: match.logo, where } };
            const at = match.method === 'whole' ? '' : `, ${WHERE_EN[where]}`;
            report.findings.push(finding('logo', active, `${how}${at} (${match.logo}).`, { box: match.box, say }));
          }
        });
      }
    }

    if (stages.has('ocr')) {
      const textRule = activeRule(ctx.compiled, 'image-text', site);
      if (!engines?.ocr) report.skipped.push({ stage: 'ocr', reason: 'Text in images cannot be read here.' });
      else if (textRule || official) {
        const ocr = engines.ocr.bind(engines);
        await guarded('ocr', async () => {
          const image = fitRgba(image0, OCR_MAX_SIDE).img;
          const result = await timed('ocr', () => ocr(image, signal));
          const found = ocrTextFindings(ctx.compiled, site, result, image.width, image.height);
          ocrFindings = found.textFindings;
          ocrText = found.ocrText;
          if (textRule && !official) {
            for (const f of found.images) report.findings.push(finding('image-text', textRule, f.detail, { box: f.box, textFindings: f.textFindings, say: f.say }));
          }
        });
      }
    }

    if (stages.has('faces')) {
      const peopleRule = activeRule(ctx.compiled, 'photo-people', site);
      if (!engines?.faces) report.skipped.push({ stage: 'faces', reason: 'Faces cannot be looked for here.' });
      else if (peopleRule || official) {
        const faces = engines.faces.bind(engines);
        await guarded('faces', async () => {
          const image = fitRgba(image0, FACES_MAX_SIDE).img;
          const boxes = (await timed('faces', () => faces(image, signal))).filter((f) => f.score >= FACE_MIN_SCORE);
          if (boxes.length > 0 && peopleRule && !official) {
            report.findings.push(
              finding('photo-people', peopleRule, `This photo shows ${plural(boxes.length, 'person', 'people')}; the policy forbids photos of pupils.`, {
                say: boxes.length === 1 ? { key: 'image.detail.people.one' } : { key: 'image.detail.people.many', params: { count: boxes.length } },
              }),
            );
          }
          faceCount = boxes.length;
        });
      }
    }
  }
  if (official) {
    report.findings.push(...officialAccountFindings(ctx.compiled, official, {
        caption: ctx.caption ?? '',
        captionFindings,
        ocrText,
        ocrFindings,
        faces: faceCount,
      }));
  }
  return report;
}
