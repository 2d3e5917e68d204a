import type { ConnectOpenMode, FlowCallbacks } from '@harvest-connect/connect';
import type { ReactNode } from 'react';
import { useMessages } from '../i18n/useMessages';
import { useRootProps } from '../utils/useRootProps';
import { connectMessages } from './connectMessages';
import type { LinkTokenInput } from './connectTypes';
import { useConnect } from './useConnect';

/** Props of `ConnectButton`. */
export interface ConnectButtonProps extends FlowCallbacks {
  /** A link token from your backend, or a function fetching one (called after the window opened). */
  linkToken: LinkTokenInput;
  /** Reconnect this integrated account instead of linking a new one. */
  integratedAccountId?: string;
  /** `auto` (popup, else same-tab redirect), `popup` or `redirect`. */
  mode?: ConnectOpenMode;
  /** The button's text; "Connect Harvest" by default. */
  children?: ReactNode;
  /** Disable the button. */
  disabled?: boolean;
  /** Drop our styling; class names stay. */
  unstyled?: boolean;
  /** Extra class names. */
  className?: string;
}

/**
 * Opens the Harvest connect flow in a popup (or a redirect where popups cannot open). The window opens in the
 * click itself, so browsers do not block it, and the link token may still be loading.
 *
 * @example
 * <ConnectButton
 *   linkToken={() => fetch('/api/harvest/link-token', { method: 'POST' }).then((r) => r.json()).then((j) => j.link_token)}
 *   onSuccess={(result) => console.log('linked', result.integrated_account_id)}
 * />
 */
export function ConnectButton(props: ConnectButtonProps) {
  const t = useMessages(connectMessages);
  const root = useRootProps('hc-connect', props.unstyled, props.className);
  const flow = useConnect({
    mode: props.mode,
    onSuccess: props.onSuccess,
    onExit: props.onExit,
    onEvent: props.onEvent,
  });
  const outcome = flow.status === 'done' ? flow.outcome : undefined;
  const problem =
    outcome?.type === 'blocked'
      ? t.connectBlocked
      : outcome?.type === 'error' || outcome?.type === 'timeout'
        ? t.connectFailed
        : null;
  return (
    <span {...root} data-state={flow.status}>
      <button
        type="button"
        className="hc-button hc-button--primary hc-connect__button"
        aria-busy={flow.busy || undefined}
        disabled={props.disabled}
        onClick={() => {
          if (props.integratedAccountId) void flow.reconnect(props.integratedAccountId, props.linkToken);
          else void flow.open(props.linkToken);
        }}
      >
        {flow.busy
          ? t.connectConnecting
          : (props.children ?? (props.integratedAccountId ? t.connectReconnect : t.connectButton))}
      </button>
      {problem ? (
        <span className="hc-connect__error" role="alert">
          {problem}
        </span>
      ) : null}
    </span>
  );
}
