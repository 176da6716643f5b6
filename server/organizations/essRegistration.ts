/** Validated enterprises in ESS's terms (CreateBatchOrganizationRegistrationTasks), and `Agent`. */
import type {
  Agent,
  RegistrationOrganizationInfo,
} from 'tencentcloud-sdk-nodejs/tencentcloud/services/ess/v20201111/ess_models';
import type { OrganizationRow } from '../../src/domain/organizationContract';
import { ESS_MAX_ORGANIZATIONS_PER_TASK } from '../../src/domain/organizationInput';
import type { EssRequest } from '../ess/essGateway';
import type { RegistrationRequest } from './requests';

/** The rows in ESS-sized chunks (at most 10 each), in order. */
export function chunkRows<T>(rows: readonly T[], size = ESS_MAX_ORGANIZATIONS_PER_TASK): T[][] {
  const chunks: T[][] = [];
  for (let start = 0; start < rows.length; start += size)
    chunks.push(rows.slice(start, start + size));
  return chunks;
}

/** ESS's `Agent` for a group parent acting for a subsidiary; nothing otherwise. */
export function agentFor(proxyOrganizationId: string | undefined): { Agent?: Agent } {
  return proxyOrganizationId ? { Agent: { ProxyOrganizationId: proxyOrganizationId } } : {};
}

export function toEssOrganization(row: OrganizationRow): RegistrationOrganizationInfo {
  return {
    OrganizationName: row.organizationName,
    UniformSocialCreditCode: row.uniformSocialCreditCode,
    LegalName: row.legalName,
    ...(row.address ? { Address: row.address } : {}),
    // Optional at ESS: absent when each enterprise gets its own link and the row names nobody.
    ...(row.superAdminName ? { AdminName: row.superAdminName } : {}),
    ...(row.superAdminMobile ? { AdminMobile: row.superAdminMobile } : {}),
    ...(row.superAdminIdCardNumber
      ? {
          AdminIdCardType: row.superAdminIdCardType ?? 'ID_CARD',
          AdminIdCardNumber: row.superAdminIdCardNumber,
        }
      : {}),
    ...(row.authorizationTypes ? { AuthorizationTypes: [...row.authorizationTypes] } : {}),
  };
}

export function essRegistrationRequest(
  rows: readonly OrganizationRow[],
  request: RegistrationRequest,
): EssRequest<'CreateBatchOrganizationRegistrationTasks'> {
  return {
    RegistrationOrganizations: rows.map(toEssOrganization),
    Endpoint: request.endpoint,
    BatchAuthMethod: request.batchAuthMethod,
    ...agentFor(request.proxyOrganizationId),
  };
}
