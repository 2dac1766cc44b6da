/**
 * The rule pack a school's IT pushes through browser policy (`storage.managed`: Chrome's
 * `managed_schema`, public/managed-schema.json; Firefox's policies.json "3rdparty" section). Read by
 * the background at start and whenever the managed area changes. The area is read-only to the
 * extension and set by the machine's administrator, but its content is still parsed strictly with
 * the same pack parser as a file: a policy is typed by hand and can be wrong.
 *
 * Policy key `rulePack`: the pack as JSON text (what an exported pack file holds). An object is
 * accepted too, because Firefox's policies.json carries JSON values as they are.
 */
import { parsePack, parsePackText } from './parse';
import type { RulePack } from './types';

export const MANAGED_KEY = 'rulePack';

/** The part of `browser.storage.managed` this module uses (a fake in tests). */
export interface ManagedArea {
  get(keys: string | string[]): Promise<Record<string, unknown>>;
}

export type ManagedPack =
  | { state: 'none' }
  | { state: 'active'; pack: RulePack }
  /** Set by policy but refused; the local pack stays in force and the options page says why. */
  | { state: 'invalid'; errors: string[] };

export async function readManagedPack(area: ManagedArea | undefined): Promise<ManagedPack> {
  if (!area) return { state: 'none' };
  let items: Record<string, unknown>;
  try {
    items = await area.get(MANAGED_KEY);
  } catch {
    // Firefox rejects when no policy exists for the extension; Chrome answers {}.
    return { state: 'none' };
  }
  const value = items && typeof items === 'object' && Object.prototype.hasOwnProperty.call(items, MANAGED_KEY) ? items[MANAGED_KEY] : undefined;
  if (value === undefined || value === null || value === '') return { state: 'none' };
  const result = typeof value === 'string' ? parsePackText(value) : parsePack(value);
  return result.ok ? { state: 'active', pack: result.pack } : { state: 'invalid', errors: result.errors };
}
