/**
 * Shared helpers of the emulator tests: an emulator on 127.0.0.1, the real ESS SDK client pointed at
 * it, raw signed requests (signed with the SDK's own `sign3`), and valid test identities.
 */
import http from 'http';
import { ess } from 'tencentcloud-sdk-nodejs/tencentcloud/services/ess';
import { AbstractClient } from 'tencentcloud-sdk-nodejs/tencentcloud/common/abstract_client';
import Sign from 'tencentcloud-sdk-nodejs/tencentcloud/common/sign';
import { idCardCheckChar } from '../../src/domain/idCard';
import { creditCodeCheckChar } from '../../emulator/creditCode';
import { startEssEmulator, type EssEmulator, type EssEmulatorOptions } from '../../emulator';

export const SECRET_ID = 'AKIDemulatorTestSecretId';
export const SECRET_KEY = 'emulator-test-secret-key';
export const OPERATOR_ID = 'yDemulatorTestOperator0000000001';
export const OPERATOR = { UserId: OPERATOR_ID };

export const PERSON = { name: '张三', idCardNumber: '11010519491231002X', mobile: '13800138000' };

export type EssClient = InstanceType<typeof ess.v20201111.Client>;

export function startTestEmulator(options: Partial<EssEmulatorOptions> = {}): Promise<EssEmulator> {
  return startEssEmulator({
    secretId: SECRET_ID,
    secretKey: SECRET_KEY,
    operatorIds: [OPERATOR_ID],
    ...options,
  });
}

interface ClientOptions {
  secretId?: string;
  secretKey?: string;
  /** Seconds. */
  reqTimeout?: number;
  agent?: http.Agent;
}

function clientConfig(emulator: Pick<EssEmulator, 'endpoint'>, options: ClientOptions) {
  return {
    credential: {
      secretId: options.secretId ?? SECRET_ID,
      secretKey: options.secretKey ?? SECRET_KEY,
    },
    region: '',
    profile: {
      httpProfile: {
        endpoint: emulator.endpoint,
        protocol: 'http://',
        reqTimeout: options.reqTimeout ?? 5,
        agent: options.agent,
      },
    },
  };
}

/** The real ESS client of `tencentcloud-sdk-nodejs`, pointed at the emulator. */
export function essClient(
  emulator: Pick<EssEmulator, 'endpoint'>,
  options: ClientOptions = {},
): EssClient {
  return new ess.v20201111.Client(clientConfig(emulator, options));
}

/** The SDK's generic client, for calls the ESS client cannot make (another version, unknown actions). */
export function genericClient(
  emulator: EssEmulator,
  version: string,
  options: ClientOptions = {},
): AbstractClient {
  return new AbstractClient(emulator.endpoint, version, clientConfig(emulator, options));
}

export interface SdkError extends Error {
  code?: string;
  requestId?: string;
}

/** The error the SDK threw for `promise` (fails the test when it resolved). */
export async function sdkError(promise: Promise<unknown>): Promise<SdkError> {
  try {
    await promise;
  } catch (error) {
    return error as SdkError;
  }
  throw new Error('Expected the ESS call to fail, but it succeeded');
}

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** A valid 18-character ID number from its first 17 digits. */
export function idCardNumber(first17: string): string {
  return first17 + idCardCheckChar(first17);
}

/** A valid unified social credit code from its first 17 characters. */
export function creditCode(first17: string): string {
  return first17 + creditCodeCheckChar(first17);
}

export interface RawAnswer {
  status: number;
  headers: http.IncomingHttpHeaders;
  text: string;
  json(): any;
}

export function rawRequest(
  emulator: EssEmulator,
  options: {
    method?: string;
    path?: string;
    headers?: Record<string, string>;
    body?: string | Buffer;
  },
): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      `${emulator.url}${options.path ?? '/'}`,
      { method: options.method ?? 'POST', headers: options.headers, agent: false },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            text,
            json: () => JSON.parse(text),
          });
        });
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

export interface SignedRequestOptions {
  action: string;
  /** The body sent. */
  body: string;
  /** The body the signature is computed over (default: the body sent). */
  signedBody?: string;
  version?: string;
  timestamp?: number;
  secretKey?: string;
  /** Credential-scope service (default: what the SDK derives from the endpoint, `127`). */
  service?: string;
  contentType?: string;
}

/** A request signed with the SDK's own TC3 `sign3`, with every part under the test's control. */
export function signedRequest(
  emulator: EssEmulator,
  options: SignedRequestOptions,
): Promise<RawAnswer> {
  const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
  const contentType = options.contentType ?? 'application/json';
  const authorization = Sign.sign3({
    method: 'POST',
    url: `${emulator.url}/`,
    payload: Buffer.from(options.signedBody ?? options.body, 'utf8'),
    timestamp,
    service: options.service ?? emulator.endpoint.split('.')[0],
    secretId: SECRET_ID,
    secretKey: options.secretKey ?? SECRET_KEY,
    multipart: false,
    boundary: '',
    headers: { 'Content-Type': contentType },
  });
  return rawRequest(emulator, {
    headers: {
      Authorization: authorization,
      'Content-Type': contentType,
      'X-TC-Action': options.action,
      'X-TC-Version': options.version ?? '2020-11-11',
      'X-TC-Timestamp': String(timestamp),
    },
    body: options.body,
  });
}
