/**
 * Reads a Chromium net log (--log-net-log) and returns the requests that the extension or the
 * fixture pages could have caused. Chromium's own background traffic (update checks, account and
 * autofill lookups) carries the initiator "not an origin"; anything started by a web page, a content
 * script or an extension page carries that document's origin. Fixture pages are fulfilled by
 * Playwright's router before they reach the network stack and chrome-extension:// loads never enter
 * it, so in a clean run this list is empty.
 */
import { readFile } from 'node:fs/promises';

export interface NetLogRequest {
  method: string;
  url: string;
  initiator: string;
}

interface NetLog {
  constants: { logEventTypes: Record<string, number> };
  events: { type: number; params?: { url?: string; method?: string; initiator?: string } }[];
}

export function parseNetLog(text: string): NetLog {
  try {
    return JSON.parse(text) as NetLog;
  } catch {
    // Chromium leaves the closing brackets off when it is killed before it can finish the file.
    return JSON.parse(text.replace(/,?\s*$/, '') + ']}') as NetLog;
  }
}

/** Every URL request in the log that was not Chromium's own background traffic. */
export function pageOrExtensionRequests(log: NetLog, extensionOrigins: readonly string[] = []): NetLogRequest[] {
  const start = log.constants.logEventTypes['URL_REQUEST_START_JOB'];
  const out: NetLogRequest[] = [];
  for (const e of log.events) {
    if (e.type !== start || !e.params?.url) continue;
    const initiator = e.params.initiator ?? 'not an origin';
    const fromDocument = initiator !== 'not an origin';
    const toExtension = extensionOrigins.some((o) => e.params!.url!.startsWith(o));
    if (fromDocument || toExtension) out.push({ method: e.params.method ?? 'GET', url: e.params.url, initiator });
  }
  return out;
}

export async function readNetLogRequests(file: string): Promise<NetLogRequest[]> {
  return pageOrExtensionRequests(parseNetLog(await readFile(file, 'utf8')));
}
