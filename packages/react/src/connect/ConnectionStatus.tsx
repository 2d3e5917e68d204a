import type { FlowCallbacks } from '@harvest-connect/connect';
import { useQuery } from '@tanstack/react-query';
import { isHarvestConnectError } from '../client/HarvestConnectError';
import { useMessages } from '../i18n/useMessages';
import { useHarvestConnect } from '../provider/context';
import { useHarvestQueryClient } from '../provider/queryClientContext';
import { accountQueries } from '../queries/account';
import { useRootProps } from '../utils/useRootProps';
import { ConnectButton } from './ConnectButton';
import { connectMessages } from './connectMessages';
import type { LinkTokenInput } from './connectTypes';

/** Props of `ConnectionStatus`. */
export interface ConnectionStatusProps extends FlowCallbacks {
  /**
   * Where Connect and Reconnect get a link token (without it no button shows). A function is called in the
   * click with the id of the account to reconnect, or with none to connect a new one: have your backend mint the
   * token with that `integrated_account_id`, since the server refuses a reconnect whose token is for no account.
   */
  linkToken?: string | ((integratedAccountId?: string) => string | Promise<string>);
  /** Reconnect this account instead of the one the session's account query loaded. */
  integratedAccountId?: string;
  /** Drop our styling; class names stay. */
  unstyled?: boolean;
  /** Extra class names on the root. */
  className?: string;
}

/** Codes of the account's own call that mean there is no connection to describe. */
const DISCONNECTED_CODES = [
  'integrated_account.disconnected',
  'integrated_account.not_found',
  'auth.invalid_session_token',
  'client.no_session_token',
];

/** What `ConnectionStatus` shows (also its `data-state`). */
export type ConnectionState = 'loading' | 'connected' | 'needs_reconnect' | 'disconnected' | 'error';

/**
 * Where the session's Harvest connection stands: "Connected as ...", "needs reconnect" with a Reconnect button
 * for the loaded account, or disconnected (with a Connect button). It follows changes without a reload: on
 * window focus, and as soon as any widget's call is refused because the grant was revoked or the account is gone.
 *
 * @example
 * <ConnectionStatus
 *   linkToken={(integratedAccountId) =>
 *     fetch('/api/harvest/link-token', { method: 'POST', body: JSON.stringify({ integratedAccountId }) })
 *       .then((r) => r.json())
 *       .then((j) => j.link_token)
 *   }
 * />
 */
export function ConnectionStatus(props: ConnectionStatusProps) {
  const t = useMessages(connectMessages);
  const { client } = useHarvestConnect();
  const queryClient = useHarvestQueryClient();
  const root = useRootProps('hc-connection', props.unstyled, props.className);
  const account = useQuery({ ...accountQueries.current(client), retry: false }, queryClient);
  const code = isHarvestConnectError(account.error) ? account.error.code : '';
  // A refused refetch outranks the data it kept: the account was connected, and is not any more.
  const status = DISCONNECTED_CODES.includes(code)
    ? 'disconnected'
    : code === 'integrated_account.needs_reauth'
      ? 'needs_reauth'
      : account.data?.status;
  const state: ConnectionState = account.isPending
    ? 'loading'
    : status === 'active'
      ? 'connected'
      : status === 'needs_reauth'
        ? 'needs_reconnect'
        : status
          ? 'disconnected'
          : 'error';

  const accountId = props.integratedAccountId ?? account.data?.id;
  const { linkToken } = props;
  const tokenFor = (id?: string): LinkTokenInput | undefined =>
    typeof linkToken === 'function' ? () => linkToken(id) : linkToken;
  const callbacks = { onSuccess: props.onSuccess, onExit: props.onExit, onEvent: props.onEvent };
  let body: React.ReactNode;
  switch (state) {
    case 'loading':
      body = <span role="status">{t.connectLoading}</span>;
      break;
    case 'connected':
      body = (
        <span className="hc-connection__text">
          {t.connectConnectedAs(account.data!.harvest_user.name, account.data!.harvest_account.name)}
        </span>
      );
      break;
    case 'needs_reconnect':
      body = (
        <>
          <span className="hc-connection__text">{t.connectNeedsReconnect}</span>
          {linkToken && accountId ? (
            <ConnectButton
              linkToken={tokenFor(accountId)!}
              integratedAccountId={accountId}
              {...callbacks}
              unstyled
            />
          ) : null}
        </>
      );
      break;
    case 'disconnected':
      body = (
        <>
          <span className="hc-connection__text">{t.connectDisconnected}</span>
          {linkToken ? <ConnectButton linkToken={tokenFor()!} {...callbacks} unstyled /> : null}
        </>
      );
      break;
    default:
      body = (
        <span className="hc-connection__text" role="alert">
          {t.connectCheckFailed}
        </span>
      );
  }
  return (
    <div {...root} data-state={state}>
      <span className="hc-connection__dot" aria-hidden="true" />
      {body}
    </div>
  );
}
