/**
 * The background's part in the image checks: takes an attachment from a content script, checks
 * the message (shape, size cap, rate), and hands it to the offscreen document, which does the work
 * (decode, EXIF, logo, OCR, faces need a DOM, Workers and WASM: the service worker has no Worker;
 * Firefox has no offscreen documents, so there the host is the background event page itself,
 * src/background/page-host.ts).
 * The offscreen document is created on demand and closed when idle. Trusted side; no browser API
 * here (the entrypoint passes an `OffscreenHost`), so the routing is unit-tested.
 *
 * Bytes go content → background → offscreen and nowhere else; nothing is stored. The verdict that
 * goes back to the page is re-checked against `ImageVerdict` (strict: no extra fields can ride
 * along), so the page learns only rule, severity, title, clause and plain words about its own image.
 */
import * as v from 'valibot';
import {
  ImageSiteMessage,
  ImageVerdict,
  OFFSCREEN_TARGET,
  type ImageCheckResponse,
  type ImageStripResponse,
  type AccountIn,
  type OffscreenMessage,
  MEDIA_MIMES,
  base64Field,
} from '../messaging/protocol';
import type { RulePack } from '../pack/types';
import { RateLimiter } from './rate-limit';

export interface OffscreenHost {
  /**
   * False where the checks have nowhere to run (a Chrome without the offscreen API, a background
   * without a document): images are not checked there. Firefox runs them in its background page.
   */
  readonly supported: boolean;
  /** Creates the offscreen document unless it is already open. */
  open(): Promise<void>;
  close(): Promise<void>;
  send(message: OffscreenMessage): Promise<unknown>;
}

export interface ImageRouterDeps {
  host: OffscreenHost;
  imageContext(): Promise<{ pack: RulePack; generation: string }>;
  /** Whether the account the page says is posting is one of the school's own (Service.isOfficialAccount). */
  isOfficialAccount?(account: AccountIn | undefined): Promise<boolean>;
  now?: () => number;
  /** Close the offscreen document after this long without work (its models hold ~100s of MB). */
  idleMs?: number;
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?: (t: unknown) => void;
}

/** Attachments queued at once across all tabs; more are refused as 'busy' (the chip says so). */
export const MAX_QUEUED = 6;

const StripAnswer = v.strictObject({ ok: v.literal(true), mime: v.picklist(MEDIA_MIMES), data: base64Field });
const AnalyseAnswer = v.strictObject({ ok: v.literal(true), verdict: ImageVerdict });

export function isImageMessage(raw: unknown): boolean {
  const type = (raw as { type?: unknown } | null)?.type;
  return typeof raw === 'object' && raw !== null && (type === 'checkImage' || type === 'stripImage');
}

export class ImageRouter {
  // Images are rarer and far heavier than text checks: a page probing with images is slowed hard.
  private readonly limiter = new RateLimiter(1, 10);
  private chain: Promise<unknown> = Promise.resolve();
  private queued = 0;
  private idleTimer: unknown;
  private readonly now: () => number;
  private readonly idleMs: number;
  private readonly setTimer: (fn: () => void, ms: number) => unknown;
  private readonly clearTimer: (t: unknown) => void;

  constructor(private readonly deps: ImageRouterDeps) {
    this.now = deps.now ?? Date.now;
    this.idleMs = deps.idleMs ?? 60_000;
    this.setTimer = deps.setTimer ?? ((fn, ms) => setTimeout(fn, ms));
    this.clearTimer = deps.clearTimer ?? ((t) => clearTimeout(t as ReturnType<typeof setTimeout>));
  }

  /** Site channel, image messages. `tabId` comes from the verified sender, never the payload. */
  async handle(raw: unknown, tabId: number): Promise<ImageCheckResponse | ImageStripResponse> {
    const parsed = v.safeParse(ImageSiteMessage, raw);
    if (!parsed.success) return { ok: false, error: 'invalid' };
    if (!this.deps.host.supported) return { ok: false, error: 'unsupported' };
    if (!this.limiter.take(tabId, this.now())) return { ok: false, error: 'rate-limited' };
    if (this.queued >= MAX_QUEUED) return { ok: false, error: 'busy' };
    const msg = parsed.output;
    // One job at a time: the offscreen document runs one model at a time anyway, and queued jobs
    // keep their memory in the worker's message queue, not in parallel decodes.
    this.queued++;
    const job = this.chain.then(async () => {
      this.clearTimer(this.idleTimer);
      try {
        await this.deps.host.open();
        if (msg.type === 'stripImage') {
          const answer = v.safeParse(StripAnswer, await this.deps.host.send({ target: OFFSCREEN_TARGET, type: 'strip', mime: msg.mime, data: msg.data }));
          return answer.success ? { ok: true as const, mime: answer.output.mime, data: answer.output.data } : { ok: false as const, error: 'failed' as const };
        }
        const { pack, generation } = await this.deps.imageContext();
        // Decided here from the pack, never by the page (which only says what the site shows).
        const officialAccount = (await this.deps.isOfficialAccount?.(msg.account)) ?? false;
        const answer = v.safeParse(
          AnalyseAnswer,
          await this.deps.host.send({
            target: OFFSCREEN_TARGET,
            type: 'analyse',
            generation,
            pack,
            site: msg.site,
            mime: msg.mime,
            data: msg.data,
            ...(msg.caption !== undefined ? { caption: msg.caption } : {}),
            officialAccount,
          }),
        );
        return answer.success ? { ok: true as const, verdict: answer.output.verdict } : { ok: false as const, error: 'failed' as const };
      } catch {
        return { ok: false as const, error: 'failed' as const };
      } finally {
        this.queued--;
        if (this.queued === 0) this.idleTimer = this.setTimer(() => void this.deps.host.close().catch(() => {}), this.idleMs);
      }
    });
    this.chain = job.catch(() => undefined);
    return job;
  }
}
