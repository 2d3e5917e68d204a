/**
 * `@harvest-connect/connect`: link a Harvest account from any page, in a popup (or a same-tab redirect where no
 * popup can open), with one outcome delivered exactly once.
 *
 * @example
 * import { createConnect } from '@harvest-connect/connect';
 * const connect = createConnect({ serverUrl: 'https://connect.example.com' });
 * button.onclick = () => connect.open({ linkToken: getLinkToken(), onSuccess: (r) => save(r.integrated_account_id) });
 */
export type {
  ConnectClientErrorCode,
  ConnectEvent,
  ConnectEventName,
  ConnectOutcome,
  ConnectSuccess,
} from '@harvest-connect/protocol';
export { type Connect, type ConnectOptions, createConnect } from './connect';
export type { ConnectOpenMode, FlowCallbacks, LinkTokenSource, OpenOptions } from './options';
export type { ConnectSnapshot, ConnectStatus } from './store';
