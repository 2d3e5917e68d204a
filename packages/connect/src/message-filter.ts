import {
  POPUP_EVENT_TYPE,
  POPUP_MESSAGE_TYPE,
  type PopupEventMessage,
  type PopupResultMessage,
} from '@harvest-connect/protocol';
import type { MessageLike } from './env';

/** What a message must match to be read at all. */
export interface MessageExpectation {
  /** The exact origin of the Harvest Connect server: no prefix or suffix match. */
  origin: string;
  /** The flow's own popup window (never null while a flow listens). */
  source: unknown;
  nonce: string;
  /** The flow's connect session (the SDK listens only once the session is started). */
  sessionId: string | null;
}

/**
 * The popup's result or progress message when it is exactly this flow's, otherwise `null`. A message is only a
 * hint: the caller confirms with the server before resolving anything.
 *
 * @example
 * const msg = readPopupMessage(event, { origin: 'https://connect.example.com', source: popup, nonce, sessionId });
 * if (msg?.type === POPUP_MESSAGE_TYPE) poller.now();
 */
export function readPopupMessage(
  event: MessageLike,
  expected: MessageExpectation,
): PopupResultMessage | PopupEventMessage | null {
  // Any value can arrive here: optional chaining reads `undefined` off null and primitives alike.
  const data = event.data as { type?: unknown; nonce?: unknown; session_id?: unknown } | null;
  const ok =
    event.origin === expected.origin &&
    event.source === expected.source &&
    (data?.type === POPUP_MESSAGE_TYPE || data?.type === POPUP_EVENT_TYPE) &&
    data.nonce === expected.nonce &&
    data.session_id === expected.sessionId;
  return ok ? (data as PopupResultMessage | PopupEventMessage) : null;
}
