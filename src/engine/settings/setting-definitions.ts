import { SERVER_VERSION, SERVER_VERSION_NUM } from '../server-version.js';
import {
  anyText,
  bool,
  integerRange,
  milliseconds,
  oneOf,
  onlyBool,
  type SettingValidator,
} from './setting-validators.js';
import { clientEncoding, dateStyle, timeZone } from './value-checks.js';

/**
 * The one table of session settings (PostgreSQL's GUCs, docs chapter 20) behind
 * SET, RESET, SHOW, set_config and current_setting. `reported` settings go to the
 * client in ParameterStatus (protocol docs §55.2.7), in the order of this table,
 * which is PostgreSQL 15's order.
 */
export interface SettingDefinition {
  /** The name as PostgreSQL spells it in SHOW ALL (lookups are case-insensitive). */
  readonly name: string;
  readonly defaultValue: string;
  /** Sent as ParameterStatus at startup and whenever it changes. */
  readonly reported: boolean;
  /** Shown but not settable (PostgreSQL's internal / postmaster context): 55P02. */
  readonly readOnly: boolean;
  /** Validates and returns the display form; given the current value for partial updates. */
  readonly validate: (value: string, name: string, current: string) => string;
  /** pg_settings.short_desc, for SHOW ALL. */
  readonly description: string;
  /** The value is a list of identifiers that SET quotes where needed (GUC_LIST_QUOTE). */
  readonly listQuote?: boolean;
}

interface Row {
  readonly reported?: boolean;
  readonly readOnly?: boolean;
  readonly listQuote?: boolean;
}

function def(
  name: string,
  defaultValue: string,
  validate: SettingValidator | SettingDefinition['validate'],
  description: string,
  row: Row = {},
): SettingDefinition {
  return {
    name,
    defaultValue,
    validate,
    description,
    reported: row.reported ?? false,
    readOnly: row.readOnly ?? false,
    ...(row.listQuote === undefined ? {} : { listQuote: row.listQuote }),
  };
}

const reported = { reported: true } as const;
const fixed = { readOnly: true } as const;
const reportedFixed = { reported: true, readOnly: true } as const;
const isolation = oneOf(['serializable', 'repeatable read', 'read committed', 'read uncommitted']);
const locale = 'C.UTF-8';

export const settingDefinitions: readonly SettingDefinition[] = [
  // Reported, in PostgreSQL 15's ParameterStatus order.
  def(
    'application_name',
    '',
    anyText,
    'Sets the application name to be reported in statistics and logs.',
    reported,
  ),
  def(
    'client_encoding',
    'UTF8',
    clientEncoding,
    "Sets the client's character set encoding.",
    reported,
  ),
  def(
    'DateStyle',
    'ISO, MDY',
    dateStyle,
    'Sets the display format for date and time values.',
    reported,
  ),
  def(
    'default_transaction_read_only',
    'off',
    bool,
    'Sets the default read-only status of new transactions.',
    reported,
  ),
  def(
    'in_hot_standby',
    'off',
    bool,
    'Shows whether hot standby is currently active.',
    reportedFixed,
  ),
  def('integer_datetimes', 'on', bool, 'Shows whether datetimes are integer based.', reportedFixed),
  def(
    'IntervalStyle',
    'postgres',
    oneOf(['postgres']),
    'Sets the display format for interval values.',
    reported,
  ),
  def('is_superuser', 'off', bool, 'Shows whether the current user is a superuser.', reportedFixed),
  def(
    'server_encoding',
    'UTF8',
    anyText,
    'Shows the server (database) character set encoding.',
    reportedFixed,
  ),
  def('server_version', SERVER_VERSION, anyText, 'Shows the server version.', reportedFixed),
  def('session_authorization', '', anyText, 'Sets the session user name.', reportedFixed),
  def(
    'standard_conforming_strings',
    'on',
    onlyBool(true, "lakegate's SQL treats backslashes in '...' literally."),
    "Causes '...' strings to treat backslashes literally.",
    reported,
  ),
  def(
    'TimeZone',
    'UTC',
    timeZone,
    'Sets the time zone for displaying and interpreting time stamps.',
    reported,
  ),
  // Not reported.
  def('bytea_output', 'hex', oneOf(['hex']), 'Sets the output format for bytea.'),
  def(
    'client_min_messages',
    'notice',
    oneOf(['debug5', 'debug4', 'debug3', 'debug2', 'debug1', 'log', 'notice', 'warning', 'error']),
    'Sets the message levels that are sent to the client.',
  ),
  def(
    'default_transaction_isolation',
    'read committed',
    isolation,
    'Sets the transaction isolation level of each new transaction.',
  ),
  def(
    'extra_float_digits',
    '1',
    integerRange(-15, 3),
    'Sets the number of digits displayed for floating-point values.',
  ),
  def('lc_collate', locale, anyText, 'Shows the collation order locale.', fixed),
  def(
    'lc_ctype',
    locale,
    anyText,
    'Shows the character classification and case conversion locale.',
    fixed,
  ),
  def('lc_messages', locale, anyText, 'Sets the language in which messages are displayed.'),
  def('lc_monetary', locale, anyText, 'Sets the locale for formatting monetary amounts.'),
  def('lc_numeric', locale, anyText, 'Sets the locale for formatting numbers.'),
  def('lc_time', locale, anyText, 'Sets the locale for formatting date and time values.'),
  def('max_identifier_length', '63', anyText, 'Shows the maximum identifier length.', fixed),
  def(
    'search_path',
    '"$user", public',
    anyText,
    'Sets the schema search order for names that are not schema-qualified.',
    { listQuote: true },
  ),
  def(
    'server_version_num',
    SERVER_VERSION_NUM,
    anyText,
    'Shows the server version as an integer.',
    fixed,
  ),
  def(
    'statement_timeout',
    '0',
    milliseconds,
    'Sets the maximum allowed duration of any statement.',
  ),
  def(
    'transaction_isolation',
    'read committed',
    isolation,
    "Sets the current transaction's isolation level.",
  ),
  def('transaction_read_only', 'off', bool, "Sets the current transaction's read-only status."),
];

const byName = new Map(settingDefinitions.map((d) => [d.name.toLowerCase(), d]));

/** Looks a setting up case-insensitively; undefined for unknown names. */
export function findSetting(name: string): SettingDefinition | undefined {
  return byName.get(name.toLowerCase());
}

/**
 * A customised option (`myext.opt`): PostgreSQL accepts any two-part name as a
 * placeholder variable (docs §20.16), case-folded.
 */
export function isCustomSettingName(name: string): boolean {
  return /^[A-Za-z_][\w$]*(\.[A-Za-z_][\w$]*)+$/.test(name);
}
