import { useCallback, useRef, useState } from 'react';
import type {
  RegistrationEndpoint,
  RegistrationFieldErrors,
  RowError,
} from '../../../domain/organizationContract';
import { createRegistrationTasks, newRequestKey } from '../../../services/organizations';
import type { HeldEnterprises } from '../../hooks/useHeldEnterprises';
import type { RegistrationStatus } from '../../hooks/useRegistrationStatus';
import { countStatuses, outcomeNotice, rowStatusesOf } from '../../lib/registrationOutcome';
import { rememberSuperAdmins } from '../../lib/superAdminSession';
import type { OrganizationDrafts } from './useOrganizationDrafts';
import type { BatchAuthMethod } from './RegistrationOptions';

export interface RegistrationSubmitOptions {
  drafts: OrganizationDrafts;
  /** The enterprises held back (remembered on the device) and those confirmed not submitted. */
  held: HeldEnterprises;
  endpoint: RegistrationEndpoint;
  batchAuthMethod: BatchAuthMethod;
  /** A group parent registering for a subsidiary (trimmed; '' = none). */
  proxyOrganizationId: string;
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
 * `unconfirmed` rows stay but are held back from any submission until the operator says they
 * checked in the ESS console that those enterprises were not registered. Held enterprises are
 * remembered on the device (name, credit code and row), so a reload does not forget them; the
 * server holds them back as well, and sends them only when their code is in
 * `confirmedNotSubmitted`, which carries the operator's confirmations for the rows submitted.
 * The page acts on `rowStatuses` and codes only, never on the wording of a message.
 */
export function useRegistrationSubmit(options: RegistrationSubmitOptions) {
  const { drafts, held, endpoint, batchAuthMethod, proxyOrganizationId, track, onForbidden } =
    options;
  const [submitting, setSubmitting] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<RegistrationFieldErrors>({});
  /** How many submissions were sent (what the page says about the list is stale after one). */
  const [attempts, setAttempts] = useState(0);
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
      proxyOrganizationId,
    ]);
    if (attemptRef.current?.fingerprint !== fingerprint) {
      attemptRef.current = { requestKey: newRequestKey(), fingerprint };
    }
    const { requestKey } = attemptRef.current;

    inFlightRef.current = true;
    setAttempts((count) => count + 1);
    setSubmitting(true);
    setNotice(null);
    setFieldErrors({});
    const result = await createRegistrationTasks({
      organizations,
      endpoint,
      batchAuthMethod,
      requestKey,
      ...(confirmedNotSubmitted.length > 0 ? { confirmedNotSubmitted } : {}),
      ...(proxyOrganizationId ? { proxyOrganizationId } : {}),
    });
    inFlightRef.current = false;
    setSubmitting(false);

    if (!result.ok) {
      if (result.code === 'FORBIDDEN') onForbidden();
      // Validation comes before anything is sent: the corrected rows are a new attempt anyway.
      if (result.code === 'INVALID_INPUT') attemptRef.current = null;
      setNotice(result.message);
      setFieldErrors(result.fieldErrors ?? {});
      drafts.setServerErrors(filled, result.rowErrors ?? []);
      return;
    }
    // Answered: what remains was not taken (or is held back), the next submission is a new one.
    attemptRef.current = null;
    const statuses = rowStatusesOf(result, organizations.length);
    const rowErrors: RowError[] = [];
    const accepted: typeof organizations = [];
    const acceptedKeys: string[] = [];
    const unconfirmed: Parameters<HeldEnterprises['hold']>[0][number][] = [];
    statuses.forEach((status, index) => {
      const { key } = filled[index];
      const { organizationName, uniformSocialCreditCode } = organizations[index];
      if (status === 'submitted') {
        accepted.push(organizations[index]);
        acceptedKeys.push(key);
      } else if (status === 'unconfirmed') {
        unconfirmed.push({ organizationName, uniformSocialCreditCode, rowKey: key });
      } else {
        const message = result.errorMessages[index]?.trim();
        if (message) rowErrors.push({ index, fields: { row: message } });
      }
    });
    drafts.setServerErrors(filled, rowErrors);
    held.hold(unconfirmed);
    held.forget(accepted.map((row) => row.uniformSocialCreditCode));
    drafts.drop(acceptedKeys);
    // For the authorization page: who each enterprise's super admin is (memory only).
    rememberSuperAdmins(accepted);
    if (result.taskIds.length > 0) {
      track({
        submittedAt: Date.now(),
        taskIds: result.taskIds,
        organizationNames: accepted.map((row) => row.organizationName),
      });
    }
    setNotice(outcomeNotice(countStatuses(statuses)));
  }, [drafts, held, endpoint, batchAuthMethod, proxyOrganizationId, track, onForbidden]);

  return { submit, submitting, notice, fieldErrors, attempts };
}
