import { useCallback, useRef, useState } from 'react';
import type { ErrorCode } from '../../../domain/errors';
import type { RegistrationEndpoint, RowError } from '../../../domain/organizationContract';
import { createRegistrationTasks, newRequestKey } from '../../../services/organizations';
import type { RegistrationStatus } from '../../hooks/useRegistrationStatus';
import type { OrganizationDrafts } from './useOrganizationDrafts';
import type { BatchAuthMethod } from './RegistrationOptions';

export interface RegistrationSubmitOptions {
  drafts: OrganizationDrafts;
  endpoint: RegistrationEndpoint;
  batchAuthMethod: BatchAuthMethod;
  /** Follows the tasks of an accepted submission. */
  track: RegistrationStatus['track'];
  onForbidden: () => void;
}

const FRESH_ATTEMPT_AFTER: ReadonlySet<ErrorCode> = new Set<ErrorCode>([
  'INVALID_INPUT',
  'SUBMISSION_UNCONFIRMED',
]);
const INVALID_ROWS_MESSAGE = (count: number) =>
  `有 ${count} 家企业的信息需要修改，请按提示修改后再提交`;
const REFUSED_ROWS_MESSAGE = (count: number) =>
  `有 ${count} 家企业未被腾讯电子签受理，已留在下方，请按提示修改后重新提交；其余企业已提交`;

/**
 * Submits the rows. One submission attempt has one `requestKey`: retrying the same rows with
 * the same options (after a network failure, say) sends the same key, so the server answers the
 * first attempt's result (or sends only what it has not sent) instead of registering the
 * enterprises twice. Changed rows or options are a new attempt with a new key.
 */
export function useRegistrationSubmit(options: RegistrationSubmitOptions) {
  const { drafts, endpoint, batchAuthMethod, track, onForbidden } = options;
  const [submitting, setSubmitting] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const attemptRef = useRef<{ requestKey: string; fingerprint: string } | null>(null);
  const inFlightRef = useRef(false);

  const submit = useCallback(async () => {
    if (inFlightRef.current) return;
    const { check, filled } = drafts;
    if (!check.ok) {
      drafts.revealAll();
      setNotice(check.message ?? INVALID_ROWS_MESSAGE(check.rowErrors.length));
      return;
    }
    const organizations = check.value;
    const fingerprint = JSON.stringify([organizations, endpoint, batchAuthMethod]);
    if (attemptRef.current?.fingerprint !== fingerprint) {
      attemptRef.current = { requestKey: newRequestKey(), fingerprint };
    }
    const { requestKey } = attemptRef.current;

    inFlightRef.current = true;
    setSubmitting(true);
    setNotice(null);
    const result = await createRegistrationTasks({
      organizations,
      endpoint,
      batchAuthMethod,
      requestKey,
    });
    inFlightRef.current = false;
    setSubmitting(false);

    if (!result.ok) {
      if (result.code === 'FORBIDDEN') onForbidden();
      // Nothing was sent (invalid), or the server asks for a new submission once the admin has
      // checked the ESS console (unconfirmed): either way the next tap is a new attempt.
      if (FRESH_ATTEMPT_AFTER.has(result.code)) attemptRef.current = null;
      setNotice(result.message);
      drafts.setServerErrors(filled, result.rowErrors ?? []);
      return;
    }
    // Done with this attempt: the next submission is a new one.
    attemptRef.current = null;
    const refused: RowError[] = [];
    const acceptedNames: string[] = [];
    organizations.forEach((organization, index) => {
      const message = result.errorMessages[index]?.trim();
      if (message) refused.push({ index, fields: { row: message } });
      else acceptedNames.push(organization.organizationName);
    });
    drafts.setServerErrors(filled, refused);
    drafts.keepOnly(refused.map(({ index }) => filled[index].key));
    if (result.taskIds.length > 0) {
      track({
        submittedAt: Date.now(),
        taskIds: result.taskIds,
        organizationNames: acceptedNames,
      });
    }
    setNotice(refused.length > 0 ? REFUSED_ROWS_MESSAGE(refused.length) : null);
  }, [drafts, endpoint, batchAuthMethod, track, onForbidden]);

  return { submit, submitting, notice };
}
