/**
 * What became of each submitted enterprise, from the registration function's answer (its
 * `rowStatuses`: the page never reads the wording of a message), and what the enterprises page
 * says about it.
 */
import type {
  CreateBatchOrganizationRegistrationTasksResult,
  RegistrationRowStatus,
} from '../../domain/organizationContract';

type Submitted = Extract<CreateBatchOrganizationRegistrationTasksResult, { ok: true }>;

/**
 * The status of each of `count` rows: the server's `rowStatuses`. An answer without them (a
 * server older than the contract) is read on the safe side, without reading its text: a row
 * with a message is held for a check in the ESS console (it may have been sent), one without is
 * submitted.
 */
export function rowStatusesOf(result: Submitted, count: number): RegistrationRowStatus[] {
  const { rowStatuses, errorMessages } = result;
  if (Array.isArray(rowStatuses) && rowStatuses.length === count) return rowStatuses;
  return Array.from({ length: count }, (_, index): RegistrationRowStatus =>
    errorMessages[index]?.trim() ? 'unconfirmed' : 'submitted',
  );
}

export type StatusCounts = Record<RegistrationRowStatus, number>;

export function countStatuses(statuses: readonly RegistrationRowStatus[]): StatusCounts {
  const counts: StatusCounts = { submitted: 0, refused: 0, failed: 0, unconfirmed: 0 };
  for (const status of statuses) counts[status] += 1;
  return counts;
}

/** The page's summary of a submission some of whose enterprises were not (surely) submitted. */
export function outcomeNotice(counts: StatusCounts): string | null {
  const parts: string[] = [];
  if (counts.refused > 0) {
    parts.push(`有 ${counts.refused} 家企业未被腾讯电子签受理，请按提示修改后重新提交`);
  }
  if (counts.failed > 0) {
    parts.push(`有 ${counts.failed} 家企业尚未提交，已留在下方，可直接再次提交`);
  }
  if (counts.unconfirmed > 0) {
    parts.push(
      `有 ${counts.unconfirmed} 家企业没有收到腾讯电子签的答复，可能已提交成功：请到腾讯电子签控制台核对，确认未提交后才能重新提交`,
    );
  }
  if (parts.length === 0) return null;
  if (counts.submitted > 0) parts.push(`其余 ${counts.submitted} 家企业已提交`);
  return `${parts.join('；')}。`;
}
