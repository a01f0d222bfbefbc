import { LakeError } from '../../common/errors.js';
import { SqlState } from '../../common/sqlstate.js';

/**
 * Validation and normalisation of setting values, one function per value kind.
 * Each takes the value as the user wrote it and returns PostgreSQL's display form
 * (what SHOW prints), or throws PostgreSQL's error for that parameter
 * (guc.c: parse_and_validate_value / call_string_check_hook).
 */
export type SettingValidator = (value: string, name: string) => string;

export function invalidValue(name: string, value: string, hint?: string): LakeError {
  return new LakeError(
    SqlState.invalidParameterValue,
    `invalid value for parameter "${name}": "${value}"`,
    hint === undefined ? {} : { hint },
  );
}

export const anyText: SettingValidator = (value) => value;

/** PostgreSQL's bool GUC input: on/off, true/false, yes/no, 1/0 and unique prefixes. */
export function parseBool(value: string): boolean | undefined {
  const v = value.trim().toLowerCase();
  if (v === '') return undefined;
  if (v === 'on' || v === '1' || 'true'.startsWith(v) || 'yes'.startsWith(v)) return true;
  if (v === 'of' || v === 'o') return undefined;
  if (v === '0' || 'off'.startsWith(v) || 'false'.startsWith(v) || 'no'.startsWith(v)) {
    return false;
  }
  return undefined;
}

export const bool: SettingValidator = (value, name) => {
  const b = parseBool(value);
  if (b === undefined) {
    throw new LakeError(
      SqlState.invalidParameterValue,
      `parameter "${name}" requires a Boolean value`,
    );
  }
  return b ? 'on' : 'off';
};

/** A bool setting lakegate supports in one position only (e.g. standard_conforming_strings). */
export function onlyBool(only: boolean, why: string): SettingValidator {
  return (value, name) => {
    const shown = bool(value, name);
    if (shown !== (only ? 'on' : 'off')) {
      throw new LakeError(SqlState.featureNotSupported, `${name} = ${shown} is not supported`, {
        hint: why,
      });
    }
    return shown;
  };
}

export function integerRange(min: number, max: number): SettingValidator {
  return (value, name) => {
    const v = value.trim();
    if (!/^[+-]?\d+$/.test(v)) {
      throw new LakeError(
        SqlState.invalidParameterValue,
        `invalid value for parameter "${name}": "${value}"`,
      );
    }
    const n = Number(v);
    if (n < min || n > max) {
      throw new LakeError(
        SqlState.invalidParameterValue,
        `${n} is outside the valid range for parameter "${name}" (${min} .. ${max})`,
      );
    }
    return String(n);
  };
}

/** Case-insensitive choice among fixed values, as PostgreSQL's enum GUCs (with their hint). */
export function oneOf(values: readonly string[]): SettingValidator {
  return (value, name) => {
    const v = value.trim().toLowerCase();
    const found = values.find((x) => x.toLowerCase() === v);
    if (found === undefined) {
      throw invalidValue(name, value, `Available values: ${values.join(', ')}.`);
    }
    return found;
  };
}

const timeUnits: readonly (readonly [string, number])[] = [
  ['d', 86_400_000],
  ['h', 3_600_000],
  ['min', 60_000],
  ['s', 1000],
  ['ms', 1],
];

/**
 * A duration in milliseconds with PostgreSQL's units (ms, s, min, h, d); a bare
 * number is milliseconds. Shown with the largest unit that divides it exactly,
 * as guc.c's convert_int_to_base_unit does ('5s', '1min', '1500ms', '0').
 */
export const milliseconds: SettingValidator = (value, name) => {
  const m = /^\s*(\d+(?:\.\d+)?)\s*(ms|s|min|h|d)?\s*$/.exec(value);
  const factor = m?.[2] === undefined ? 1 : timeUnits.find(([u]) => u === m[2])?.[1];
  if (!m || factor === undefined) {
    throw new LakeError(
      SqlState.invalidParameterValue,
      `invalid value for parameter "${name}": "${value}"`,
      { hint: 'Valid units for this parameter are "us", "ms", "s", "min", "h", and "d".' },
    );
  }
  const ms = Math.round(Number(m[1]) * factor);
  if (ms > 2_147_483_647) {
    throw new LakeError(
      SqlState.invalidParameterValue,
      `${ms} ms is outside the valid range for parameter "${name}" (0 .. 2147483647)`,
    );
  }
  return formatMilliseconds(ms);
};

export function formatMilliseconds(ms: number): string {
  if (ms === 0) return '0';
  for (const [unit, factor] of timeUnits) {
    if (ms % factor === 0) return `${ms / factor}${unit}`;
  }
  return `${ms}ms`;
}

/** The display form back to milliseconds (the value was validated when set). */
export function millisecondsOf(shown: string): number {
  const m = /^(\d+)(ms|s|min|h|d)?$/.exec(shown);
  if (!m) return 0;
  const factor = timeUnits.find(([u]) => u === m[2])?.[1] ?? 1;
  return Number(m[1]) * factor;
}
