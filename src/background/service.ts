/**
 * The background's brain: owns the repository and the compiled rule set, and answers both
 * channels. No browser API here (the entrypoint wires `browser.runtime`), so it runs under Vitest
 * with fake-indexeddb.
 *
 * The compiled matcher is kept warm in memory and rebuilt lazily: after any write, and after the
 * service worker has been stopped (module state is gone, so the first check rebuilds from
 * IndexedDB).
 */
import * as v from 'valibot';
import { compileRuleSet, type CompiledRuleSet } from '../engine/compile';
import { evaluate } from '../engine/evaluate';
import type { Finding, SiteId } from '../engine/types';
import {
  AdminMessage,
  SiteMessage,
  type AdminResponse,
  type CheckResponse,
  type Status,
} from '../messaging/protocol';
import { parsePackText } from '../pack/parse';
import type { RulePack } from '../pack/types';
import type { Repo } from '../storage/repo';
import { RateLimiter } from './rate-limit';

export class Service {
  private compiled: Promise<CompiledRuleSet> | null = null;
  private readonly limiter = new RateLimiter();

  constructor(
    private readonly repo: Repo,
    private readonly now: () => number = Date.now,
  ) {}

  private ruleSet(): Promise<CompiledRuleSet> {
    if (!this.compiled) {
      this.compiled = (async () => {
        const [pack, people] = await Promise.all([this.repo.getPack(), this.repo.people()]);
        return compileRuleSet(pack, people);
      })();
      // A failed build must not poison every later check.
      this.compiled.catch(() => (this.compiled = null));
    }
    return this.compiled;
  }

  private invalidate(): void {
    this.compiled = null;
  }

  /** Site channel. `tabId` comes from the verified sender, never from the payload. */
  async handleSite(raw: unknown, tabId: number): Promise<CheckResponse> {
    const parsed = v.safeParse(SiteMessage, raw);
    if (!parsed.success) return { ok: false, error: 'invalid' };
    if (!this.limiter.take(tabId, this.now())) return { ok: false, error: 'rate-limited' };
    const msg = parsed.output;
    const findings = evaluate(await this.ruleSet(), { text: msg.text, site: msg.site });
    return { ok: true, findings: findings.map(publicFinding) };
  }

  async handleAdmin(raw: unknown): Promise<AdminResponse> {
    const parsed = v.safeParse(AdminMessage, raw);
    if (!parsed.success) return { ok: false, error: 'That request was not understood.' };
    const msg = parsed.output;
    switch (msg.type) {
      case 'getStatus':
        return { ok: true, status: await this.status() };
      case 'saveSchool':
        await this.repo.saveSchool(msg.school);
        this.invalidate();
        return { ok: true, status: await this.status() };
      case 'getPack':
        // A plain JSON copy: the stored pack never leaves by reference, and the answer is exactly
        // what an export writes and an import reads back.
        return { ok: true, pack: JSON.parse(JSON.stringify(await this.repo.getPack())) as RulePack };
      case 'setPack': {
        const result = parsePackText(msg.packText);
        if (!result.ok) return { ok: false, error: result.errors.join('\n') };
        if (msg.keepSchool) await this.repo.setPackKeepingSchool(result.pack);
        else await this.repo.setPack(result.pack);
        this.invalidate();
        return { ok: true, status: await this.status() };
      }
      case 'importClassList':
        await this.repo.importList(msg.name, msg.fileName, msg.groups, msg.people);
        this.invalidate();
        return { ok: true, status: await this.status() };
      case 'deleteList':
        await this.repo.deleteList(msg.id);
        this.invalidate();
        return { ok: true, status: await this.status() };
      case 'deleteEverything':
        await this.repo.deleteEverything();
        this.invalidate();
        return { ok: true, status: await this.status() };
      case 'testText': {
        const findings = evaluate(await this.ruleSet(), { text: msg.text, site: msg.site as SiteId });
        return { ok: true, findings: findings.map(publicFinding) };
      }
    }
  }

  async status(): Promise<Status> {
    const [pack, lists] = await Promise.all([this.repo.getPack(), this.repo.lists()]);
    return {
      school: { ...pack.school },
      packTitle: pack.title,
      packId: pack.id,
      lists: lists.map((l) => ({ ...l, groups: [...l.groups] })),
      totals: {
        people: lists.reduce((n, l) => n + l.count, 0),
        pupils: lists.reduce((n, l) => n + l.pupils, 0),
      },
    };
  }
}

/** Only these fields cross to the content script: spans of the user's own text and rule text. */
function publicFinding(f: Finding): Finding {
  return {
    rule: f.rule,
    start: f.start,
    end: f.end,
    severity: f.severity,
    title: f.title,
    clause: f.clause,
  };
}
