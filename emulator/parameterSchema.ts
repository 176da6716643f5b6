/**
 * The gateway's structural check of request parameters, before any business rule:
 * required parameters present (`MissingParameter`), values of the declared type
 * (`InvalidParameter`), and no parameter the API does not define (`UnknownParameter`).
 * Nested parameters are named the way the gateway names them: `RegistrationOrganizations.0.LegalName`.
 */
import { gatewayErrors } from './envelope';

interface FieldBase {
  required?: boolean;
}

export type FieldSpec =
  | (FieldBase & { type: 'string' | 'boolean' | 'integer' | 'any' })
  | (FieldBase & { type: 'object'; fields: Schema })
  | (FieldBase & { type: 'array'; items: FieldSpec });

export type Schema = Readonly<Record<string, FieldSpec>>;

/** `UserInfo`: the operator of a call. */
export const USER_INFO_SCHEMA: Schema = {
  UserId: { type: 'string' },
  Channel: { type: 'string' },
  OpenId: { type: 'string' },
  ClientIp: { type: 'string' },
  ProxyIp: { type: 'string' },
};

/** `Agent`: the group-organization proxy information. */
export const AGENT_SCHEMA: Schema = {
  AppId: { type: 'string' },
  ProxyAppId: { type: 'string' },
  ProxyOrganizationId: { type: 'string' },
  ProxyOperator: { type: 'any' },
};

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function hasType(value: unknown, spec: FieldSpec): boolean {
  switch (spec.type) {
    case 'string':
      return typeof value === 'string';
    case 'boolean':
      return typeof value === 'boolean';
    case 'integer':
      return typeof value === 'number' && Number.isSafeInteger(value);
    case 'object':
      return isPlainObject(value);
    case 'array':
      return Array.isArray(value);
    case 'any':
      return true;
  }
}

function checkValue(value: unknown, spec: FieldSpec, name: string): void {
  if (!hasType(value, spec)) throw gatewayErrors.invalidParameterType(name);
  if (spec.type === 'object') {
    checkParameters(value as Record<string, unknown>, spec.fields, `${name}.`);
  }
  if (spec.type === 'array') {
    (value as unknown[]).forEach((item, index) => {
      if (item === null || item === undefined) {
        throw gatewayErrors.invalidParameterType(`${name}.${index}`);
      }
      checkValue(item, spec.items, `${name}.${index}`);
    });
  }
}

/** Throws the gateway's error for the first structural problem of `params`. `null` counts as absent. */
export function checkParameters(
  params: Record<string, unknown>,
  schema: Schema,
  prefix = '',
): void {
  for (const key of Object.keys(params)) {
    if (!Object.prototype.hasOwnProperty.call(schema, key)) {
      throw gatewayErrors.unknownParameter(prefix + key);
    }
  }
  for (const [key, spec] of Object.entries(schema)) {
    const value = params[key];
    if (value === undefined || value === null) {
      if (spec.required) throw gatewayErrors.missingParameter(prefix + key);
      continue;
    }
    checkValue(value, spec, prefix + key);
  }
}
