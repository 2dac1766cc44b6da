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
import { localTimeOf } from '../engine/clock';
import { evaluate } from '../engine/evaluate';
import type { Finding, SiteId } from '../engine/types';
import {
  AdminMessage,
  CheckActionRequest,
  SiteMessage,
  type ActionVerdictOut,
  type AdminResponse,
  type CheckActionResponse,
  type CheckResponse,
  type Status,
} from '../messaging/protocol';
import type { ManagedPack } from '../pack/managed';
import { packFileText, parsePackFileText } from '../pack/class-lists';
import { parsePack, parsePackText } from '../pack/parse';
import type { RulePack } from '../pack/types';
import { UnknownListError, type Repo } from '../storage/repo';
import { base64ToBytes, bytesToBase64, type LogoRepo } from '../storage/logos';
import * as directMessage from '../rules/direct-message';
import * as friendRequest from '../rules/friend-request';
import { stepSeverity, type ActionInput, type PersonRef } from '../rules/person-match';
import { isSchoolAccount, type PostingAccount } from '../rules/official-account';
import * as reference from '../rules/reference';
import { RateLimiter } from './rate-limit';
import { t } from '../i18n';

export class Service {
  private compiled: Promise<CompiledRuleSet> | null = null;
  private readonly limiter = new RateLimiter();
  /** A pack pushed through browser policy wins over the stored one (src/pack/managed.ts). */
  private managed: ManagedPack = { state: 'none' };

  constructor(
    private readonly repo: Repo,
    private readonly now: () => number = Date.now,
    private readonly logos?: LogoRepo,
  ) {}

  /** Called by the entrypoint at start and whenever storage.managed changes. */
  setManaged(managed: ManagedPack): void {
    this.managed = managed;
    this.invalidate();
  }

  private pack(): Promise<RulePack> {
    return this.managed.state === 'active' ? Promise.resolve(this.managed.pack) : this.repo.getPack();
  }

  private ruleSet(): Promise<CompiledRuleSet> {
    if (!this.compiled) {
      this.compiled = (async () => {
        const [pack, names] = await Promise.all([this.pack(), this.repo.nameIndex()]);
        return compileRuleSet(pack, names);
      })();
      // A failed build must not poison every later check.
      this.compiled.catch(() => (this.compiled = null));
    }
    return this.compiled;
  }

  private invalidate(): void {
    this.compiled = null;
    this.generation++;
  }

  /** Bumped on every write that changes what a check sees (rules, lists, logos, managed pack). */
  private generation = 0;
  /** Distinguishes this worker's life from the next one (module state, and the counter, restart). */
  private readonly boot = Math.random().toString(36).slice(2);

  /**
   * What the offscreen document needs to check an image: the pack in force (managed or stored, as
   * plain JSON) and a key that changes whenever the rule set, class lists or logos change, so it can
   * keep its own compiled rule set warm and rebuild only when needed.
   */
  async imageContext(): Promise<{ pack: RulePack; generation: string }> {
    return { pack: JSON.parse(JSON.stringify(await this.pack())) as RulePack, generation: `${this.boot}:${this.generation}` };
  }

  /**
   * Is the account the page says the user is posting as one of the school's own (pack
   * `school.handles`, or its name / aliases for a display name)? Decided here, never in the page.
   */
  async isOfficialAccount(account: PostingAccount | undefined): Promise<boolean> {
    if (!account) return false;
    return isSchoolAccount((await this.pack()).school, account);
  }

  /** Site channel. `tabId` comes from the verified sender, never from the payload. */
  async handleSite(raw: unknown, tabId: number): Promise<CheckResponse> {
    const parsed = v.safeParse(SiteMessage, raw);
    if (!parsed.success) return { ok: false, error: 'invalid' };
    if (!this.limiter.take(tabId, this.now())) return { ok: false, error: 'rate-limited' };
    const msg = parsed.output;
    // The background's own clock, never the page's: working-hours and wiki-edit read local time.
    const now = localTimeOf(new Date(this.now()));
    const officialAccount = await this.isOfficialAccount(msg.account);
    const findings = evaluate(await this.ruleSet(), {
      text: msg.text,
      site: msg.site,
      surface: msg.surface,
      now,
      ...(officialAccount ? { officialAccount } : {}),
      ...(msg.hasMedia ? { hasMedia: true } : {}),
    });
    // A post the site shows to everyone (Facebook's audience "Public") is more serious.
    const raised = msg.audience === 'public' ? findings.map((f) => ({ ...f, severity: stepSeverity(f.severity, 1) })) : findings;
    return { ok: true, findings: raised.map(publicFinding) };
  }

  /**
   * Site channel, social actions (friend / follow / connect clicks, private-message recipients,
   * endorsements). Same sender check, same per-tab rate limit as text checks. `tabId` comes from
   * the verified sender.
   */
  async handleAction(raw: unknown, tabId: number): Promise<CheckActionResponse> {
    const parsed = v.safeParse(CheckActionRequest, raw);
    if (!parsed.success) return { ok: false, error: 'invalid' };
    if (!this.limiter.take(tabId, this.now())) return { ok: false, error: 'rate-limited' };
    return { ok: true, verdict: this.checkAction(await this.ruleSet(), parsed.output) };
  }

  /** The first verdict of the action rules (friend-request, direct-message, reference). */
  private checkAction(compiled: CompiledRuleSet, msg: CheckActionRequest): ActionVerdictOut | null {
    const input: ActionInput = { action: msg.action, site: msg.site };
    if (msg.person) {
      const person: PersonRef = {};
      if (msg.person.displayName !== undefined) person.displayName = msg.person.displayName;
      if (msg.person.handle !== undefined) person.handle = msg.person.handle;
      input.person = person;
    }
    const now = new Date(this.now());
    const verdict =
      friendRequest.check(compiled, input, now) ?? directMessage.check(compiled, input, now) ?? reference.check(compiled, input);
    if (!verdict) return null;
    // Field by field: nothing else the rule computed can cross.
    const out: ActionVerdictOut = { rule: verdict.rule, severity: verdict.severity, title: verdict.title, clause: verdict.clause };
    if (verdict.advice !== undefined) out.advice = verdict.advice;
    return out;
  }

  async handleAdmin(raw: unknown): Promise<AdminResponse> {
    const parsed = v.safeParse(AdminMessage, raw);
    if (!parsed.success) return { ok: false, error: t('admin.error.notUnderstood') };
    const msg = parsed.output;
    if (this.managed.state === 'active' && (msg.type === 'saveSchool' || msg.type === 'setPack' || msg.type === 'importPackFile')) {
      return { ok: false, error: t('admin.error.managed') };
    }
    switch (msg.type) {
      case 'getStatus':
        return { ok: true, status: await this.status() };
      case 'saveSchool': {
        // The same strict parser as every other pack write (times, ranges, domains).
        const current = await this.repo.getPack();
        const checked = parsePack({ ...JSON.parse(JSON.stringify(current)), school: msg.school });
        if (!checked.ok) return { ok: false, error: checked.errors.join('\n') };
        await this.repo.saveSchool(checked.pack.school);
        this.invalidate();
        return { ok: true, status: await this.status() };
      }
      case 'getPack':
        // A plain JSON copy: the stored pack never leaves by reference, and the answer is exactly
        // what an export writes and an import reads back.
        return { ok: true, pack: JSON.parse(JSON.stringify(await this.pack())) as RulePack };
      case 'setPack': {
        const result = parsePackText(msg.packText);
        if (!result.ok) return { ok: false, error: result.errors.join('\n') };
        if (msg.keepSchool) await this.repo.setPackKeepingSchool(result.pack);
        else await this.repo.setPack(result.pack);
        this.invalidate();
        return { ok: true, status: await this.status() };
      }
      case 'exportPackFile': {
        const pack = JSON.parse(JSON.stringify(await this.pack())) as RulePack;
        const lists = msg.includeLists ? await this.repo.exportLists() : null;
        return { ok: true, packFile: packFileText(pack, lists ?? undefined), listsIncluded: lists?.lists.length ?? 0 };
      }
      case 'importPackFile': {
        const result = parsePackFileText(msg.fileText);
        if (!result.ok) return { ok: false, error: result.errors.join('\n') };
        if (!result.lists) return { ok: false, error: t('admin.error.noLists') };
        await this.repo.replaceWithImport(result.pack, result.lists);
        this.invalidate();
        return { ok: true, status: await this.status() };
      }
      case 'importClassList':
        try {
          await this.repo.importList(msg.name, msg.fileName, msg.groups, msg.people, msg.replaceListId);
        } catch (e) {
          if (e instanceof UnknownListError) return { ok: false, error: `${e.message} Nothing was imported.` };
          throw e;
        }
        this.invalidate();
        return { ok: true, status: await this.status() };
      case 'deleteList':
        await this.repo.deleteList(msg.id);
        this.invalidate();
        return { ok: true, status: await this.status() };
      case 'deleteEverything':
        await this.repo.deleteEverything();
        await this.logos?.clear();
        this.invalidate();
        return { ok: true, status: await this.status() };
      case 'addLogo': {
        if (!this.logos) return { ok: false, error: t('admin.error.noLogos') };
        let png: Uint8Array;
        try {
          png = base64ToBytes(msg.png);
        } catch {
          return { ok: false, error: t('admin.error.logoDamaged') };
        }
        const added = await this.logos.add(msg.name, png, msg.width, msg.height);
        if (!added.ok) return added;
        this.invalidate();
        return { ok: true, status: await this.status() };
      }
      case 'deleteLogo':
        await this.logos?.delete(msg.id);
        this.invalidate();
        return { ok: true, status: await this.status() };
      case 'getLogos': {
        const rows = (await this.logos?.list()) ?? [];
        return {
          ok: true,
          logos: rows.map((r) => ({ id: r.id!, name: r.name, width: r.width, height: r.height, addedAt: r.addedAt, png: bytesToBase64(r.png) })),
        };
      }
      case 'testText': {
        const findings = evaluate(await this.ruleSet(), { text: msg.text, site: msg.site as SiteId });
        return { ok: true, findings: findings.map(publicFinding) };
      }
    }
  }

  async status(): Promise<Status> {
    const [pack, lists, logos] = await Promise.all([this.pack(), this.repo.lists(), this.logos?.list() ?? []]);
    const extra: Pick<Status, 'logos' | 'managed'> = {
      logos: logos.map((r) => ({ id: r.id!, name: r.name, width: r.width, height: r.height, addedAt: r.addedAt })),
    };
    if (this.managed.state === 'active') extra.managed = { state: 'active' };
    if (this.managed.state === 'invalid') extra.managed = { state: 'invalid', errors: [...this.managed.errors] };
    return {
      ...extra,
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
