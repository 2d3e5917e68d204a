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
  /** A link token (or a function fetching one) for Reconnect and Connect; without it no button shows. */
  linkToken?: LinkTokenInput;
  /** The account to reconnect when the server refuses to describe it (its grant was revoked). */
  integratedAccountId?: string;
  /** Drop our styling; class names stay. */
  unstyled?: boolean;
  /** Extra class names on the root. */
  className?: string;
}

/** What `ConnectionStatus` shows (also its `data-state`). */
export type ConnectionState = 'loading' | 'connected' | 'needs_reconnect' | 'disconnected' | 'error';

/**
 * Where the session's Harvest connection stands: "Connected as ...", "needs reconnect" with a Reconnect button,
 * or disconnected (with a Connect button when a link token is given).
 *
 * @example
 * <ConnectionStatus linkToken={() => createLinkToken({ reconnect: true })} />
 */
export function ConnectionStatus(props: ConnectionStatusProps) {
  const t = useMessages(connectMessages);
  const { client } = useHarvestConnect();
  const queryClient = useHarvestQueryClient();
  const root = useRootProps('hc-connection', props.unstyled, props.className);
  const account = useQuery({ ...accountQueries.current(client), retry: false }, queryClient);
  const error = account.error;

  let state: ConnectionState;
  if (account.isPending) state = 'loading';
  else if (account.data) {
    state =
      account.data.status === 'active'
        ? 'connected'
        : account.data.status === 'needs_reauth'
          ? 'needs_reconnect'
          : 'disconnected';
  } else if (isHarvestConnectError(error, 'integrated_account.needs_reauth')) state = 'needs_reconnect';
  else if (
    isHarvestConnectError(error) &&
    ['integrated_account.disconnected', 'integrated_account.not_found', 'client.no_session_token'].includes(
      error.code,
    )
  )
    state = 'disconnected';
  else state = 'error';

  const accountId = account.data?.id ?? props.integratedAccountId;
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
          {props.linkToken && accountId ? (
            <ConnectButton
              linkToken={props.linkToken}
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
          {props.linkToken ? <ConnectButton linkToken={props.linkToken} {...callbacks} unstyled /> : null}
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
