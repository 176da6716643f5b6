/**
 * Structured, one-line JSON logs for the operator (WeChat cloud's log console, or the terminal).
 *
 * Log only what helps to operate the service: the function, the ESS action, its error code and
 * RequestId, timings. Personal information never goes in: callers pass masked values, and as a
 * safety net every string is scrubbed of anything shaped like an ID number or a mobile number.
 */
import { maskIdCardNumber, maskMobile } from '../src/domain/mask';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';
export type LogFields = Record<string, string | number | boolean | null | undefined>;

export interface Logger {
  debug(msg: string, fields?: LogFields): void;
  info(msg: string, fields?: LogFields): void;
  warn(msg: string, fields?: LogFields): void;
  error(msg: string, fields?: LogFields): void;
  child(fields: LogFields): Logger;
}

const LEVELS: Record<LogLevel | 'silent', number> = {
  debug: 10,
  info: 20,
  warn: 30,
  error: 40,
  silent: 99,
};

/** 18 ID characters, possibly grouped with spaces or dashes as people (and ESS) write them. */
const ID_NUMBER_LIKE = /(?<![0-9A-Za-z])\d(?:[ \t-]?\d){16}[ \t-]?[\dXx](?![0-9A-Za-z])/g;
const MOBILE_LIKE = /(?<![0-9A-Za-z])1[3-9]\d(?:[ \t-]?\d){8}(?![0-9A-Za-z])/g;
const SEPARATORS = /[ \t-]/g;

/**
 * Masks anything in a string that looks like an 18-character ID number or a mobile number, also
 * written with spaces or dashes. Only whole tokens: a run of digits inside an identifier (a
 * RequestId, a task id) is left alone.
 */
export function scrubPersonalData(text: string): string {
  return text
    .replace(ID_NUMBER_LIKE, (match) => maskIdCardNumber(match.replace(SEPARATORS, '')))
    .replace(MOBILE_LIKE, (match) => maskMobile(match.replace(SEPARATORS, '')));
}

/** Fields carrying ids of ESS or of the invocation: written exactly, never masked. */
const VERBATIM_FIELDS = new Set([
  'requestId',
  'statusRequestId',
  'invocation',
  'requestRef',
  'msgId',
]);

/** Pseudonymous ids are still identifiers: keep enough to correlate, not the whole value. */
export function shortenOpenId(openid: string | undefined): string | undefined {
  if (!openid) return undefined;
  return openid.length <= 8
    ? `${openid.slice(0, 2)}…`
    : `${openid.slice(0, 6)}…${openid.slice(-2)}`;
}

function thresholdFromEnv(): number {
  const level = (process.env.LOG_LEVEL ?? 'info').toLowerCase() as LogLevel | 'silent';
  return LEVELS[level] ?? LEVELS.info;
}

export function createLogger(base: LogFields = {}): Logger {
  const write = (level: LogLevel, msg: string, fields: LogFields = {}) => {
    if (LEVELS[level] < thresholdFromEnv()) return;
    const entry: Record<string, unknown> = { time: new Date().toISOString(), level, msg };
    for (const [key, value] of Object.entries({ ...base, ...fields })) {
      if (value === undefined) continue;
      entry[key] =
        typeof value === 'string' && !VERBATIM_FIELDS.has(key) ? scrubPersonalData(value) : value;
    }
    const line = JSON.stringify(entry);
    if (level === 'error' || level === 'warn') console.error(line);
    else console.log(line);
  };
  return {
    debug: (msg, fields) => write('debug', msg, fields),
    info: (msg, fields) => write('info', msg, fields),
    warn: (msg, fields) => write('warn', msg, fields),
    error: (msg, fields) => write('error', msg, fields),
    child: (fields) => createLogger({ ...base, ...fields }),
  };
}
