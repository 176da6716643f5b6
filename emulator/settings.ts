/** The emulator's options, checked and completed with defaults. */
import {
  DEFAULT_MINI_APP_ID_ANSWER,
  DEFAULT_RATE_LIMIT_PER_SECOND,
  DEFAULT_TASK_READY_DELAY_MS,
} from './defaults';
import type { EssEmulatorOptions } from './types';

export type EssEmulatorHandlerOptions = Omit<EssEmulatorOptions, 'host' | 'port'>;

export interface EmulatorSettings {
  secretId: string;
  secretKey: string;
  operatorIds: ReadonlySet<string>;
  /** Undefined: links to the emulator's own pages are built from each request's Host header. */
  publicBaseUrl?: string;
  rateLimitPerSecond: number;
  taskReadyDelayMs: number;
  miniAppIdAnswer: string;
  now: () => number;
  log: (line: string) => void;
}

function requireText(value: unknown, name: string): string {
  if (typeof value !== 'string' || value.trim() === '') {
    throw new TypeError(`ESS emulator option ${name} must be a non-empty string`);
  }
  return value;
}

function nonNegativeNumber(value: number | undefined, name: string, fallback: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || Number.isNaN(value) || value < 0) {
    throw new TypeError(`ESS emulator option ${name} must be a non-negative number`);
  }
  return value;
}

function baseUrl(value: string | undefined): string | undefined {
  if (value === undefined || value === '') return undefined;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new TypeError(
      `ESS emulator option publicBaseUrl must be an absolute URL, got "${value}"`,
    );
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new TypeError('ESS emulator option publicBaseUrl must be an http(s) URL');
  }
  return value.replace(/\/+$/, '');
}

export function resolveSettings(options: EssEmulatorHandlerOptions): EmulatorSettings {
  if (!Array.isArray(options.operatorIds) || options.operatorIds.length === 0) {
    throw new TypeError('ESS emulator option operatorIds must list at least one operator UserId');
  }
  const rateLimitPerSecond = nonNegativeNumber(
    options.rateLimitPerSecond,
    'rateLimitPerSecond',
    DEFAULT_RATE_LIMIT_PER_SECOND,
  );
  if (rateLimitPerSecond < 1) {
    throw new TypeError('ESS emulator option rateLimitPerSecond must be at least 1');
  }
  return {
    secretId: requireText(options.secretId, 'secretId'),
    secretKey: requireText(options.secretKey, 'secretKey'),
    operatorIds: new Set(
      options.operatorIds.map((id, index) => requireText(id, `operatorIds[${index}]`)),
    ),
    publicBaseUrl: baseUrl(options.publicBaseUrl),
    rateLimitPerSecond,
    taskReadyDelayMs: nonNegativeNumber(
      options.taskReadyDelayMs,
      'taskReadyDelayMs',
      DEFAULT_TASK_READY_DELAY_MS,
    ),
    miniAppIdAnswer: options.miniAppIdAnswer ?? DEFAULT_MINI_APP_ID_ANSWER,
    now: options.now ?? Date.now,
    log: options.log ?? (() => undefined),
  };
}
