/**
 * The super admins of the enterprises submitted while the mini-program runs, by enterprise name,
 * so that the authorization page can fill in the super admin the single link must match.
 *
 * In memory only, on purpose. A super admin's name, mobile and ID number are personal data: the
 * device's storage keeps no copy once the rows are submitted (`draftStorage.ts` drops them), and
 * the server keeps none at all (its records hold ids, counts, credit codes and keyed hashes — a
 * hash cannot be shown back). Memory covers the usual path (submit, then make the link); after a
 * restart of the mini-program the operator types the super admin again.
 */
import { normalizeOrganizationName } from '../../domain/organizationInput';
import type { OrganizationRow, SuperAdminIdCardType } from '../../domain/organizationContract';

export interface SessionSuperAdmin {
  superAdminName: string;
  superAdminMobile: string;
  superAdminIdCardType: SuperAdminIdCardType;
  superAdminIdCardNumber?: string;
}

/** `null`: submitted without a super admin (a link per enterprise, for whoever opens it). */
const byOrganization = new Map<string, SessionSuperAdmin | null>();

/** Remembers the super admin of each submitted row (or that it named none). */
export function rememberSuperAdmins(rows: readonly OrganizationRow[]): void {
  for (const row of rows) {
    if (!row.superAdminName || !row.superAdminMobile) {
      byOrganization.set(normalizeOrganizationName(row.organizationName), null);
      continue;
    }
    byOrganization.set(normalizeOrganizationName(row.organizationName), {
      superAdminName: row.superAdminName,
      superAdminMobile: row.superAdminMobile,
      superAdminIdCardType: row.superAdminIdCardType ?? 'ID_CARD',
      ...(row.superAdminIdCardNumber ? { superAdminIdCardNumber: row.superAdminIdCardNumber } : {}),
    });
  }
}

/** Whether two entries are the same person as ESS matches them. */
export const sameSuperAdmin = (a: SessionSuperAdmin, b: SessionSuperAdmin): boolean =>
  a.superAdminName === b.superAdminName &&
  a.superAdminMobile === b.superAdminMobile &&
  a.superAdminIdCardType === b.superAdminIdCardType &&
  (a.superAdminIdCardNumber ?? '') === (b.superAdminIdCardNumber ?? '');

/** The super admin remembered for an enterprise: undefined when unknown, null when none. */
export function superAdminOf(organizationName: string): SessionSuperAdmin | null | undefined {
  return byOrganization.get(normalizeOrganizationName(organizationName));
}

/** Whether the enterprise was submitted (this session) without a super admin. */
export const submittedWithoutSuperAdmin = (organizationName: string): boolean =>
  superAdminOf(organizationName) === null;

/** The distinct super admins remembered for these enterprises, in order of first appearance. */
export function superAdminsOf(organizationNames: readonly string[]): SessionSuperAdmin[] {
  const found: SessionSuperAdmin[] = [];
  for (const name of organizationNames) {
    const admin = superAdminOf(name);
    if (admin && !found.some((known) => sameSuperAdmin(known, admin))) found.push(admin);
  }
  return found;
}

/** Forgets them all (tests; a new run of the mini-program starts empty anyway). */
export function forgetSuperAdmins(): void {
  byOrganization.clear();
}
