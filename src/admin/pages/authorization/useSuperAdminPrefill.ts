import { useEffect, useMemo } from 'react';
import { maskMobile, maskName } from '../../../domain/mask';
import type { SuperAdminIdentity } from '../../../domain/superAdminIdentity';
import { superAdminsOf, type SessionSuperAdmin } from '../../lib/superAdminSession';
import type { SuperAdminForm, SuperAdminValues } from './useSuperAdminForm';

export interface SuperAdminPrefill {
  /** The super admins the selected enterprises were created with, as far as this session knows. */
  candidates: SessionSuperAdmin[];
  /** Why the super admin in the form will not match the selected enterprises, when known. */
  mismatch: string | null;
  /** Fills the form with one of the candidates. */
  use: (candidate: SessionSuperAdmin) => void;
}

const toValues = (admin: SessionSuperAdmin): SuperAdminValues => ({
  superAdminName: admin.superAdminName,
  superAdminMobile: admin.superAdminMobile,
  superAdminIdCardType: admin.superAdminIdCardType,
  superAdminIdCardNumber: admin.superAdminIdCardNumber ?? '',
});

/** `*五（139****9000）`: a super admin as the page names them. */
export const describeSuperAdmin = (admin: SessionSuperAdmin): string =>
  `${maskName(admin.superAdminName)}（${maskMobile(admin.superAdminMobile)}）`;

/** The fields of `typed` ESS would not match with `known` (the ID only when known has one). */
function differences(typed: SuperAdminIdentity, known: SessionSuperAdmin): string[] {
  const fields: string[] = [];
  if (typed.superAdminName !== known.superAdminName) fields.push('姓名');
  if (typed.superAdminMobile !== known.superAdminMobile) fields.push('手机号');
  if (
    known.superAdminIdCardNumber &&
    (typed.superAdminIdCardType !== known.superAdminIdCardType ||
      typed.superAdminIdCardNumber !== known.superAdminIdCardNumber)
  ) {
    fields.push('证件');
  }
  return fields;
}

/**
 * Fills in the super admin the selected enterprises were created with (remembered in memory when
 * they were submitted, `superAdminSession.ts`) while the operator has not typed anything, and says
 * next to the fields when what is there will not match them.
 */
export function useSuperAdminPrefill(
  form: SuperAdminForm,
  selectedNames: readonly string[],
): SuperAdminPrefill {
  const candidates = useMemo(() => superAdminsOf(selectedNames), [selectedNames]);
  const { typed, fill, check } = form;

  // Whenever the selection names one known super admin, and the operator has not typed.
  useEffect(() => {
    if (!typed && candidates.length === 1) fill(toValues(candidates[0]));
  }, [typed, candidates, fill]);

  const mismatch = useMemo(() => {
    if (candidates.length > 1) {
      return `所选企业的超管不止一位（${candidates.map(describeSuperAdmin).join('、')}），一个链接只对应一位超管：请选择超管，或只勾选同一位超管的企业。`;
    }
    if (candidates.length !== 1 || !check.ok) return null;
    const fields = differences(check.value, candidates[0]);
    if (fields.length === 0) return null;
    return `所选企业创建时填写的超管是 ${describeSuperAdmin(candidates[0])}，这里的${fields.join('、')}与之不一致，腾讯电子签会筛除这些企业。`;
  }, [candidates, check]);

  return { candidates, mismatch, use: (candidate) => fill(toValues(candidate)) };
}
