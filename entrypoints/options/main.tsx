/** Options page entry (extension origin): mounts the settings app with the admin channel. */
import { render } from 'preact';
import { App } from '@/src/ui/options/App';
import type { AdminMessage, AdminResponse } from '@/src/messaging/protocol';
import { workerRunner } from '@/src/ui/options/import-runner';
import '@/src/ui/options/options.css';

const send = (msg: AdminMessage) => browser.runtime.sendMessage(msg) as Promise<AdminResponse>;
render(<App send={send} importRunner={workerRunner} />, document.getElementById('app')!);
