import { useCallback, useRef, useState } from 'react';
import type { ErrorCode } from '../../../domain/errors';
import type {
  AuthorizationEndpoint,
  AuthorizationFieldErrors,
  CreateBatchOrganizationAuthorizationUrlEvent,
  CreateBatchOrganizationAuthorizationUrlResult,
} from '../../../domain/organizationContract';
import { createAuthorizationUrl } from '../../../services/organizations';

export type AuthorizationLink = Extract<
  CreateBatchOrganizationAuthorizationUrlResult,
  { ok: true }
>;

export type LinkState =
  | { kind: 'idle' }
  | { kind: 'loading' }
  | { kind: 'ready'; endpoint: AuthorizationEndpoint; link: AuthorizationLink }
  | { kind: 'failed'; code: ErrorCode; message: string; fieldErrors: AuthorizationFieldErrors };

/** Asks for the batch-authorization link; only the latest request may change the state. */
export function useAuthorizationLink(onForbidden: () => void) {
  const [state, setState] = useState<LinkState>({ kind: 'idle' });
  const ticketRef = useRef(0);

  const generate = useCallback(
    async (event: CreateBatchOrganizationAuthorizationUrlEvent) => {
      const ticket = ++ticketRef.current;
      setState({ kind: 'loading' });
      const result = await createAuthorizationUrl(event);
      if (ticket !== ticketRef.current) return;
      if (result.ok) {
        setState({ kind: 'ready', endpoint: event.endpoint, link: result });
        return;
      }
      if (result.code === 'FORBIDDEN') onForbidden();
      setState({
        kind: 'failed',
        code: result.code,
        message: result.message,
        fieldErrors: result.fieldErrors ?? {},
      });
    },
    [onForbidden],
  );

  return { state, generate };
}
