/**
 * The offscreen document's message handler: checks what the background sent (shape, size), builds
 * the check context (the compiled rule set from the pack the background passed plus the hashed
 * class lists and logos it reads from the extension's own IndexedDB), runs `analyseImage`, and
 * answers with an `ImageVerdict` only. Trusted side (extension origin). Browser-free: the
 * entrypoint passes the engines, the stores and the analyser, so this runs under Vitest.
 *
 * Videos: the location check runs on the file's own metadata, and the picture checks (logo, text,
 * people) on its first frame, which the entrypoint grabs with a <video> element and a canvas.
 */
import * as v from 'valibot';
import { compileRuleSet, type CompiledRuleSet } from '../engine/compile';
import type { NameIndex } from '../engine/name-index';
import type { SiteId } from '../engine/types';
import { OffscreenMessage, VIDEO_MIMES, type ImageVerdict, type OffscreenMessage as Msg } from '../messaging/protocol';
import { parsePack } from '../pack/parse';
import { base64ToBytes, bytesToBase64 } from '../storage/logos';
import type { AnalyseOptions, ImageCheckContext, ImageDetail, ImageEngines, ImageReport, LogoInput, ImageStage } from '../image/types';

export interface CheckerDeps {
  analyse(bytes: Uint8Array, mime: string, ctx: ImageCheckContext, opts?: AnalyseOptions): Promise<ImageReport>;
  strip(bytes: Uint8Array, mime: string): Promise<{ bytes: Uint8Array; mime: string }>;
  engines: ImageEngines;
  nameIndex(): Promise<NameIndex>;
  logos(): Promise<LogoInput[]>;
  /** The first frame of a video as PNG bytes. */
  firstFrame(bytes: Uint8Array, mime: string): Promise<Uint8Array>;
}

export type OffscreenAnswer =
  | { ok: true; verdict: ImageVerdict }
  | { ok: true; mime: string; data: string }
  | { ok: false; error: 'invalid' | 'failed' };

const PICTURE_STAGES: readonly ImageStage[] = ['logo', 'ocr', 'faces'];
const LIMITS = { detail: 500, title: 200, clause: 2000, reason: 300 };

export function isOffscreenMessage(raw: unknown): boolean {
  return typeof raw === 'object' && raw !== null && (raw as { target?: unknown }).target === 'second-look-offscreen';
}

/**
 * Only our own service worker may ask the offscreen document for work: our extension id, no tab
 * (not a content script), and the worker's own URL (not the options page, whose admin messages
 * reach every extension page too, and not another extension).
 */
export function isFromOurWorker(sender: { id?: string; url?: string; tab?: unknown }, extensionId: string, workerUrl: string): boolean {
  return sender.id === extensionId && !sender.tab && sender.url === workerUrl;
}

export class OffscreenChecker {
  private compiled: { generation: string; value: Promise<CompiledRuleSet> } | null = null;

  constructor(private readonly deps: CheckerDeps) {}

  async handle(raw: unknown): Promise<OffscreenAnswer> {
    const parsed = v.safeParse(OffscreenMessage, raw);
    if (!parsed.success) return { ok: false, error: 'invalid' };
    const msg = parsed.output;
    try {
      const bytes = base64ToBytes(msg.data);
      if (msg.type === 'strip') {
        const clean = await this.deps.strip(bytes, msg.mime);
        return { ok: true, mime: clean.mime, data: bytesToBase64(clean.bytes) };
      }
      return { ok: true, verdict: await this.analyse(msg, bytes) };
    } catch {
      return { ok: false, error: 'failed' };
    }
  }

  private ruleSet(generation: string, packJson: unknown): Promise<CompiledRuleSet> {
    if (this.compiled?.generation === generation) return this.compiled.value;
    const value = (async () => {
      // The background is trusted, but the pack is re-parsed strictly anyway: one parser for every
      // pack that reaches a matcher.
      const pack = parsePack(packJson);
      if (!pack.ok) throw new Error('invalid pack');
      return compileRuleSet(pack.pack, await this.deps.nameIndex());
    })();
    this.compiled = { generation, value };
    value.catch(() => {
      if (this.compiled?.value === value) this.compiled = null;
    });
    return value;
  }

  private async analyse(msg: Extract<Msg, { type: 'analyse' }>, bytes: Uint8Array): Promise<ImageVerdict> {
    const [compiled, logos] = await Promise.all([this.ruleSet(msg.generation, msg.pack), this.deps.logos()]);
    const pack = parsePack(msg.pack);
    const ctx: ImageCheckContext = {
      compiled,
      locations: pack.ok ? (pack.pack.school.locations ?? []) : [],
      logos,
      site: msg.site as SiteId,
      officialAccount: msg.officialAccount,
      ...(msg.caption !== undefined ? { caption: msg.caption } : {}),
    };
    if (!(VIDEO_MIMES as readonly string[]).includes(msg.mime)) return toVerdict([await this.robust(bytes, msg.mime, ctx, ['metadata', ...PICTURE_STAGES])]);
    // A video: its own metadata for the location, its first frame for the picture checks.
    const reports: ImageReport[] = [];
    try {
      reports.push(await this.deps.analyse(bytes, msg.mime, ctx, { stages: ['metadata'], engines: this.deps.engines }));
    } catch {
      reports.push({ findings: [], hasLocation: false, timings: {}, skipped: [{ stage: 'metadata', reason: 'The location in this video could not be read.' }] });
    }
    try {
      const frame = await this.deps.firstFrame(bytes, msg.mime);
      reports.push(await this.robust(frame, 'image/png', ctx, PICTURE_STAGES));
    } catch {
      reports.push({
        findings: [],
        hasLocation: false,
        timings: {},
        skipped: PICTURE_STAGES.map((stage) => ({ stage, reason: 'The first frame of this video could not be read.' })),
      });
    }
    return toVerdict(reports);
  }

  /**
   * All stages. analyseImage already confines an engine's failure to its own stage; should anything
   * else throw (a bug, a worker that died mid-decode), the cheap stages run again on their own, with
   * the others listed as not checked, so nothing costs the user the location check.
   */
  private async robust(bytes: Uint8Array, mime: string, ctx: ImageCheckContext, stages: readonly ImageStage[]): Promise<ImageReport> {
    try {
      return await this.deps.analyse(bytes, mime, ctx, { stages, engines: this.deps.engines });
    } catch {
      const cheap: ImageStage[] = stages.filter((s) => s === 'metadata' || s === 'logo');
      const report: ImageReport = cheap.length
        ? await this.deps.analyse(bytes, mime, ctx, { stages: cheap, engines: this.deps.engines })
        : { findings: [], hasLocation: false, timings: {}, skipped: [] };
      for (const stage of stages) if (!cheap.includes(stage)) report.skipped.push({ stage, reason: 'This check could not run this time.' });
      return report;
    }
  }
}

/** A finding's catalogue key and its parameters, cut to the message's limits. */
function sayOut(say: ImageDetail, cut: (s: string, n: number) => string): ImageDetail {
  const p = say.params;
  if (!p) return { key: say.key };
  const params: NonNullable<ImageDetail['params']> = {};
  if (p.place !== undefined) params.place = cut(p.place, 120);
  if (p.distance !== undefined) params.distance = cut(p.distance, 20);
  if (p.logo !== undefined) params.logo = cut(p.logo, 120);
  if (p.where !== undefined) params.where = p.where;
  if (p.count !== undefined) params.count = p.count;
  if (p.title !== undefined) params.title = cut(p.title, LIMITS.title);
  return { key: say.key, params };
}

/** Only the public fields cross back; OCR'd text spans and boxes stay here. */
export function toVerdict(reports: readonly ImageReport[]): ImageVerdict {
  const cut = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);
  return {
    findings: reports
      .flatMap((r) => r.findings)
      .slice(0, 50)
      .map((f) => ({
        rule: f.rule,
        severity: f.severity,
        title: cut(f.title, LIMITS.title),
        clause: cut(f.clause, LIMITS.clause),
        detail: cut(f.detail, LIMITS.detail),
        ...(f.say ? { say: sayOut(f.say, cut) } : {}),
      })),
    hasLocation: reports.some((r) => r.hasLocation),
    skipped: reports
      .flatMap((r) => r.skipped)
      .slice(0, 10)
      .map((s) => ({ stage: s.stage, reason: cut(s.reason, LIMITS.reason) })),
  };
}
