import { LakeError } from '../../common/errors.js';
import { SqlState } from '../../common/sqlstate.js';
import {
  findSetting,
  isCustomSettingName,
  settingDefinitions,
  type SettingDefinition,
} from './setting-definitions.js';

/** Called with each reported setting whose effective value changed. */
export type ParameterStatusListener = (name: string, value: string) => void;

interface Snapshot {
  readonly session: ReadonlyMap<string, string>;
  readonly local: ReadonlyMap<string, string>;
}

/**
 * One session's settings, with PostgreSQL's transactional semantics (docs, SET):
 * SET inside a transaction block is undone by ROLLBACK (and by ROLLBACK TO a
 * savepoint taken before it); SET LOCAL lasts until the end of the transaction
 * either way; RESET returns to the session's starting value (defaults overlaid
 * with the client's startup parameters). Keys are lower-cased names.
 */
export class SessionSettings {
  /** Values a RESET returns to. */
  private readonly resetValues = new Map<string, string>();
  private session = new Map<string, string>();
  private local = new Map<string, string>();
  /** One snapshot per open level: the transaction, then each savepoint. */
  private readonly frames: Snapshot[] = [];

  constructor(private readonly onReported: ParameterStatusListener) {
    for (const d of settingDefinitions) this.resetValues.set(key(d.name), d.defaultValue);
  }

  /** Sets a starting value (startup parameters, session_authorization); RESET returns here. */
  setInitial(name: string, value: string): void {
    const k = key(name);
    const d = this.definition(name);
    const shown = d ? d.validate(value, d.name, this.get(name) ?? d.defaultValue) : value;
    this.resetValues.set(k, shown);
  }

  /** The effective value, or undefined for an unknown name. */
  get(name: string): string | undefined {
    const k = key(name);
    return this.local.get(k) ?? this.session.get(k) ?? this.resetValues.get(k);
  }

  /** The effective value, or 42704 for an unknown name (SHOW, current_setting). */
  show(name: string): string {
    const v = this.get(name);
    if (v === undefined) throw unrecognized(name);
    return v;
  }

  /** The display name (SHOW's column header). */
  displayName(name: string): string {
    return this.definition(name)?.name ?? name.toLowerCase();
  }

  /** SET / SET LOCAL / set_config. `inTransaction` false makes SET LOCAL a no-op. */
  set(name: string, value: string, isLocal: boolean, inTransaction: boolean): string {
    const d = this.settable(name);
    const shown = d ? d.validate(value, d.name, this.show(name)) : value;
    if (isLocal && !inTransaction) return shown;
    this.reporting(() => {
      const k = key(name);
      if (isLocal) this.local.set(k, shown);
      else {
        this.session.set(k, shown);
        this.local.delete(k);
      }
    });
    return shown;
  }

  /** RESET name: back to the starting value (transactional like SET). */
  reset(name: string, isLocal = false, inTransaction = false): void {
    this.settable(name);
    const start = this.resetValues.get(key(name));
    if (start === undefined) {
      this.reporting(() => {
        this.session.delete(key(name));
        this.local.delete(key(name));
      });
      return;
    }
    this.set(name, start, isLocal, inTransaction);
  }

  /** RESET ALL / DISCARD ALL: every settable value back to its start. */
  resetAll(): void {
    this.reporting(() => {
      for (const k of [...this.session.keys(), ...this.local.keys()]) {
        if (findSetting(k)?.readOnly !== true) {
          this.session.delete(k);
          this.local.delete(k);
        }
      }
    });
  }

  /** Every setting with its display value and description, for SHOW ALL. */
  all(): { name: string; setting: string; description: string }[] {
    const rows = settingDefinitions.map((d) => ({
      name: d.name,
      setting: this.show(d.name),
      description: d.description,
    }));
    const custom = new Set([...this.session.keys(), ...this.local.keys()]);
    for (const k of custom) {
      if (!findSetting(k)) rows.push({ name: k, setting: this.show(k), description: '' });
    }
    return rows.sort((a, b) => a.name.toLowerCase().localeCompare(b.name.toLowerCase()));
  }

  /** ParameterStatus pairs in PostgreSQL 15's startup order. */
  reported(): [string, string][] {
    return settingDefinitions.filter((d) => d.reported).map((d) => [d.name, this.show(d.name)]);
  }

  // ---------------------------------------------------------------- transactions

  /** BEGIN and SAVEPOINT: remember the values to return to. */
  pushFrame(): void {
    this.frames.push({ session: new Map(this.session), local: new Map(this.local) });
  }

  /** RELEASE SAVEPOINT: keep the changes, forget the savepoint's snapshot. */
  releaseFrames(keep: number): void {
    this.frames.length = Math.min(this.frames.length, keep);
  }

  /** ROLLBACK TO: restore the snapshot at `level` (0 = the transaction), keeping it. */
  rollbackTo(level: number): void {
    const snap = this.frames[level];
    if (!snap) return;
    this.frames.length = level + 1;
    this.reporting(() => {
      this.session = new Map(snap.session);
      this.local = new Map(snap.local);
    });
  }

  /** COMMIT keeps SET values, ROLLBACK restores them; SET LOCAL ends either way. */
  endTransaction(commit: boolean): void {
    const first = this.frames[0];
    this.frames.length = 0;
    this.reporting(() => {
      if (!commit && first) this.session = new Map(first.session);
      this.local = new Map();
    });
  }

  // ---------------------------------------------------------------- internals

  private definition(name: string): SettingDefinition | undefined {
    return findSetting(name);
  }

  /** The definition of a settable name; undefined for a custom `a.b` name; else throws. */
  private settable(name: string): SettingDefinition | undefined {
    const d = this.definition(name);
    if (d?.readOnly) {
      throw new LakeError(
        SqlState.cantChangeRuntimeParam,
        `parameter "${d.name}" cannot be changed`,
      );
    }
    if (!d && !isCustomSettingName(name)) throw unrecognized(name);
    return d;
  }

  private reporting(change: () => void): void {
    const before = this.reported();
    change();
    const after = this.reported();
    after.forEach(([name, value], i) => {
      if (before[i]?.[1] !== value) this.onReported(name, value);
    });
  }
}

const key = (name: string): string => name.toLowerCase();

export function unrecognized(name: string): LakeError {
  return new LakeError(
    SqlState.undefinedObject,
    `unrecognized configuration parameter "${name.toLowerCase()}"`,
  );
}
