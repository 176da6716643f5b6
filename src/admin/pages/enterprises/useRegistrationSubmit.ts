import { useCallback, useRef, useState } from 'react';
import type { RegistrationEndpoint, RowError } from '../../../domain/organizationContract';
import { createRegistrationTasks, newRequestKey } from '../../../services/organizations';
import type { HeldEnterprises } from '../../hooks/useHeldEnterprises';
import type { RegistrationStatus } from '../../hooks/useRegistrationStatus';
import { countStatuses, outcomeNotice, rowStatusesOf } from '../../lib/registrationOutcome';
import type { OrganizationDrafts } from './useOrganizationDrafts';
import type { BatchAuthMethod } from './RegistrationOptions';

export interface RegistrationSubmitOptions {
  drafts: OrganizationDrafts;
  /** The enterprises held back (remembered on the device) and those confirmed not submitted. */
  held: HeldEnterprises;
  endpoint: RegistrationEndpoint;
  batchAuthMethod: BatchAuthMethod;
  /** Follows the tasks of an accepted submission. */
  track: RegistrationStatus['track'];
  onForbidden: () => void;
}

const INVALID_ROWS_MESSAGE = (count: number) =>
  `有 ${count} 家企业的信息需要修改，请按提示修改后再提交`;

/**
 * Submits the rows. One submission attempt has one `requestKey`: retrying the same rows with
 * the same options sends the same key, so the server answers the first attempt's result or sends
 * only what ESS has not had, instead of registering the enterprises twice. The key is kept after
 * every failure but `INVALID_INPUT` (nothing was sent then): after a lost answer, `IN_PROGRESS`,
 * `SUBMISSION_UNCONFIRMED` (older servers) or any other error, some enterprises may have been
 * taken, and only the same key lets the server tell. Changed rows or options are a new attempt.
 *
 * Once the server answers (`ok: true`), each row goes its way by its status: `submitted` rows
 * leave the list and their tasks are remembered and followed; `refused` and `failed` rows stay,
 * with their message, to be submitted again (they were not taken, so a new key is safe);
 * `unconfirmed` rows stay but are held back from any submission until the admin says they
 * checked in the ESS console that those enterprises were not registered. Held enterprises are
 * remembered on the device (name and credit code), so a reload does not forget them; the server
 * holds them back as well, and sends them only when their code is in `confirmedNotSubmitted`,
 * which carries the admin's confirmations for the rows being submitted.
 */
export function useRegistrationSubmit(options: RegistrationSubmitOptions) {
  const { drafts, held, endpoint, batchAuthMethod, track, onForbidden } = options;
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
    const confirmedNotSubmitted = held
      .confirmedAmong(organizations.map((row) => row.uniformSocialCreditCode))
      .sort();
    const fingerprint = JSON.stringify([
      organizations,
      endpoint,
      batchAuthMethod,
      confirmedNotSubmitted,
    ]);
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
      ...(confirmedNotSubmitted.length > 0 ? { confirmedNotSubmitted } : {}),
    });
    inFlightRef.current = false;
    setSubmitting(false);

    if (!result.ok) {
      if (result.code === 'FORBIDDEN') onForbidden();
      // Validation comes before anything is sent: the corrected rows are a new attempt anyway.
      if (result.code === 'INVALID_INPUT') attemptRef.current = null;
      setNotice(result.message);
      drafts.setServerErrors(filled, result.rowErrors ?? []);
      return;
    }
    // Answered: what remains was not taken (or is held back), the next submission is a new one.
    attemptRef.current = null;
    const statuses = rowStatusesOf(result, organizations.length);
    const rowErrors: RowError[] = [];
    const acceptedKeys: string[] = [];
    const acceptedNames: string[] = [];
    const acceptedCodes: string[] = [];
    const unconfirmedKeys: string[] = [];
    const unconfirmed: Array<{ organizationName: string; uniformSocialCreditCode: string }> = [];
    statuses.forEach((status, index) => {
      const { key } = filled[index];
      const { organizationName, uniformSocialCreditCode } = organizations[index];
      if (status === 'submitted') {
        acceptedKeys.push(key);
        acceptedNames.push(organizationName);
        acceptedCodes.push(uniformSocialCreditCode);
      } else if (status === 'unconfirmed') {
        unconfirmedKeys.push(key);
        unconfirmed.push({ organizationName, uniformSocialCreditCode });
      } else {
        const message = result.errorMessages[index]?.trim();
        if (message) rowErrors.push({ index, fields: { row: message } });
      }
    });
    drafts.setServerErrors(filled, rowErrors);
    drafts.hold(unconfirmedKeys);
    held.hold(unconfirmed);
    held.forget(acceptedCodes);
    drafts.drop(acceptedKeys);
    if (result.taskIds.length > 0) {
      track({
        submittedAt: Date.now(),
        taskIds: result.taskIds,
        organizationNames: acceptedNames,
      });
    }
    setNotice(outcomeNotice(countStatuses(statuses)));
  }, [drafts, held, endpoint, batchAuthMethod, track, onForbidden]);

  return { submit, submitting, notice };
}
