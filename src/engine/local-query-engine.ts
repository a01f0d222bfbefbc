import { LakeError } from '../common/errors.js';
import { SqlState } from '../common/sqlstate.js';
import type { LocalQueryEngineOptions } from './engine-resources.js';
import { LocalSession } from './local-session.js';
import type { QueryEngine, Session, SessionEvents, SessionStartup } from './query-engine.js';
import { findSetting, isCustomSettingName } from './settings/setting-definitions.js';
import { formatMilliseconds } from './settings/setting-validators.js';

export type { LocalQueryEngineOptions } from './engine-resources.js';

/** Startup parameters that are connection facts, not settings (protocol docs §55.2.1). */
const notSettings = new Set(['user', 'database', 'options', 'replication']);

/**
 * The in-process QueryEngine: sessions over the configured catalogs, scans through
 * the worker pool. The client's dbname selects the catalog (DESIGN.md §6).
 */
export class LocalQueryEngine implements QueryEngine {
  constructor(private readonly options: LocalQueryEngineOptions) {}

  openSession(startup: SessionStartup, events: SessionEvents): Promise<Session> {
    if (!this.options.catalogs.has(startup.database)) {
      return Promise.reject(
        new LakeError(
          SqlState.invalidCatalogName,
          `database "${startup.database}" does not exist`,
          {
            severity: 'FATAL',
          },
        ),
      );
    }
    const session = new LocalSession(this.options, startup, events);
    try {
      applyStartup(session, startup, this.options.limits.statementTimeoutMs);
    } catch (err) {
      return Promise.reject(
        err instanceof LakeError ? err : new LakeError(SqlState.invalidParameterValue, String(err)),
      );
    }
    return Promise.resolve(session);
  }

  close(): Promise<void> {
    return this.options.scanPool.close();
  }
}

/** Startup parameters become the session's starting values (RESET returns to them). */
function applyStartup(session: LocalSession, startup: SessionStartup, timeoutMs: number): void {
  const s = session.settings;
  s.setInitial('session_authorization', startup.user);
  if (timeoutMs > 0) s.setInitial('statement_timeout', formatMilliseconds(timeoutMs));
  const given = [...startup.parameters].filter(([name]) => !notSettings.has(name));
  for (const [name, value] of [
    ...given,
    ...parseOptions(startup.parameters.get('options') ?? ''),
  ]) {
    // Unknown names are skipped: drivers send parameters of servers they also support.
    if (findSetting(name) ?? isCustomSettingName(name)) s.setInitial(name, value);
  }
}

/**
 * The `options` startup parameter: `-c name=value` and `--name=value` pairs,
 * whitespace-separated, backslash escaping a space (libpq docs, "options").
 */
export function parseOptions(text: string): [string, string][] {
  const words: string[] = [];
  let cur = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] ?? '';
    if (ch === '\\' && i + 1 < text.length) cur += text[++i] ?? '';
    else if (/\s/.test(ch)) {
      if (cur) words.push(cur);
      cur = '';
    } else cur += ch;
  }
  if (cur) words.push(cur);
  const out: [string, string][] = [];
  for (let i = 0; i < words.length; i++) {
    const w = words[i] ?? '';
    const pair =
      w === '-c'
        ? words[++i]
        : w.startsWith('--')
          ? w.slice(2)
          : w.startsWith('-c')
            ? w.slice(2)
            : undefined;
    const eq = pair?.indexOf('=') ?? -1;
    if (pair !== undefined && eq > 0)
      out.push([pair.slice(0, eq).replace(/-/g, '_'), pair.slice(eq + 1)]);
  }
  return out;
}
